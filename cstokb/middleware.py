"""The admin in the editor's language."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class AdminLanguageMiddleware:
    """The admin has no /ru/ prefix, and LocaleMiddleware gives every unprefixed address
    English: under the admin, the editor's choice (the language cookie that the admin's
    switcher sets through Django's set_language), else the browser's Accept-Language.

    Placed after LocaleMiddleware; the public pages keep the language of their address.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/" + settings.ADMIN_URL):
            return self.get_response(request)
        language = translation.get_language_from_request(request)
        request.LANGUAGE_CODE = language
        # override, not activate: the thread's language is given back after the response.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Accept-Language", "Cookie"])
        return response
