"""Reads that span several models for the public pages.

No page loads a whole table: every list a detail page shows is cut in the database to
its newest rows, and its total comes from a COUNT subquery on the object the page is
about, so a page issues the same queries whatever the size of the data.
"""

from itertools import groupby

from django.db.models import (
    Count,
    F,
    Func,
    IntegerField,
    OrderBy,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)

from cstokb.cache import per_revision
from documents.models import Citation, Document, Work
from presidencies.models import Official, Position, Presidency, Priority, Summit, Theme

MATRIX_CACHE_SECONDS = 600

# How much of each list a detail page shows; the rest is one link away.
QUOTES_STATING_PRIORITY = 5  # the oldest quotes that state a priority: where it was set out
QUOTES_OF_PROGRESS = 3  # the newest quotes that report progress on it
INSTRUMENTS_PER_PRIORITY = 5
DOCUMENTS_ON_DETAIL = 10
INSTRUMENTS_ON_DETAIL = 20  # documents a meeting adopted or signed
SUMMITS_ON_DETAIL = 20
SOURCES_ON_DETAIL = 5  # quotes attesting a chairmanship or a meeting
QUOTES_PER_POSITION = 3
HOME_MEETINGS = 3
VERSIONS_ON_WORK = 6  # versions of one statement shown side by side

# Heavy columns no list row shows (a cleaned text runs to thousands of words).
TEXT_FIELDS = ("text", "raw_text")


def newest_first(prefix: str = "") -> tuple[OrderBy, str]:
    """Newest first and the undated last, on every database; ties by the row's own id.

    A plain "-date" puts undated rows first on PostgreSQL (NULL sorts as the largest value).
    `prefix` reads the date through a relation ("document__" for citations).
    """
    return F(f"{prefix}date").desc(nulls_last=True), "-pk"


def oldest_first(prefix: str = "") -> tuple[OrderBy, str]:
    return F(f"{prefix}date").asc(nulls_last=True), "pk"


def count_of(queryset: QuerySet) -> Subquery:
    """COUNT(*) of `queryset` (filtered on an OuterRef) as a scalar subquery.

    Annotated on the object a page is about, a list's total costs no query of its own.
    """
    return Subquery(
        queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n"),
        output_field=IntegerField(),
    )


def document_rows(queryset: QuerySet) -> QuerySet:
    """Documents as list rows show them (web_fragments.document_row), newest first, no texts."""
    return queryset.with_related().defer(*TEXT_FIELDS).order_by(*newest_first())


