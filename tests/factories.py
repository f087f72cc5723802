"""factory_boy factories for every model, shared by all test folders."""

import datetime

import factory

from documents.models import Citation, Document, Work
from presidencies.models import MemberState, Official, Position, Presidency, Priority, Summit, Theme


class MemberStateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberState

    name = factory.Sequence(lambda n: f"State {n}")
    slug = factory.Sequence(lambda n: f"state-{n}")
    # Lower case: never one of the seed's real codes.
    iso_code = factory.Sequence(lambda n: f"{chr(97 + n // 26 % 26)}{chr(97 + n % 26)}")


class PresidencyFactory(factory.django.DjangoModelFactory):
    """Chairmanships named for far-future years, their dates unknown by default.

    Unknown dates never clash with the open-ended Russia 2026 of the seed; tests that
    need dates pass them.
    """

    class Meta:
        model = Presidency

    chair = factory.SubFactory(MemberStateFactory)
    year = factory.Sequence(lambda n: 2100 + n % 100)
    slug = factory.LazyAttribute(lambda o: f"{o.chair.slug}-{o.year}")
    start_date = None
    end_date = None
    concluded = factory.LazyAttribute(lambda o: o.start_date is None and o.end_date is None)
    motto = factory.Faker("sentence", nb_words=6)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    slug = factory.Sequence(lambda n: f"document-{n}")
    kind = Document.Kind.STATEMENT
    title = factory.Sequence(lambda n: f"Statement number {n}")
    date = datetime.date(2100, 6, 1)
    publisher = "Test Ministry"
    text = factory.Sequence(
        lambda n: (
            f"Opening paragraph {n} on collective security.\n\n"
            f"We will strengthen information security and peacekeeping, item {n}."
        )
    )
    raw_text = factory.LazyAttribute(lambda o: o.text)


class WorkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Work

    slug = factory.Sequence(lambda n: f"work-{n}")
    title = factory.Sequence(lambda n: f"Statement {n} in all its versions")


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Priority

    presidency = factory.SubFactory(PresidencyFactory)
    theme = factory.SubFactory(ThemeFactory)
    title = factory.Sequence(lambda n: f"Priority {n}")
    summary = "A priority made by a factory."


class CitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Citation

    document = factory.SubFactory(DocumentFactory)
    priority = factory.SubFactory(PriorityFactory)
    quote = factory.LazyAttribute(lambda o: o.document.paragraphs()[-1])


class OfficialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Official

    name = factory.Sequence(lambda n: f"Official Person {n}")
    slug = factory.Sequence(lambda n: f"official-person-{n}")


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    official = factory.SubFactory(OfficialFactory)
    title = "Minister of Foreign Affairs"
    member_state = factory.SubFactory(MemberStateFactory)


class SummitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Summit

    kind = Summit.Kind.COLLECTIVE_SECURITY_COUNCIL
    title = factory.Sequence(lambda n: f"Session {n} of the Collective Security Council")
    slug = factory.Sequence(lambda n: f"session-{n}")
    date = datetime.date(2100, 11, 1)
    city = "Capital"
    status = Summit.Status.HELD
