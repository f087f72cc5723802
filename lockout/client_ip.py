"""The visitor's address for the login lockout, behind a known number of reverse proxies.

Each proxy appends the address it received the request from to X-Forwarded-For, so with N
proxies in front the visitor is the N-th entry from the right; entries further left were
sent by the client and cannot be trusted. Without proxies (AXES_PROXY_COUNT unset) it is
REMOTE_ADDR. django-ipware prefers "public" addresses over position, which a client can
game, hence this small function.
"""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    count = settings.TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR")
    if not count:
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    return hops[-count] if len(hops) >= count else remote
