"""Analyse a statement saved as a text file and, with --save, store it as a Document."""

import argparse
import json
import os
import sys
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from documents.models import VersionRole
from importer.analysis import MAX_BYTES, InputError, analyse, decode_input
from importer.fetch import FetchError, fetch
from importer.services import already_stored, duplicate_of, import_data_from, store


class Command(BaseCommand):
    help = gettext_lazy(
        "Analyse a statement (a UTF-8 text or HTML file, standard input with -, or a page "
        "fetched with --url) and optionally store it as a document. "
        "--save stores what the admin's review form proposes, saved unchanged: the document "
        "with its raw text (as in the file, line ends and all), speakers, chairmanship, "
        "meeting and, in its editorial note, what was inferred and the themes. Like the "
        "form's unticked boxes, it creates no officials and no citations unless asked: "
        "--create-people, --cite. All is stored in one transaction, or nothing."
    )

    stealth_options = ("stdin",)  # a binary stream in place of sys.stdin (tests)
    language: str | None = None  # --language as given on the command line (run_from_argv)

    def run_from_argv(self, argv):
        self.language = language_option(argv[2:])
        super().run_from_argv(argv)

    def create_parser(self, prog_name, subcommand, **kwargs):
        # argparse prints --help while it reads the arguments, before handle() sets the
        # language, and takes only str: the texts are made here, in the language handle()
        # speaks (--language, else the shell's). Django's own options stay in English.
        with translation.override(self.language or shell_language()):
            parser = super().create_parser(prog_name, subcommand, **kwargs)
            parser.description = str(self.help)
        return parser

    def add_arguments(self, parser):
        parser.add_argument(
            "file", nargs="?", help=_("Path to a UTF-8 text or HTML file, or - for standard input.")
        )
        parser.add_argument("--url", help=_("Fetch the statement's page from this address."))
        parser.add_argument("--json", action="store_true", help=_("Print the analysis as JSON."))
        parser.add_argument(
            "--save",
            action="store_true",
            help=_("Store the document with its speakers, chairmanship, meeting and themes."),
        )
        parser.add_argument(
            "--create-people",
            action="store_true",
            help=_(
                "With --save: create the people not in the knowledge base (unknown_people) "
                "as new officials; those the text has speak (unknown_speakers) become speakers."
            ),
        )
        parser.add_argument(
            "--cite",
            action="store_true",
            help=_(
                "With --save: cite each candidate quote for the priority proposed for it "
                "(a priority of the chairmanship on the quote's theme); quotes without one are "
                "not cited."
            ),
        )
        parser.add_argument(
            "--attach-work",
            action="store_true",
            help=_(
                "With --save: make the document a version of the work proposed for it "
                "(proposed_work: the stored text it is a version of, and why)."
            ),
        )
        parser.add_argument(
            "--version-role",
            choices=VersionRole.values,
            default=VersionRole.UNSTATED,
            help=_(
                "With --attach-work: whether the new text is the original or a translation "
                "(default: not stated)."
            ),
        )
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            help=_(
                "The language of the messages and the summary (default: the shell's, from "
                "LC_ALL, LC_MESSAGES or LANG, else English). The --json keys stay as they are."
            ),
        )

    def handle(self, *args, **options):
        with translation.override(options.get("language") or shell_language()):
            self._handle(options)

    def _handle(self, options):
        needs_save = options["create_people"] or options["cite"] or options["attach_work"]
        if needs_save and not options["save"]:
            raise CommandError(
                _("--create-people, --cite and --attach-work only apply with --save.")
            )
        if options["version_role"] != VersionRole.UNSTATED and not options["attach_work"]:
            raise CommandError(_("--version-role only applies with --attach-work."))
        if bool(options["file"]) == bool(options["url"]):
            raise CommandError(_("Give one source: a file, - for standard input, or --url."))
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
            raise CommandError(
                _("%(path)s: nothing is left once the page furniture is removed.") % {"path": path}
            )

        document = None
        if options["save"]:
            existing = duplicate_of(result.text)
            if existing:
                raise CommandError(f"{path}: {already_stored(existing)}")
            data = import_data_from(
                result,
                create_people=options["create_people"],
                cite=options["cite"],
                source_url=source_url,
                attach_work=options["attach_work"],
                version_role=options["version_role"],
            )
            if options["attach_work"] and result.proposed_work is None:
                raise CommandError(
                    _("%(path)s: --attach-work, but no work is proposed for it.") % {"path": path}
                )
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
                count = document.citations.count()
                saved = ngettext(
                    "Saved as %(slug)s with %(count)d citation",
                    "Saved as %(slug)s with %(count)d citations",
                    count,
                )
                self.stdout.write(
                    self.style.SUCCESS(saved % {"slug": document.slug, "count": count})
                )

    def _read(self, name: str, stdin) -> str:
        if name == "-":
            data = getattr(stdin, "buffer", stdin).read(MAX_BYTES + 1)
        else:
            path = Path(name)
            if not path.is_file():
                raise CommandError(_("No such file: %(path)s") % {"path": path})
            if path.stat().st_size > MAX_BYTES:
                raise CommandError(
                    _("%(path)s: the text is larger than %(size)s MB.")
                    % {"path": path, "size": MAX_BYTES // 1024 // 1024}
                )
            data = path.read_bytes()
        try:
            return decode_input(data)
        except InputError as exc:
            raise CommandError(f"{name}: {exc}") from None

    def _summary(self, result) -> None:
        none = _("(none)")

        def names(officials) -> str:
            return ", ".join(o.name for o in officials) or none

        unknown = ", ".join(
            n
            + (f", {result.posts[n]}" if result.posts.get(n) else "")
            + (" " + _("(speaks)") if n in result.unknown_speakers else "")
            for n in result.unknown_people
        )
        themes = ", ".join(f"{h.theme.name} ({h.count})" for h in result.themes)
        rows = [
            (_("Title:"), result.title or none),
            (_("Date:"), result.date.isoformat() if result.date else none),
            (_("Kind:"), result.kind),
            (_("Language:"), result.language),
            (_("Publisher:"), result.publisher or none),
            (_("Chairmanship:"), result.presidency or none),
            (_("Meeting:"), result.summit or none),
            (_("Speakers:"), names(result.officials)),
            (_("Mentioned:"), names(result.mentioned)),
            (_("Not in the knowledge base:"), unknown or none),
            (_("Themes:"), themes or none),
        ]
        if result.proposed_work:
            work = result.proposed_work
            rows.append((_("Version of:"), f"{work.document.slug} ({work.reason})"))
        rows += [(_("Note:"), note) for note in result.notes]
        for label, value in rows:
            self.stdout.write(f"{label.ljust(11)} {value}")
        self.stdout.write(_("Candidate quotes (%(count)s):") % {"count": len(result.priorities)})
        for c in result.priorities:
            theme = c.theme.name if c.theme else _("no theme")
            self.stdout.write(f"  - [{theme}] {c.quote}")
        paragraphs = result.text.count(chr(10) * 2) + 1
        self.stdout.write(
            _("Text: %(characters)s characters in %(paragraphs)s paragraphs")
            % {"characters": len(result.text), "paragraphs": paragraphs}
        )


def shell_language() -> str:
    """The operator's language as gettext programs read it (LC_ALL, LC_MESSAGES, LANG), where
    the knowledge base speaks it; else the default."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if value := os.environ.get(name):
            code = value.split(".")[0].split("_")[0].lower()
            return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    return settings.LANGUAGE_CODE


def language_option(args: list[str]) -> str | None:
    """--language among the command-line arguments, where it names a language of the site."""
    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    parser.add_argument("--language")
    try:
        language = parser.parse_known_args(args)[0].language
    except argparse.ArgumentError:
        return None  # the command's own parser reports it
    return language if language in dict(settings.LANGUAGES) else None
