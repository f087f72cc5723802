"""The /search/ page: a thin view over search.engine, with links for facets and pages."""

from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from .engine import InvalidPage, SearchResults, clean_params, search
from .facets import FACETS
from .feeds import feed_query
from .query import QueryError
from .suggest import suggest

FACET_TITLES = {
    "kind": _("Kind"),
    "presidency": _("Chairmanship"),
    "year": _("Year"),
    "speaker": _("Speaker"),
}


@dataclass(frozen=True)
class Link:
    label: str
    href: str
    count: int | None = None
    selected: bool = False


def _href(base: dict, **changes) -> str:
    params = {**base, **changes}
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return reverse("search") + (f"?{query}" if query else "")


def _navigation(results: SearchResults) -> dict:
    """Facet, filter and page links; each keeps the query and the other filters."""
    base = {"q": results.query.raw, **results.filters}
    facets = []
    for name in FACETS:
        values = results.facets[name]
        if not values:
            continue
        links = [
            Link(
                v.label,
                _href(base, **{name: None if v.selected else v.value}),
                v.count,
                v.selected,
            )
            for v in values
        ]
        facets.append((FACET_TITLES[name], links))
    active = []
    for name in FACETS:
        if results.filters[name] is None:
            continue
        label = next(
            (v.label for v in results.facets[name] if v.selected), str(results.filters[name])
        )
        active.append(Link(f"{FACET_TITLES[name]}: {label}", _href(base, **{name: None})))
    page = results.page
    return {
        "facet_groups": facets,
        "active_filters": active,
        "previous_href": _href(base, page=page - 1 if page > 2 else None)
        if results.has_previous
        else None,
        "next_href": _href(base, page=page + 1) if results.has_next else None,
    }


def search_view(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q")
    context: dict = {"q": q or ""}
    if q is None and not request.GET:
        # The bare page: the search form and how to use it.
        return render(request, "search/search.html", context)
    status = 200
    try:
        results = search(**clean_params(request.GET))
    except InvalidPage as error:
        raise Http404(error.message) from error
    except QueryError as error:
        context["error"] = error.message
        status = 400
    else:
        context["results"] = results
        context["feed_href"] = reverse("search-feed") + "?" + feed_query(request.GET)
        context.update(_navigation(results))
        if not results.total:
            suggestions = suggest(results.query)
            context["suggestions"] = suggestions
            if suggestions.spelling:
                context["spelling_href"] = _href({"q": suggestions.spelling})
    return render(request, "search/search.html", context, status=status)
