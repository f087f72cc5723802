"""The Web Annotation media type for DRF's content negotiation."""

from rest_framework.renderers import JSONRenderer

from .annotations import MEDIA_TYPE


class AnnotationRenderer(JSONRenderer):
    """`Accept: application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"`."""

    media_type = MEDIA_TYPE
    format = "jsonld"
    ensure_ascii = False
