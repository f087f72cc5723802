"""sitemap.xml: every public page, in English and Russian, each with its hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from documents.models import Document, Work
from presidencies.models import Official, Presidency, Summit, Theme


class BilingualSitemap(Sitemap):
    # One <url> per page and language, each naming the other (and x-default, the English).
    i18n = True
    alternates = True
    x_default = True


class StaticSitemap(BilingualSitemap):
    changefreq = "weekly"

    def items(self):
        return ["home", "presidency-list", "theme-list", "document-list", "work-list"] + [
            "official-list",
            "summit-list",
        ]

    def location(self, item):
        return reverse(item)


class ModelSitemap(BilingualSitemap):
    model = None

    def items(self):
        return self.model.objects.order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


def model_sitemap(model_class):
    return type(f"{model_class.__name__}Sitemap", (ModelSitemap,), {"model": model_class})


SITEMAPS = {
    "pages": StaticSitemap,
    "presidencies": model_sitemap(Presidency),
    "themes": model_sitemap(Theme),
    "documents": model_sitemap(Document),
    "works": model_sitemap(Work),
    "officials": model_sitemap(Official),
    "summits": model_sitemap(Summit),
}
