"""Atom feeds: newest documents overall, per chairmanship, per official and per theme."""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.models import Document
from presidencies.models import Official, Presidency, Theme

from .selectors import newest_first

FEED_SIZE = 30


class DocumentsFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("CSTO KB: newest documents")
    subtitle = gettext_lazy("Statements, reports and instruments of the CSTO chairmanships.")

    def link(self):
        return reverse("document-list")

    def documents(self, condition: Q | None = None):
        return (
            Document.objects.filter(condition or Q())
            .distinct()
            .select_related("presidency__chair")
            .prefetch_related("speakers")
            .order_by(*newest_first())[:FEED_SIZE]
        )

    def items(self):
        return self.documents()

    def item_title(self, item):
        return item.display_title

    def item_description(self, item):
        first = item.paragraphs()[0] if item.text else item.editorial_note
        return first[:400]

    def item_pubdate(self, item):
        if item.date:
            return datetime.datetime.combine(item.date, datetime.time(), tzinfo=datetime.UTC)
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return ", ".join(s.name for s in item.speakers.all()) or item.publisher or None


class PresidencyFeed(DocumentsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Presidency.objects.select_related("chair"), slug=slug)

    def title(self, obj):
        return _("CSTO KB: documents of the %(presidency)s chairmanship") % {"presidency": obj}

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return self.documents(Q(presidency=obj) | Q(citations__priority__presidency=obj))


class OfficialFeed(DocumentsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Official, slug=slug)

    def title(self, obj):
        return _("CSTO KB: statements by %(name)s") % {"name": obj.name}

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return self.documents(Q(speakers=obj))


class ThemeFeed(DocumentsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Theme, slug=slug)

    def title(self, obj):
        return _("CSTO KB: documents on %(theme)s") % {"theme": obj.name.lower()}

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return self.documents(Q(citations__priority__theme=obj))
