"""Login lockout rules for django-axes: a username is locked only at the address that guessed it.

axes compares one failure count against one limit, taking the largest count over its
parameter sets; a per-address limit higher than the per-username-and-address one cannot be
said with a list. These two callables say it: below AXES_IP_FAILURE_LIMIT failures from an
address, the pair (username, address) is counted against AXES_FAILURE_LIMIT; at or above it,
the whole address is locked. So a stranger cannot lock an editor out from elsewhere, and one
guesser behind a shared address blocks the others only after many more tries.
"""

from django.conf import settings
from django.db.models import Sum


def _address(request_or_attempt) -> str | None:
    # axes passes a request (annotated with axes_ip_address) or an AccessAttempt row.
    return getattr(request_or_attempt, "axes_ip_address", None) or getattr(
        request_or_attempt, "ip_address", None
    )


def _address_locked(request_or_attempt) -> bool:
    from axes.models import AccessAttempt

    address = _address(request_or_attempt)
    if address is None:
        return False
    failures = AccessAttempt.objects.filter(ip_address=address).aggregate(
        n=Sum("failures_since_start")
    )["n"]
    return (failures or 0) >= settings.AXES_IP_FAILURE_LIMIT


def lockout_parameters(request_or_attempt, credentials=None) -> list:
    if _address_locked(request_or_attempt):
        return ["ip_address"]
    return [["username", "ip_address"]]


def failure_limit(request, credentials=None) -> int:
    if _address_locked(request):
        return settings.AXES_IP_FAILURE_LIMIT
    return settings.AXES_USER_FAILURE_LIMIT
