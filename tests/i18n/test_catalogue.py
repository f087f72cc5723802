"""The Russian catalogue is complete: every translatable string of the code has its Russian.

makemessages runs on a copy of the sources, so a string wrapped for translation but not yet in
django.po shows up here as untranslated, and a changed one as fuzzy.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

IGNORED = shutil.ignore_patterns(
    ".git", ".venv", "staticfiles", "node_modules", "tests", "bench", "*.mo", "__pycache__"
)


@pytest.fixture(scope="module")
def fresh_catalogue(tmp_path_factory) -> polib.POFile:
    copy = tmp_path_factory.mktemp("sources") / "repo"
    shutil.copytree(settings.BASE_DIR, copy, ignore=IGNORED)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ru", "--no-obsolete", "-v0"],
        cwd=copy,
        check=True,
        env={"DJANGO_DEBUG": "1", "PATH": "/usr/bin:/bin", "HOME": str(copy)},
    )
    return polib.pofile(str(copy / "locale" / "ru" / "LC_MESSAGES" / "django.po"))


def test_every_translatable_string_has_its_russian(fresh_catalogue):
    missing = [e.msgid for e in fresh_catalogue.untranslated_entries()]
    assert not missing, "No Russian for (run `make makemessages`, translate in django.po):\n" + (
        "\n".join(missing)
    )


def test_no_russian_entry_is_fuzzy(fresh_catalogue):
    fuzzy = [e.msgid for e in fresh_catalogue.fuzzy_entries()]
    assert not fuzzy, "Fuzzy entries (check the Russian, then remove the flag):\n" + (
        "\n".join(fuzzy)
    )


def test_russian_keeps_every_placeholder_and_tag(fresh_catalogue):
    import re

    marks = re.compile(r"%\(\w+\)s|</?\w+")
    for entry in fresh_catalogue.translated_entries():
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for ru in translations:
            assert sorted(set(marks.findall(ru))) == sorted(set(marks.findall(entry.msgid))), (
                entry.msgid
            )


def test_the_catalogue_in_the_repo_is_the_one_makemessages_writes(fresh_catalogue):
    in_repo = polib.pofile(str(Path(settings.BASE_DIR) / "locale/ru/LC_MESSAGES/django.po"))
    assert {e.msgid for e in in_repo} == {e.msgid for e in fresh_catalogue}
