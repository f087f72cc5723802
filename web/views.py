"""Public pages: chairmanships, themes, documents, officials and meetings.

Every view issues a fixed number of queries whatever the size of the data, and no page
loads a whole table: detail pages show the newest rows of each list with its total and a
link to the paginated list. The reads live in the models' querysets and in `selectors`.
"""

from django.conf import settings
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import RedirectView, TemplateView

from cstokb.paginator import RevisionCountPaginator
from documents.models import Citation, Document
from presidencies.models import Official, Presidency, Summit, Theme
from provenance import citing

from . import jsonld, selectors
from .filters import DocumentFilter, QuoteFilter, SummitFilter
from .highlight import highlight
from .selectors import (
    DOCUMENTS_ON_DETAIL,
    INSTRUMENTS_ON_DETAIL,
    SOURCES_ON_DETAIL,
    SUMMITS_ON_DETAIL,
    VERSIONS_ON_WORK,
    oldest_first,
)

DOCUMENTS_PER_PAGE = 20
SUMMITS_PER_PAGE = 50
OFFICIALS_PER_PAGE = 50
QUOTES_PER_PAGE = 20
WORKS_PER_PAGE = 20


def _paginate(request, queryset, per_page: int) -> dict:
    page_obj = RevisionCountPaginator(queryset, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {"page_obj": page_obj, "query_string": query.urlencode()}


def _filtered_list(
    request, filterset_class, queryset, per_page: int, template: str, name: str, title: str
):
    """A filtered list page under `title`, one page of it under `name`; a scope filter (set
    by a link) naming nothing is a 404."""
    filterset = filterset_class(request.GET, queryset=queryset)
    if filterset.scope_errors():
        raise Http404("The list is scoped to something that does not exist.")
    context = {
        "title": title,
        "filter": filterset,
        "scopes": filterset.active_scopes(),
        **_paginate(request, filterset.qs, per_page),
    }
    context[name] = context["page_obj"].object_list
    return render(request, template, context)


def home(request):
    presidency = Presidency.objects.current()
    priorities = (
        presidency.priorities.select_related("theme").order_by("order")[:8] if presidency else []
    )
    context = {
        "presidency": presidency,
        "priorities": priorities,
        "documents": selectors.document_rows(Document.objects.sources())[:6],
        **selectors.home_meetings(timezone.localdate()),
        "jsonld": jsonld.organisation(request),
    }
    return render(request, "web/home.html", context)


def presidency_list(request):
    presidencies = Presidency.objects.select_related("chair").with_priority_count()
    chair = request.GET.get("chair")
    if chair:
        presidencies = presidencies.filter(chair__slug=chair)
    context = {"title": _("Chairmanships"), "presidencies": presidencies}
    return render(request, "web/presidency_list.html", context)


def presidency_detail(request, slug):
    presidency = get_object_or_404(selectors.presidency_for_page(), slug=slug)
    # Every priority is shown (they are the page); each with a bounded share of its quotes.
    priorities = selectors.page_priorities(
        presidency.priorities.order_by("theme__name", "order", "pk")
    )
    sources = selectors.quotes(presidency.citations).order_by(*oldest_first("document__"))
    context = {
        "presidency": presidency,
        "predecessor": presidency.predecessor,
        "successor": presidency.successor,
        "theme_groups": selectors.group_by_theme(priorities),
        "priority_count": len(priorities),
        "summits": list(selectors.summit_rows(presidency.summits)[:SUMMITS_ON_DETAIL]),
        "documents": list(selectors.presidency_documents(presidency)[:DOCUMENTS_ON_DETAIL]),
        "sources": list(sources[:SOURCES_ON_DETAIL]),
        "jsonld": jsonld.presidency(request, presidency),
    }
    return render(request, "web/presidency_detail.html", context)


def theme_list(request):
    context = {"title": _("Themes across chairmanships"), **selectors.theme_matrix()}
    return render(request, "web/theme_list.html", context)


def theme_detail(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    priorities = selectors.page_priorities(
        theme.priorities.order_by("presidency__year", "order", "pk")
    )
    context = {
        "theme": theme,
        "presidency_groups": selectors.group_by_presidency(priorities),
        "jsonld": jsonld.theme(request, theme, priorities),
    }
    return render(request, "web/theme_detail.html", context)


def document_list(request):
    documents = selectors.document_rows(Document.objects.all())
    return _filtered_list(
        request,
        DocumentFilter,
        documents,
        DOCUMENTS_PER_PAGE,
        "web/document_list.html",
        "documents",
        _("Documents"),
    )


def _paragraphs(document: Document, citations: list[Citation]) -> list[dict]:
    """The text's paragraphs, each with the quotes taken from it highlighted."""
    paragraphs = []
    for number, text in enumerate(document.paragraphs(), start=1):
        cited = [c for c in citations if c.quote in text]
        paragraphs.append({"number": number, "html": highlight(text, cited), "citations": cited})
    return paragraphs


def document_detail(request, slug):
    document = get_object_or_404(Document.objects.with_related().select_related("work"), slug=slug)
    citations = list(document.citations.with_subjects().select_related("priority__theme"))
    siblings = []
    if document.work_id:
        siblings = list(
            selectors.versions_of(document.work).exclude(pk=document.pk)[:VERSIONS_ON_WORK]
        )
    item = citing.csl_item(request, document)
    references = citing.references(item)
    for citation in citations:
        citation.references = citing.quote_references(item, citation, references)
    context = {
        "document": document,
        "siblings": siblings,
        "references": references,
        "citation_meta": {
            "authors": [citing.author_name(a) for a in item.get("author", [])],
            "url": item["URL"],
            "page": request.build_absolute_uri(document.get_absolute_url()),
            "quote": citations[0].quote if citations else "",
        },
        "paragraphs": _paragraphs(document, citations),
        "citation_count": len(citations),
        "attesting": document.attesting_citations.select_related("document"),
        "implements": document.implemented_priorities.select_related("presidency__chair", "theme"),
        "jsonld": jsonld.document(request, document, siblings),
    }
    return render(request, "web/document_detail.html", context)


def work_list(request):
    """Every statement known in several versions, each with its versions and languages."""
    context = {
        "title": _("Statements in several versions"),
        **_paginate(request, selectors.work_rows(), WORKS_PER_PAGE),
    }
    for work in context["page_obj"]:
        work.more_versions = work.version_total - len(work.shown)
    return render(request, "web/work_list.html", context)


def work_detail(request, slug):
    """A statement's versions side by side, each text in its own language with its quotes."""
    work = get_object_or_404(selectors.work_for_page(), slug=slug)
    versions = list(
        selectors.versions_of(work, with_text=True)
        .select_related("presidency__chair")
        .prefetch_related("speakers")[:VERSIONS_ON_WORK]
    )
    citations = list(
        Citation.objects.filter(document__in=versions)
        .with_subjects()
        .select_related("priority__theme")
        .defer(*(f"instrument__{name}" for name in selectors.TEXT_FIELDS))
        .order_by("pk")
    )
    for version in versions:
        mine = [c for c in citations if c.document_id == version.pk]
        for citation in mine:
            citation.document = version  # the quote's link names its version, no query
        version.paragraph_list = _paragraphs(version, mine)
        version.citation_count = len(mine)
    context = {
        "work": work,
        "work_versions": versions,  # "versions" is the page's languages (base.html)
        "more_versions": work.version_total - len(versions),
        "jsonld": jsonld.work(request, work, versions),
    }
    return render(request, "web/work_detail.html", context)


def official_list(request):
    officials = (
        Official.objects.prefetch_related("positions__member_state")
        .annotate(statement_count=Count("documents", distinct=True))
        .order_by("name", "pk")
    )
    context = {"title": _("Officials"), **_paginate(request, officials, OFFICIALS_PER_PAGE)}
    return render(request, "web/official_list.html", context)


def official_detail(request, slug):
    official = get_object_or_404(selectors.official_for_page(), slug=slug)
    positions = list(official.positions.all())
    for position in positions:
        position.more_quotes = position.quote_total - len(position.shown_quotes)
    context = {
        "official": official,
        "positions": positions,
        "documents": list(selectors.document_rows(official.documents)[:DOCUMENTS_ON_DETAIL]),
        "summits": list(selectors.summit_rows(official.summits)[:SUMMITS_ON_DETAIL]),
        "jsonld": jsonld.person(request, official),
    }
    return render(request, "web/official_detail.html", context)


def summit_list(request):
    return _filtered_list(
        request,
        SummitFilter,
        selectors.summit_rows(Summit.objects.all()),
        SUMMITS_PER_PAGE,
        "web/summit_list.html",
        "summits",
        _("Meetings"),
    )


def summit_detail(request, slug):
    summit = get_object_or_404(selectors.summit_for_page(), slug=slug)
    documents = summit.documents.all()
    sources = selectors.quotes(summit.citations).order_by(*oldest_first("document__"))
    adopted = list(selectors.document_rows(documents.instruments())[:INSTRUMENTS_ON_DETAIL])
    reports = list(selectors.document_rows(documents.reports())[:DOCUMENTS_ON_DETAIL])
    context = {
        "summit": summit,
        "adopted": adopted,
        "reports": reports,
        "document_total": summit.adopted_total + summit.report_total,
        "documents_shown": len(adopted) + len(reports),
        "sources": list(sources[:SOURCES_ON_DETAIL]),
        "jsonld": jsonld.event(request, summit),
    }
    return render(request, "web/summit_detail.html", context)


def quote_list(request):
    """Every quote about one subject, paginated: where "See all N quotes" links lead."""
    quotes = selectors.quotes(
        Citation.objects.with_subjects().defer(
            *(f"instrument__{name}" for name in selectors.TEXT_FIELDS)
        )
    ).order_by(*oldest_first("document__"))
    return _filtered_list(
        request, QuoteFilter, quotes, QUOTES_PER_PAGE, "web/quote_list.html", "quotes", _("Quotes")
    )


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain"

    def get_context_data(self, **kwargs):
        # A moved admin is moved to be hidden: robots.txt must not publish its address (its
        # pages say noindex themselves). The default address is no secret.
        admin_url = "/" + settings.ADMIN_URL
        hidden = admin_url != "/admin/"
        return {**super().get_context_data(**kwargs), "admin_url": None if hidden else admin_url}


class FaviconView(RedirectView):
    """/favicon.ico, asked for by browsers and bots that do not read the page's icon link."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs) -> str:
        return static("img/favicon.svg")
