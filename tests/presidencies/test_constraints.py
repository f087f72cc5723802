"""Every named constraint is enforced by the database itself, not only by forms and clean().

Each case writes past clean() (`objects.create()`, `bulk_create()` or a queryset `update()`)
and expects the database to refuse the row with an IntegrityError that names the constraint
(PostgreSQL names every constraint; SQLite names check constraints and, for a unique one, its
columns).
"""

import datetime

import pytest
from django.apps import apps
from django.db import IntegrityError, connection, models, transaction

from documents.models import Citation, Document, Work
from presidencies.models import (
    KnowledgeBaseRevision,
    MemberState,
    Official,
    Position,
    Presidency,
    Priority,
    Summit,
    Theme,
)
from tests.factories import (
    CitationFactory,
    DocumentFactory,
    MemberStateFactory,
    OfficialFactory,
    PositionFactory,
    PresidencyFactory,
    PriorityFactory,
    SummitFactory,
    ThemeFactory,
    WorkFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date


def update(instance, **values) -> None:
    """A queryset update: no save(), no clean(), straight to the database.

    Models with translated labels take the column named, not the active language's version.
    """
    rows = type(instance).objects.filter(pk=instance.pk)
    if hasattr(rows, "rewrite"):
        rows = rows.rewrite(False)
    rows.update(**values)


def duplicate_member_state(**values):
    first = MemberStateFactory()
    fields = {"name": "Another state", "slug": "another-state", "iso_code": "9z"}
    fields.update({name: getattr(first, name) for name in values})
    MemberState.objects.create(**fields)


def dated_presidency():
    return PresidencyFactory(year=2150, start_date=D(2150, 1, 1), end_date=D(2150, 12, 31))


def duplicate_priority():
    first = PriorityFactory()
    Priority.objects.create(presidency=first.presidency, theme=first.theme, title=first.title)


def duplicate_russian_theme_name():
    ThemeFactory(name_ru="Кризисное реагирование")
    ThemeFactory(name_ru="Кризисное реагирование")


def duplicate_english_priority_title():
    first = PriorityFactory()
    update(PriorityFactory(presidency=first.presidency), title_en=first.title)


def duplicate_russian_priority_title():
    first = PriorityFactory(title_ru="Миротворческая деятельность")
    PriorityFactory(presidency=first.presidency, title_ru=first.title_ru)


def duplicate_russian_state_name():
    MemberStateFactory(name_ru="Республика Армения")
    MemberStateFactory(name_ru="Республика Армения")


def duplicate_russian_post():
    # Different in English, so that only the Russian copy of the rule can refuse it (PostgreSQL
    # checks the unique indexes in an order of its own).
    first = PositionFactory(
        organisation="CSTO", title_ru="Генеральный секретарь", organisation_ru="ОДКБ"
    )
    PositionFactory(
        official=first.official,
        member_state=first.member_state,
        organisation="OSCE",
        title_ru="Генеральный секретарь",
        organisation_ru="ОДКБ",
    )


def duplicate_english_post():
    first = PositionFactory(organisation="CSTO")
    second = PositionFactory(
        official=first.official, member_state=first.member_state, organisation="OSCE"
    )
    update(second, organisation_en="CSTO")


def duplicate_position():
    # The unsuffixed columns only: a copy in every column would break the -en copy first.
    first = PositionFactory(organisation="CSTO")
    second = PositionFactory(
        official=first.official, member_state=first.member_state, organisation="OSCE"
    )
    update(second, organisation="CSTO")


def summit(**values):
    update(SummitFactory(), **values)


def second_document(**values):
    first = DocumentFactory()
    fields = {"slug": "another-document", "kind": "statement", "title": "Another", "text": ""}
    fields.update({name: getattr(first, name) for name in values})
    Document.objects.create(**fields)  # save() computes text_hash from the text


def second_original():
    work = WorkFactory()
    DocumentFactory(work=work, version_role="original")
    DocumentFactory(work=work, version_role="original")


CASES = {
    "memberstate_unique_slug": lambda: duplicate_member_state(slug=True),
    "memberstate_unique_iso_code": lambda: duplicate_member_state(iso_code=True),
    "memberstate_unique_name": lambda: duplicate_member_state(name=True),
    "memberstate_name_and_code_set": lambda: MemberState.objects.bulk_create(
        [MemberState(name="", slug="nameless", iso_code="9y")]
    ),
    "presidency_unique_slug": lambda: PresidencyFactory(
        year=2151, slug=PresidencyFactory(year=2150).slug
    ),
    "presidency_one_per_year": lambda: PresidencyFactory(year=PresidencyFactory().year),
    "presidency_end_on_or_after_start": lambda: update(
        dated_presidency(), end_date=D(2149, 12, 31)
    ),
    "presidency_year_plausible": lambda: update(PresidencyFactory(), year=1991),
    "presidency_concluded_only_without_end_date": lambda: update(
        dated_presidency(), concluded=True
    ),
    "theme_unique_slug": lambda: Theme.objects.create(name="Other", slug=ThemeFactory().slug),
    "theme_unique_name": lambda: Theme.objects.create(name=ThemeFactory().name, slug="other"),
    "theme_name_not_empty": lambda: update(ThemeFactory(), name=""),
    # modeltranslation's copies of the unique constraints, one per language version.
    "theme_unique_name-en": lambda: update(ThemeFactory(), name_en=ThemeFactory().name),
    "theme_unique_name-ru": duplicate_russian_theme_name,
    "memberstate_unique_name-en": lambda: update(
        MemberStateFactory(), name_en=MemberStateFactory().name
    ),
    "memberstate_unique_name-ru": duplicate_russian_state_name,
    "priority_unique_title_per_presidency": duplicate_priority,
    "priority_unique_title_per_presidency-en": duplicate_english_priority_title,
    "priority_unique_title_per_presidency-ru": duplicate_russian_priority_title,
    "priority_title_not_empty": lambda: update(PriorityFactory(), title=""),
    "priority_status_valid": lambda: update(PriorityFactory(), status="forgotten"),
    "official_unique_slug": lambda: Official.objects.create(
        name="Someone else", slug=OfficialFactory().slug
    ),
    "official_name_not_empty": lambda: Official.objects.bulk_create(
        [Official(name="", slug="nobody")]
    ),
    "position_title_not_empty": lambda: update(PositionFactory(), title=""),
    "position_end_on_or_after_start": lambda: update(
        PositionFactory(start_date=D(2020, 1, 1)), end_date=D(2019, 12, 31)
    ),
    "position_unique_per_official": duplicate_position,
    "position_unique_per_official-en": duplicate_english_post,
    "position_unique_per_official-ru": duplicate_russian_post,
    "summit_unique_slug": lambda: Summit.objects.create(
        kind="csc", title="Another session", slug=SummitFactory().slug
    ),
    "summit_title_not_empty": lambda: summit(title=""),
    "summit_kind_valid": lambda: summit(kind="party"),
    "summit_status_valid": lambda: summit(status="imagined"),
    "summit_attendance_valid": lambda: summit(attendance="hologram"),
    "kbrevision_single_row": lambda: KnowledgeBaseRevision.objects.create(pk=2),
    "document_unique_slug": lambda: second_document(slug=True),
    "document_unique_text": lambda: second_document(text=True),
    "document_kind_valid": lambda: update(DocumentFactory(), kind="poem"),
    "document_title_or_text": lambda: update(DocumentFactory(), title="", text=""),
    "document_version_role_valid": lambda: update(
        DocumentFactory(work=WorkFactory()), version_role="copy"
    ),
    "document_one_original_per_work": second_original,
    "document_version_needs_work": lambda: update(DocumentFactory(), version_role="translation"),
    "work_unique_slug": lambda: Work.objects.create(title="Another", slug=WorkFactory().slug),
    "work_title_not_empty": lambda: update(WorkFactory(), title=""),
    "citation_quote_not_empty": lambda: update(CitationFactory(), quote=""),
    "citation_has_a_subject": lambda: Citation.objects.bulk_create(
        [Citation(document=DocumentFactory(), quote="Opening")]
    ),
    "citation_role_valid": lambda: update(CitationFactory(), role="denies"),
}


def named_constraints() -> dict[str, tuple[type[models.Model], models.BaseConstraint]]:
    found = {}
    for model in apps.get_app_config("presidencies").get_models():
        found |= {c.name: (model, c) for c in model._meta.constraints}
    for model in apps.get_app_config("documents").get_models():
        found |= {c.name: (model, c) for c in model._meta.constraints}
    return found


def expected_message(name: str) -> str:
    """What the database's error says when `name` refuses a row."""
    model, constraint = named_constraints()[name]
    if connection.vendor == "sqlite" and isinstance(constraint, models.UniqueConstraint):
        table = model._meta.db_table
        columns = [model._meta.get_field(f).column for f in constraint.fields]
        return "UNIQUE constraint failed: " + ", ".join(f"{table}.{c}" for c in columns)
    return name


def test_every_named_constraint_has_a_case():
    assert sorted(CASES) == sorted(named_constraints())


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_database_enforces(name):
    expected = expected_message(name)
    with pytest.raises(IntegrityError) as excinfo, transaction.atomic():
        CASES[name]()
    assert expected in str(excinfo.value)


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("memberstate_name_and_code_set", {"iso_code": ""}),
        ("presidency_year_plausible", {"year": 2201}),
    ],
)
def test_the_database_enforces_the_other_bound(name, values):
    instance = MemberStateFactory() if name.startswith("memberstate") else PresidencyFactory()
    with pytest.raises(IntegrityError, match=name), transaction.atomic():
        update(instance, **values)


def test_rows_within_the_constraints_are_stored():
    """The cases above fail for their constraint only: the same shapes, valid, are fine."""
    PresidencyFactory(year=1992)
    PresidencyFactory(year=2200)
    position = PositionFactory(start_date=D(2020, 1, 1), end_date=D(2020, 1, 1))
    Position.objects.create(official=position.official, title="Another post")
    SummitFactory(attendance="videoconference", status="planned", kind="forum")
    assert Presidency.objects.count() == 2 and Position.objects.count() == 2
