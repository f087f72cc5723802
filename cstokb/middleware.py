"""The language of each request, chosen once, by where it goes."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, deciding by the path's prefix:

    - the public pages take the language of their address: /ru/... is Russian, every other
      one English (i18n_patterns with prefix_default_language=False, cstokb/urls.py);
    - the API and the admin have no language prefix: they take the reader's choice, the
      language cookie (which the admin's switcher sets through Django's set_language), else
      the browser's Accept-Language, else English.
    """

    def __init__(self, get_response):
        super().__init__(get_response)
        self.negotiated = ("/api/", "/" + settings.ADMIN_URL)

    def __call__(self, request):
        # override, not activate: the thread's language is given back after the response.
        with translation.override(settings.LANGUAGE_CODE):
            return super().__call__(request)

    def process_request(self, request):
        path = request.path_info
        if path.startswith(self.negotiated):
            language = translation.get_language_from_request(request)
        else:
            # What LocaleMiddleware finds for this URLconf, without its reading of the
            # cookie and Accept-Language that an unprefixed page then sets aside.
            language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if request.path_info.startswith(self.negotiated):
            patch_vary_headers(response, ["Accept-Language", "Cookie"])
        return response
