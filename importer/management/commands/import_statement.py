"""Analyse a statement saved as a text file and, with --save, store it as a Document."""

import json
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from documents.models import VersionRole
from importer.analysis import MAX_BYTES, InputError, analyse, decode_input
from importer.fetch import FetchError, fetch
from importer.services import duplicate_of, import_data_from, store


class Command(BaseCommand):
    help = (
        "Analyse a statement (a UTF-8 text or HTML file, standard input with -, or a page "
        "fetched with --url) and optionally store it as a document. "
        "--save stores what the admin's review form proposes, saved unchanged: the document "
        "with its raw text (as in the file, line ends and all), speakers, chairmanship, "
        "meeting and, in its editorial note, what was inferred and the themes. Like the "
        "form's unticked boxes, it creates no officials and no citations unless asked: "
        "--create-people, --cite. All is stored in one transaction, or nothing."
    )

    stealth_options = ("stdin",)  # a binary stream in place of sys.stdin (tests)

    def add_arguments(self, parser):
        parser.add_argument(
            "file", nargs="?", help="Path to a UTF-8 text or HTML file, or - for standard input."
        )
        parser.add_argument("--url", help="Fetch the statement's page from this address.")
        parser.add_argument("--json", action="store_true", help="Print the analysis as JSON.")
        parser.add_argument(
            "--save",
            action="store_true",
            help="Store the document with its speakers, chairmanship, meeting and themes.",
        )
        parser.add_argument(
            "--create-people",
            action="store_true",
            help="With --save: create the people not in the knowledge base (unknown_people) "
            "as new officials; those the text has speak (unknown_speakers) become speakers.",
        )
        parser.add_argument(
            "--cite",
            action="store_true",
            help="With --save: cite each candidate quote for the priority proposed for it "
            "(a priority of the chairmanship on the quote's theme); quotes without one are "
            "not cited.",
        )

        parser.add_argument(
            "--attach-work",
            action="store_true",
            help="With --save: make the document a version of the work proposed for it "
            "(proposed_work: the stored text it is a version of, and why).",
        )
        parser.add_argument(
            "--version-role",
            choices=VersionRole.values,
            default=VersionRole.UNSTATED,
            help="With --attach-work: whether the new text is the original or a translation "
            "(default: not stated).",
        )

    def handle(self, *args, **options):
        needs_save = options["create_people"] or options["cite"] or options["attach_work"]
        if needs_save and not options["save"]:
            raise CommandError("--create-people, --cite and --attach-work only apply with --save.")
        if options["version_role"] != VersionRole.UNSTATED and not options["attach_work"]:
            raise CommandError("--version-role only applies with --attach-work.")
        if bool(options["file"]) == bool(options["url"]):
            raise CommandError("Give one source: a file, - for standard input, or --url.")
        source_url = ""
        if options["url"]:
            path = options["url"]
            try:
                page = fetch(options["url"])
            except FetchError as exc:
                raise CommandError(f"{path}: {exc}") from None
            raw, source_url = page.text, page.url
        else:
            path = options["file"]
            raw = self._read(path, options.get("stdin") or sys.stdin)
        result = analyse(raw)
        if not result.text and not result.title:
            raise CommandError(f"{path}: nothing is left once the page furniture is removed.")

        document = None
        if options["save"]:
            existing = duplicate_of(result.text)
            if existing:
                raise CommandError(f"{path}: already stored as {existing.slug}")
            data = import_data_from(
                result,
                create_people=options["create_people"],
                cite=options["cite"],
                source_url=source_url,
                attach_work=options["attach_work"],
                version_role=options["version_role"],
            )
            if options["attach_work"] and result.proposed_work is None:
                raise CommandError(f"{path}: --attach-work, but no work is proposed for it.")
            try:
                document = store(data)
            except ValidationError as exc:
                raise CommandError(f"{path}: " + "; ".join(exc.messages)) from None

        if options["json"]:
            payload = result.as_dict()
            if document is not None:
                payload["saved"] = document.slug
                payload["work"] = document.work.slug if document.work else None
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            self._summary(result)
            if document is not None:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Saved as {document.slug} with {document.citations.count()} citation(s)"
                    )
                )

    def _read(self, name: str, stdin) -> str:
        if name == "-":
            data = getattr(stdin, "buffer", stdin).read(MAX_BYTES + 1)
        else:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"No such file: {path}")
            if path.stat().st_size > MAX_BYTES:
                raise CommandError(
                    f"{path}: the text is larger than {MAX_BYTES // 1024 // 1024} MB."
                )
            data = path.read_bytes()
        try:
            return decode_input(data)
        except InputError as exc:
            raise CommandError(f"{name}: {exc}") from None

    def _summary(self, result) -> None:
        w = self.stdout.write
        w(f"Title:      {result.title or '(none)'}")
        w(f"Date:       {result.date.isoformat() if result.date else '(none)'}")
        w(f"Kind:       {result.kind}")
        w(f"Language:   {result.language}")
        w(f"Publisher:  {result.publisher or '(none)'}")
        w(f"Chairmanship: {result.presidency or '(none)'}")
        w(f"Meeting:    {result.summit or '(none)'}")
        w("Speakers:   " + (", ".join(o.name for o in result.officials) or "(none)"))
        w("Mentioned:  " + (", ".join(o.name for o in result.mentioned) or "(none)"))
        w(
            "Not in the knowledge base: "
            + (
                ", ".join(
                    n
                    + (f", {result.posts[n]}" if result.posts.get(n) else "")
                    + (" (speaks)" if n in result.unknown_speakers else "")
                    for n in result.unknown_people
                )
                or "(none)"
            )
        )
        w(
            "Themes:     "
            + (", ".join(f"{h.theme.name} ({h.count})" for h in result.themes) or "(none)")
        )
        if result.proposed_work:
            w(f"Version of: {result.proposed_work.document.slug} ({result.proposed_work.reason})")
        for note in result.notes:
            w(f"Note:       {note}")
        w(f"Candidate quotes ({len(result.priorities)}):")
        for c in result.priorities:
            theme = c.theme.name if c.theme else "no theme"
            w(f"  - [{theme}] {c.quote}")
        w(f"Text: {len(result.text)} characters in {result.text.count(chr(10) * 2) + 1} paragraphs")
