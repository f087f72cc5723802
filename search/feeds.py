"""Atom feed of any search: its newest matches, so a reader can follow a topic or a person."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .engine import InvalidPage, SearchResults, clean_params, search
from .query import QueryError

FEED_SIZE = 30
# The feed takes its entries from this many best-ranked matches, newest first: bounded like a page.
FEED_CANDIDATES = 100


def feed_query(params) -> str:
    """The search's own parameters (no page), as the feed's and the page's query string."""
    keys = ("q", "kind", "presidency", "year", "speaker")
    return urlencode({k: params[k] for k in keys if params.get(k)})


class SearchFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return super().__call__(request, *args, **kwargs)
        except QueryError as error:  # a bad query is the reader's to fix: 400, not a 500
            return HttpResponseBadRequest(error.message, content_type="text/plain; charset=utf-8")

    def get_object(self, request: HttpRequest) -> SearchResults:
        params = {**clean_params(request.GET), "page": 1}
        try:
            results = search(**params, per_page=FEED_CANDIDATES)
        except InvalidPage as error:
            raise Http404(error.message) from error
        results.query_string = feed_query(request.GET)
        return results

    def title(self, obj: SearchResults) -> str:
        return _("CSTO KB: newest matches for %(query)s") % {"query": obj.query.normalised()}

    def subtitle(self, obj: SearchResults) -> str:
        return _("Documents and priorities of the CSTO chairmanships matching this search.")

    def link(self, obj: SearchResults) -> str:
        return reverse("search") + "?" + obj.query_string

    def items(self, obj: SearchResults):
        dated = sorted(obj.hits, key=lambda hit: hit.date or datetime.date.min, reverse=True)
        return dated[:FEED_SIZE]

    def item_title(self, item) -> str:
        return item.title

    def item_link(self, item) -> str:
        return item.url

    def item_guid(self, item) -> str:
        return item.url

    def item_description(self, item) -> str:
        return strip_tags(item.snippet)

    def item_pubdate(self, item):
        if item.date:
            return datetime.datetime.combine(item.date, datetime.time(), tzinfo=datetime.UTC)
        return None

    def item_categories(self, item):
        return [item.kind_label]
