"""Score the importer on a labelled set of statements (tests/data/evaluation by default).

`python -m importer.evaluate` analyses every statement of the set against the knowledge
base as `fixtures/` ship it (loaded into a throwaway test database, so the figures do not
depend on what an editor has changed) and prints, as a Markdown table, the accuracy of each
document field and the precision, recall and F1 of the sets of people and themes.
`--database` scores against the configured database instead; `--verbose` lists each miss.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

# Every field's accuracy, officials' F1 and new people's recall must reach these.
TARGETS = {"field": 0.9, "officials_f1": 0.95, "new_people_recall": 0.9}
FIELDS = ("date", "title", "publisher", "text", "language", "chairmanship", "meeting")
SETS = ("officials", "speakers", "new_people", "themes")
STATEMENT_SUFFIXES = (".txt", ".html")


def default_set() -> Path:
    from django.conf import settings

    return Path(settings.BASE_DIR) / "tests" / "data" / "evaluation"


@dataclass
class Case:
    name: str
    raw: str
    labels: dict


def load_cases(folder: Path) -> list[Case]:
    """Each statement of `folder` with the labels of the .json beside it."""
    cases = []
    for path in sorted(folder.iterdir()):
        if path.suffix not in STATEMENT_SUFFIXES:
            continue
        labels_path = path.with_suffix(".json")
        if not labels_path.exists():
            raise ValueError(f"{path.name} has no labels ({labels_path.name}).")
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
        cases.append(Case(path.name, path.read_bytes().decode("utf-8"), labels))
    if not cases:
        raise ValueError(f"No statements in {folder}.")
    return cases


def _squash(value: str | None) -> str:
    return " ".join((value or "").split())


def predicted(analysis) -> dict:
    """What the importer proposes, in the labels' terms."""
    chairmanship = analysis.presidency.slug if analysis.presidency else None
    if chairmanship is None and analysis.proposed_presidency:
        proposal = analysis.proposed_presidency
        chairmanship = f"new:{proposal.state.slug}-{proposal.year}"
    meeting = analysis.summit.slug if analysis.summit else None
    proposed_meeting = getattr(analysis, "proposed_summit", None)
    if meeting is None and proposed_meeting:
        day = proposed_meeting.date.isoformat() if proposed_meeting.date else ""
        meeting = f"new:{proposed_meeting.kind}:{proposed_meeting.city}:{day}"
    return {
        "date": analysis.date.isoformat() if analysis.date else None,
        "title": analysis.title,
        "publisher": analysis.publisher,
        "language": analysis.language,
        "chairmanship": chairmanship,
        "meeting": meeting,
        "text": analysis.text,
        "officials": {o.slug for o in [*analysis.officials, *analysis.mentioned]},
        "speakers": {o.slug for o in analysis.officials},
        "new_people": {_squash(n) for n in analysis.unknown_people},
        "themes": {h.theme.slug for h in analysis.themes},
    }


