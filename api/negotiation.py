"""Content negotiation of API v1: `?format=` names the representation, as the schema says.

DRF takes an empty `?format=` for no format at all and still checks a named format against
`Accept`, so `?format=jsonld` (a media type with a `profile` parameter, which `*/*` does not
match in DRF's comparison) was a 406 although the schema lists it. Here an empty or unknown
format is a 404, as DRF answers an unknown one, and a named format is served whatever the
`Accept` header says.
"""

from django.http import Http404
from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation


class FormatFirstNegotiation(DefaultContentNegotiation):
    def select_renderer(self, request, renderers, format_suffix=None):
        param = self.settings.URL_FORMAT_OVERRIDE
        named = format_suffix or (request.query_params.get(param) if param else None)
        if named == "" and not format_suffix:
            raise Http404(f"An empty ?{param}= names no format.")
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except NotAcceptable:
            chosen = self.filter_renderers(renderers, named) if named else []
            if not chosen:
                raise
            return chosen[0], chosen[0].media_type
