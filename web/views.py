"""Public pages: chairmanships, themes, documents, officials and meetings.

Every view issues a fixed number of queries whatever the size of the data; the reads
live in the models' querysets and in `selectors`.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.generic import TemplateView

from documents.models import Citation, Document
from presidencies.models import Official, Presidency, Summit, Theme

from . import jsonld, selectors
from .filters import DocumentFilter
from .highlight import highlight

DOCUMENTS_PER_PAGE = 20


def home(request):
    presidency = Presidency.objects.current()
    priorities = (
        presidency.priorities.select_related("theme").order_by("order")[:8] if presidency else []
    )
    context = {
        "presidency": presidency,
        "priorities": priorities,
        "documents": Document.objects.sources().with_related()[:6],
        "recent_summits": Summit.objects.past().select_related("presidency__chair")[:3],
        "upcoming_summits": Summit.objects.upcoming().select_related("presidency__chair")[:3],
        "jsonld": jsonld.organisation(request),
    }
    return render(request, "web/home.html", context)


def presidency_list(request):
    presidencies = Presidency.objects.select_related("chair").with_priority_count()
    chair = request.GET.get("chair")
    if chair:
        presidencies = presidencies.filter(chair__slug=chair)
    return render(request, "web/presidency_list.html", {"presidencies": presidencies})


def presidency_detail(request, slug):
    presidency = get_object_or_404(Presidency.objects.select_related("chair"), slug=slug)
    priorities = list(presidency.priorities.with_related().order_by("theme__name", "order", "pk"))
    context = {
        "presidency": presidency,
        "predecessor": presidency.predecessor,
        "successor": presidency.successor,
        "theme_groups": selectors.group_by_theme(priorities),
        "priority_count": len(priorities),
        "summits": presidency.summits.with_related(),
        "documents": selectors.presidency_documents(presidency),
        "sources": presidency.citations.select_related("document"),
        "jsonld": jsonld.presidency(request, presidency),
    }
    return render(request, "web/presidency_detail.html", context)


def theme_list(request):
    return render(request, "web/theme_list.html", selectors.theme_matrix())


def theme_detail(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    priorities = list(theme.priorities.with_related().order_by("presidency__year", "order", "pk"))
    context = {"theme": theme, "presidency_groups": selectors.group_by_presidency(priorities)}
    return render(request, "web/theme_detail.html", context)


def document_list(request):
    documents = Document.objects.with_related().order_by("-date", "pk")
    document_filter = DocumentFilter(request.GET, queryset=documents)
    page_obj = Paginator(document_filter.qs, DOCUMENTS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": document_filter,
        "page_obj": page_obj,
        "documents": page_obj.object_list,
        "query_string": query.urlencode(),
    }
    return render(request, "web/document_list.html", context)


def document_detail(request, slug):
    document = get_object_or_404(Document.objects.with_related(), slug=slug)
    citations = list(
        document.citations.select_related(
            "priority__presidency__chair",
            "priority__theme",
            "presidency__chair",
            "summit",
            "position__official",
            "member_state",
            "instrument",
        )
    )
    paragraphs = []
    for number, text in enumerate(document.paragraphs(), start=1):
        cited = [c for c in citations if c.quote in text]
        paragraphs.append({"number": number, "html": highlight(text, cited), "citations": cited})
    context = {
        "document": document,
        "paragraphs": paragraphs,
        "citation_count": len(citations),
        "attesting": document.attesting_citations.select_related("document"),
        "implements": document.implemented_priorities.select_related("presidency__chair", "theme"),
        "jsonld": jsonld.document(request, document),
    }
    return render(request, "web/document_detail.html", context)


def official_list(request):
    officials = Official.objects.prefetch_related("positions__member_state").annotate(
        statement_count=Count("documents", distinct=True)
    )
    return render(request, "web/official_list.html", {"officials": officials})


def official_detail(request, slug):
    official = get_object_or_404(
        Official.objects.prefetch_related(
            Prefetch(
                "positions__citations",
                queryset=Citation.objects.select_related("document"),
            ),
            "positions__member_state",
        ),
        slug=slug,
    )
    context = {
        "official": official,
        "documents": official.documents.with_related(),
        "summits": official.summits.select_related("presidency__chair"),
        "jsonld": jsonld.person(request, official),
    }
    return render(request, "web/official_detail.html", context)


def summit_list(request):
    summits = Summit.objects.with_related().order_by("-date", "pk")
    return render(request, "web/summit_list.html", {"summits": summits})


def summit_detail(request, slug):
    summit = get_object_or_404(
        Summit.objects.select_related("presidency__chair").prefetch_related("participants"),
        slug=slug,
    )
    documents = list(summit.documents.with_related())
    context = {
        "summit": summit,
        "adopted": [d for d in documents if d.is_instrument],
        "reports": [d for d in documents if not d.is_instrument],
        "sources": summit.citations.select_related("document"),
        "jsonld": jsonld.event(request, summit),
    }
    return render(request, "web/summit_detail.html", context)


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain"