def summit_rows(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("presidency__chair").order_by(*newest_first())


def quotes(queryset: QuerySet | None = None) -> QuerySet:
    """Citations as web_fragments.quote shows them: the quote, its document's title and date."""
    queryset = Citation.objects.all() if queryset is None else queryset
    return queryset.select_related("document").defer(*(f"document__{name}" for name in TEXT_FIELDS))


def group_by_theme(priorities: list[Priority]) -> list[tuple[Theme, list[Priority]]]:
    """Priorities (already ordered by theme name) grouped under their theme."""
    return [(theme, list(items)) for theme, items in groupby(priorities, key=lambda p: p.theme)]


def group_by_presidency(priorities: list[Priority]) -> list[tuple[Presidency, list[Priority]]]:
    return [(p, list(items)) for p, items in groupby(priorities, key=lambda p: p.presidency)]


def _first_quotes(to_attr: str, condition: Q, order: tuple, limit: int) -> Prefetch:
    """The first `limit` of each record's quotes that meet `condition`, in `order`."""
    return Prefetch(
        "citations", queryset=quotes().filter(condition).order_by(*order)[:limit], to_attr=to_attr
    )


def page_priorities(queryset: QuerySet) -> list[Priority]:
    """Priorities as web_sections.priority_card shows them, each with a bounded share of its
    sources.

    A priority keeps being restated in speeches: it may gather hundreds of quotes and
    instruments. Each shows the oldest quotes that state it (where it was set out), the
    newest that report progress and the first instruments; `more_quotes` and
    `more_instruments` say how many are left for the full lists.
    """
    mine = Citation.objects.filter(priority=OuterRef("pk"))
    progress = Q(role=Citation.Role.PROGRESS)
    through = Priority.instruments.through
    priorities = list(
        queryset.select_related("presidency__chair", "theme")
        .annotate(
            quote_total=count_of(mine),
            instrument_total=count_of(through.objects.filter(priority_id=OuterRef("pk"))),
        )
        .prefetch_related(
            _first_quotes(
                "stating_quotes", ~progress, oldest_first("document__"), QUOTES_STATING_PRIORITY
            ),
            _first_quotes(
                "progress_quotes", progress, newest_first("document__"), QUOTES_OF_PROGRESS
            ),
            Prefetch(
                "instruments",
                queryset=Document.objects.defer(*TEXT_FIELDS).order_by(*newest_first())[
                    :INSTRUMENTS_PER_PRIORITY
                ],
                to_attr="instrument_list",
            ),
        )
    )
    for p in priorities:
        p.more_quotes = p.quote_total - len(p.stating_quotes) - len(p.progress_quotes)
        p.more_instruments = p.instrument_total - len(p.instrument_list)
    return priorities


def presidency_for_page() -> QuerySet:
    """The chairmanship with the totals of the lists its page cuts short."""
    here = OuterRef("pk")
    return Presidency.objects.select_related("chair").annotate(
        document_total=count_of(Document.objects.filter(presidency=here)),
        summit_total=count_of(Summit.objects.filter(presidency=here)),
        source_total=count_of(Citation.objects.filter(presidency=here)),
    )


def official_for_page() -> QuerySet:
    """The official with the totals of the lists the page cuts short and the first quotes
    attesting each post (`position.shown_quotes`, `position.quote_total`)."""
    here = OuterRef("pk")
    return Official.objects.annotate(
        statement_total=count_of(Document.speakers.through.objects.filter(official_id=here)),
        summit_total=count_of(Summit.participants.through.objects.filter(official_id=here)),
    ).prefetch_related(
        Prefetch(
            "positions",
            queryset=Position.objects.select_related("member_state").annotate(
                quote_total=count_of(Citation.objects.filter(position=OuterRef("pk")))
            ),
        ),
        Prefetch(
            "positions__citations",
            queryset=quotes().order_by(*oldest_first("document__"))[:QUOTES_PER_POSITION],
            to_attr="shown_quotes",
        ),
    )


def summit_for_page() -> QuerySet:
    """The meeting with its participants and the totals of the lists its page cuts short."""
    here = OuterRef("pk")
    of_summit = Document.objects.filter(summit=here)
    return (
        Summit.objects.select_related("presidency__chair")
        .prefetch_related("participants")
        .annotate(
            adopted_total=count_of(of_summit.instruments()),
            report_total=count_of(of_summit.reports()),
            source_total=count_of(Citation.objects.filter(summit=here)),
        )
    )


def versions_of(work: Work, *, with_text: bool = False) -> QuerySet:
    """A work's versions, without their texts unless asked."""
    queryset = Document.objects.filter(work=work).in_version_order()
    return queryset.defer("raw_text") if with_text else queryset.defer(*TEXT_FIELDS)


def work_for_page() -> QuerySet:
    return Work.objects.annotate(
        version_total=count_of(Document.objects.filter(work=OuterRef("pk")))
    )


def work_rows() -> QuerySet:
    """Works for the works index, each with its total and at most VERSIONS_ON_WORK of its
    versions (the original first), without their texts: one query for the page's works, one
    for all their versions, whatever the number of versions."""
    shown = Document.objects.in_version_order().defer(*TEXT_FIELDS)[:VERSIONS_ON_WORK]
    return work_for_page().prefetch_related(Prefetch("versions", queryset=shown, to_attr="shown"))


def presidency_documents(presidency: Presidency) -> QuerySet:
    """Documents issued during the chairmanship, newest first (the documents list's filter).

    Documents of other periods that state its priorities are linked from the quotes.
    """
    return document_rows(Document.objects.filter(presidency=presidency))


def home_meetings(today) -> dict:
    """The home page's meetings, by what the data can say of them on `today`.

    A meeting still marked planned (or proposed) after its date is not presented as held:
    no report of it has been recorded yet.
    """
    summits = Summit.objects.select_related("presidency__chair")
    held = Q(status=Summit.Status.HELD)
    return {
        "upcoming_summits": summits.filter(date__gte=today).order_by(*oldest_first())[
            :HOME_MEETINGS
        ],
        "recent_summits": summits.filter(held, date__lt=today).order_by(*newest_first())[
            :HOME_MEETINGS
        ],
        "unreported_summits": summits.filter(~held, date__lt=today).order_by(*newest_first())[
            :HOME_MEETINGS
        ],
        "undated_summits": summits.filter(~held, date__isnull=True).order_by("-pk")[:HOME_MEETINGS],
    }


def theme_matrix() -> dict:
    """Themes by chairmanships: how many priorities each chairmanship set on each theme.

    Counted in SQL; the result is cached and keyed on the knowledge-base version, so any
    editor's change shows at once.
    """
    return per_revision("web:theme-matrix", _build_theme_matrix, MATRIX_CACHE_SECONDS)


def _build_theme_matrix() -> dict:
    presidencies = list(Presidency.objects.select_related("chair").with_priority_count())
    themes = list(Theme.objects.all())
    counts = {
        (row["theme_id"], row["presidency_id"]): row["n"]
        for row in Priority.objects.order_by()
        .values("theme_id", "presidency_id")
        .annotate(n=Count("id"))
    }
    # Only chairmanships with priorities on record are compared: one without any (the
    # sources give none) would make every following theme look "new".
    compared = [p for p in presidencies if p.priority_count]
    rows = []
    for theme in themes:
        cells, previous, total = [], False, 0
        for presidency in compared:
            n = counts.get((theme.pk, presidency.pk), 0)
            state = "none" if not n else ("continued" if previous else "new")
            if n and not cells:
                state = "first"
            cells.append({"presidency": presidency, "count": n, "state": state})
            previous = bool(n)
            total += n
        present = sum(1 for c in cells if c["count"])
        rows.append({"theme": theme, "cells": cells, "total": total, "present": present})
    rows.sort(key=lambda r: (-r["present"], -r["total"], r["theme"].name))
    return {"presidencies": compared, "rows": rows, "all_presidencies": presidencies}
