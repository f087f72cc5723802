"""The importer in the editor's language: the admin honours the language the editor chose
(the admin's switcher) or the browser's, and the review page and its errors follow it;
the command speaks the operator's language. The public pages keep their address's language."""

from io import StringIO
from pathlib import Path

import lxml.html
import pytest
from django.core.management import CommandError, call_command

from documents.models import Document
from tests.importer.test_admin import DATA, URL, counts, review_data

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).parent.parent / "data" / "seeds"
RU = {"HTTP_ACCEPT_LANGUAGE": "ru"}


def page(response) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(response.content.decode())


def texts(tree, xpath: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in tree.xpath(xpath)]


def test_a_russian_browser_gets_the_importer_in_russian(seed, editor_client):
    response = editor_client.get(URL, **RU)
    assert response["Content-Language"] == "ru"
    assert "Accept-Language" in response["Vary"]
    tree = page(response)
    assert tree.get("lang") == "ru"
    assert texts(tree, "//h1") == ["Импорт заявления"]
    labels = texts(tree, "//form[@enctype]//label")
    assert "Текст, скопированный со страницы:" in labels
    assert tree.xpath("//input[@type='submit']/@value") == ["Анализировать"]
    assert "Редакция базы знаний ОДКБ" in texts(tree, "//*[@id='site-name']")[0]
    english = page(editor_client.get(URL, HTTP_ACCEPT_LANGUAGE="en"))
    assert english.get("lang") == "en" and texts(english, "//h1") == ["Import statement"]


def test_the_editor_switches_the_admin_to_russian_and_back(seed, editor_client):
    tree = page(editor_client.get(URL))
    form = tree.get_element_by_id("language-form")
    assert form.xpath(".//button/@value") == ["ru"]  # English is the current one
    switched = editor_client.post(form.get("action"), {"language": "ru", "next": URL})
    assert switched.status_code == 302 and switched["Location"] == URL
    russian = page(editor_client.get(URL))
    assert russian.get("lang") == "ru" and texts(russian, "//h1") == ["Импорт заявления"]
    form = russian.get_element_by_id("language-form")
    assert form.xpath(".//button/@value") == ["en"]
    assert texts(form, ".//*[@aria-current='true']") == ["Русский"]
    # The public pages keep the language of their address whatever the editor chose.
    assert page(editor_client.get("/themes/")).get("lang") == "en"
    assert page(editor_client.get("/ru/themes/")).get("lang") == "ru"
    editor_client.post(form.get("action"), {"language": "en", "next": URL})
    assert texts(page(editor_client.get(URL)), "//h1") == ["Import statement"]


def test_the_review_page_and_its_errors_in_russian(seed, editor_client):
    raw = (DATA / "05_yearless_dateline.txt").read_text(encoding="utf-8")
    response = editor_client.post(URL, {"step": "source", "raw_text": raw}, **RU)
    tree = page(response)
    headings = texts(tree, "//fieldset/h2")
    assert {"Документ", "Текст", "Люди", "Темы", "Возможные цитаты"} <= set(headings)
    assert tree.xpath("//input[@type='submit']/@value") == ["Сохранить"]
    assert "Заголовок:" in texts(tree, "//label")
    # The analysis' notes are English data (they go into the English editorial note).
    assert all(li.get("lang") == "en" for li in tree.xpath("//li[@class='warning']"))
    data = review_data(response)
    data["slug"] = "kremlin-csto-summit-bishkek-2025-11-27"  # taken
    data["quote_0_use"] = "on"  # no priority chosen
    refused = page(editor_client.post(URL, data, **RU))
    assert texts(refused, "//p[@class='errornote']") == ["Ничего не сохранено."]
    errors = texts(refused, "//ul[@class='errorlist']/li")
    assert "Этот slug (часть адреса страницы) уже занят другим документом." in errors
    assert "Выберите приоритет, который подтверждает эта цитата." in errors
    assert counts() == (17, 135, 7)


def test_the_saved_message_in_russian(seed, editor_client):
    raw = (DATA / "06_russia_2026_long_date.txt").read_text(encoding="utf-8")
    response = editor_client.post(URL, {"step": "source", "raw_text": raw}, **RU)
    saved = editor_client.post(URL, review_data(response), follow=True, **RU)
    document = Document.objects.get(slug=response.context["form"]["slug"].value())
    messages = texts(page(saved), "//ul[@class='messagelist']/li")
    assert f"Импортирован документ «{document}», 0 цитат." in messages


def run(*args) -> str:
    out = StringIO()
    call_command("import_statement", *args, stdout=out)
    return out.getvalue()


def test_the_command_speaks_russian_when_asked(seed):
    out = run(str(DATA / "06_russia_2026_long_date.txt"), "--language", "ru")
    lines = out.splitlines()
    assert any(line.startswith("Заголовок:") for line in lines)
    assert any(line.startswith("Выступают:") for line in lines)
    assert lines[-1].startswith("Текст: знаков — ")
    with pytest.raises(CommandError, match="^Укажите один источник"):
        run("--language", "ru")
    english = run(str(DATA / "06_russia_2026_long_date.txt"), "--language", "en")
    assert english.splitlines()[0].startswith("Title:")


def test_the_command_follows_the_shell_language(seed, monkeypatch):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    with pytest.raises(CommandError, match="^Файл не найден: "):
        run("/nonexistent/statement.txt")
    monkeypatch.setenv("LANG", "de_DE.UTF-8")  # not a language of the site: English
    with pytest.raises(CommandError, match="^No such file: "):
        run("/nonexistent/statement.txt")


def help_text(capsys, *args: str) -> str:
    """What `manage.py import_statement ARGS` prints for --help (argparse exits after it)."""
    from importer.management.commands.import_statement import Command

    with pytest.raises(SystemExit) as exit_:
        Command().run_from_argv(["manage.py", "import_statement", *args])
    assert exit_.value.code == 0
    return " ".join(capsys.readouterr().out.split())


@pytest.fixture
def russian_shell(monkeypatch):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")


def test_the_help_is_in_the_shells_language(russian_shell, capsys, monkeypatch):
    russian = help_text(capsys, "--help")
    assert "Анализирует заявление" in russian
    assert "Сохранить документ с выступающими, председательством, мероприятием и темами." in (
        russian
    )
    assert "Analyse a statement" not in russian
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    english = help_text(capsys, "--help")
    assert "Analyse a statement" in english and "Анализирует" not in english


def test_the_help_follows_language_as_the_command_does(russian_shell, capsys):
    assert "Analyse a statement" in help_text(capsys, "--language", "en", "--help")
    # Before --language too: argparse prints the help as soon as it meets --help.
    assert "Analyse a statement" in help_text(capsys, "--help", "--language=en")
    # A language the site does not speak leaves the shell's (the parser reports it when
    # it gets that far).
    assert "Анализирует заявление" in help_text(capsys, "--help", "--language", "de")


def test_manage_py_help_import_statement_in_the_shells_language(russian_shell, capsys):
    from importer.management.commands.import_statement import Command

    Command().print_help("manage.py", "import_statement")
    assert "Анализирует заявление" in capsys.readouterr().out