def _field_ok(name: str, got, labels: dict) -> tuple[bool, str]:
    """Whether the field is right, and what was wrong when it is not."""
    if name == "text":
        lost = [s for s in labels.get("keep", []) if s not in got]
        kept = [s for s in labels.get("drop", []) if s in got]
        problems = [f"lost “{s[:60]}”" for s in lost] + [f"kept “{s}”" for s in kept]
        return not problems, "; ".join(problems)
    expected = labels.get(name)
    if name == "title":
        ok = _squash(got) == _squash(expected)
    elif name == "publisher":
        ok = _squash(got).casefold() == _squash(expected).casefold()
    elif name == "meeting" and got and expected and got.startswith("new:"):
        ok = got.casefold() == expected.casefold()
    else:
        ok = got == expected
    return ok, "" if ok else f"{got!r}, expected {expected!r}"


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    cases: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    sets: dict[str, Counts] = field(default_factory=lambda: {s: Counts() for s in SETS})
    misses: list[str] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.cases if self.cases else 0.0

    def shortfalls(self) -> list[str]:
        """The targets not met, each with its measured value; empty when all are met."""
        short = [
            f"{name} accuracy {self.accuracy(name):.3f} < {TARGETS['field']}"
            for name in FIELDS
            if self.accuracy(name) < TARGETS["field"]
        ]
        if self.sets["officials"].f1 < TARGETS["officials_f1"]:
            f1 = self.sets["officials"].f1
            short.append(f"officials F1 {f1:.3f} < {TARGETS['officials_f1']}")
        if self.sets["new_people"].recall < TARGETS["new_people_recall"]:
            short.append(
                f"new people recall {self.sets['new_people'].recall:.3f} "
                f"< {TARGETS['new_people_recall']}"
            )
        return short

    def table(self) -> str:
        lines = [
            f"Statements: {self.cases}",
            "",
            "| field | accuracy |",
            "| --- | --- |",
            *(
                f"| {name} | {self.accuracy(name):.3f} ({self.correct[name]}/{self.cases}) |"
                for name in FIELDS
            ),
            "",
            "| set | precision | recall | F1 | tp / fp / fn |",
            "| --- | --- | --- | --- | --- |",
        ]
        for name in SETS:
            c = self.sets[name]
            lines.append(
                f"| {name.replace('_', ' ')} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} "
                f"| {c.tp} / {c.fp} / {c.fn} |"
            )
        return "\n".join(lines)


def evaluate(cases: list[Case]) -> Report:
    """Analyse each case against the current database and score it."""
    from .analysis import analyse

    report = Report(cases=len(cases))
    for case in cases:
        got = predicted(analyse(case.raw))
        for name in FIELDS:
            ok, why = _field_ok(name, got[name], case.labels)
            report.correct[name] += ok
            if not ok:
                report.misses.append(f"{case.name}: {name}: {why}")
        for name in SETS:
            expected = {_squash(x) for x in case.labels.get(name, [])}
            found = got[name]
            counts = report.sets[name]
            counts.tp += len(found & expected)
            counts.fp += len(found - expected)
            counts.fn += len(expected - found)
            if found != expected:
                extra, missed = sorted(found - expected), sorted(expected - found)
                report.misses.append(f"{case.name}: {name}: extra {extra}, missed {missed}")
    return report


def _with_fixtures(run):
    """run() in throwaway test databases holding the fixtures, then drop them.

    Django's test runner sets them up: every alias gets its test copy and a replica mirrors
    the test default, so no read reaches the configured data.
    """
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections
    from django.test.utils import (
        setup_databases,
        setup_test_environment,
        teardown_databases,
        teardown_test_environment,
    )

    setup_test_environment()
    old_config = setup_databases(verbosity=0, interactive=False, serialized_aliases=())
    try:
        fixtures = sorted(str(p) for p in (Path(settings.BASE_DIR) / "fixtures").glob("*.json"))
        call_command("loaddata", *fixtures, verbosity=0)
        return run()
    finally:
        connections.close_all()  # a replica's connection holds the test database open
        teardown_databases(old_config, verbosity=0)
        teardown_test_environment()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m importer.evaluate", description=__doc__)
    parser.add_argument("--set", type=Path, help="folder of statements and their labels")
    parser.add_argument(
        "--database",
        action="store_true",
        help="score against the configured database, not a fresh copy of the fixtures",
    )
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cstokb.settings")
    import django
    from django.apps import apps

    # Set up once: a second django.setup() in the same process configures logging again
    # and doubles every logger's filters.
    if not apps.ready:
        django.setup()
    try:
        cases = load_cases(args.set or default_set())
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    report = evaluate(cases) if args.database else _with_fixtures(lambda: evaluate(cases))
    print(report.table())
    if args.verbose and report.misses:
        print("\nMisses:")
        print("\n".join(f"- {m}" for m in report.misses))
    short = report.shortfalls()
    if short:
        print("\nTargets missed: " + "; ".join(short))
        return 1
    print("\nAll targets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
