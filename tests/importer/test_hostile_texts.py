"""Random and hostile statements: the importer analyses them or refuses them clearly, and
what it stores from them is shown as text, never run as markup."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from documents.models import Document
from importer.analysis import InputError, analyse, decode_input

pytestmark = pytest.mark.django_db

HOSTILE = st.one_of(
    st.text(max_size=400),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "'; DROP TABLE documents_document; --",
            "\x00\x01\x1b[31m",
            "MOSCOW, February 30. /TASS/.",
            "date 9999-99-99",
            "November 27, 2025, Bishkek",
            "Sergey Lavrov said:",
            "\u202e\u200b",
            "a" * 5000,
        ]
    ),
)
TEXTS = st.lists(HOSTILE, max_size=8).map("\n".join)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=TEXTS)
def test_any_text_is_analysed_or_refused_with_a_message(seed, raw):
    try:
        text = decode_input(raw.encode("utf-8"))
    except InputError as error:
        assert str(error)
        return
    analysis = analyse(text)
    assert analysis.date is None or 1900 < analysis.date.year < 2200
    assert analysis.raw == text


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=TEXTS)
def test_the_command_stores_whole_or_says_why(seed, tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("hostile") / "statement.txt"
    path.write_text(raw, encoding="utf-8")
    before = Document.objects.count()
    try:
        call_command("import_statement", str(path), "--save", stdout=io.StringIO())
    except CommandError as error:
        assert str(error)
        assert Document.objects.count() == before
    else:
        assert Document.objects.count() == before + 1


def test_stored_markup_is_shown_as_text(seed, client, tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text(
        "Statement <script>alert('x')</script>\n\n"
        "The minister said <img src=x onerror=alert(1)> the CSTO must act.\n",
        encoding="utf-8",
    )
    call_command("import_statement", str(path), "--save", stdout=io.StringIO())
    document = Document.objects.latest("created_at")
    html = client.get(document.get_absolute_url()).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
