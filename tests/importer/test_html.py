"""HTML pages are read through trafilatura: main text, title, date and site name."""

import json
from io import StringIO
from pathlib import Path

from django.core.management import call_command

from importer import html
from importer.analysis import analyse

PAGE = Path(__file__).parent / "data" / "html" / "ministry_page.html"
FURNITURE = (
    "Share",
    "Facebook",
    "16 px",
    "Related news",
    "Print version",
    "Back to the list",
    "Main page",
    "reproduced with a reference",
)


def test_page_detected_but_not_text_with_a_tag():
    assert html.is_html(PAGE.read_text())
    assert not html.is_html("Statement <script>alert('x')</script>\n\nThe minister said.")


def test_extract_gives_text_and_metadata():
    page = html.extract(PAGE.read_text())
    assert page.title == "Minister's remarks on CSTO crisis response"
    assert page.date.isoformat() == "2024-05-16"
    assert page.sitename == "Ministry of Foreign Affairs"
    assert page.text.count("\n\n") >= 2  # paragraphs kept apart
    assert not [f for f in FURNITURE if f in page.text]


def test_analysis_of_a_page(seed):
    result = analyse(PAGE.read_text())
    assert result.title == "Minister's remarks on CSTO crisis response"
    # The title is not repeated as the text's first paragraph.
    assert result.text.startswith("The minister said that the Collective Security Treaty")
    assert result.text.endswith("modernisation of the armed forces of the allies.")
    assert not [f for f in FURNITURE if f in result.text]
    assert result.date.isoformat() == "2024-05-16"
    assert any("metadata" in note for note in result.notes)
    assert result.publisher == "Ministry of Foreign Affairs"


def test_command_reads_an_html_file(seed):
    out = StringIO()
    call_command("import_statement", str(PAGE), "--json", stdout=out)
    payload = json.loads(out.getvalue())
    assert payload["title"] == "Minister's remarks on CSTO crisis response"
    assert payload["date"] == "2024-05-16"
    assert "<p>" not in payload["text"] and "Telegram" not in payload["text"]
