"""Generate a synthetic corpus for benchmarks: `manage.py generate_corpus --documents N`."""

import time

from django.core.management.base import BaseCommand, CommandError

from corpus.generator import CorpusGenerator, Plan
from corpus.sentences import SOURCES
from cstokb.cache import bump_kb_version


class Command(BaseCommand):
    help = (
        "Add a deterministic synthetic corpus (chairmanships from 2030 on, priorities, meetings, "
        "officials, documents of 500-2,000 words with verbatim citations) in bulk."
    )

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=1000)
        parser.add_argument("--presidencies", type=int, default=20)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch-size", type=int, default=1000)
        parser.add_argument(
            "--vocabulary",
            choices=list(SOURCES),
            default="dense",
            help="dense: the seed texts' sentences recombined (their common words in nearly "
            "every document); zipf: words drawn with Zipf frequencies, rare words rare",
        )

    def handle(self, *args, documents, presidencies, seed, batch_size, vocabulary, **options):
        self.verbosity = options["verbosity"]
        started = time.monotonic()
        plan = Plan(
            documents=documents,
            presidencies=presidencies,
            seed=seed,
            batch_size=batch_size,
            vocabulary=vocabulary,
        )
        try:
            generator = CorpusGenerator(plan, log=self._progress)
            counts = generator.run()
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        bump_kb_version()
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        self.stdout.write(f"Generated {summary} in {time.monotonic() - started:.1f} s.")

    def _progress(self, message: str) -> None:
        if self.verbosity >= 2:
            self.stderr.write(message)
