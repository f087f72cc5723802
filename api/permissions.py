"""Who may do what through the API: everyone reads, editors write with the model permission."""

from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissions


class PublicReadModelWrite(DjangoModelPermissions):
    """DRF's DjangoModelPermissionsOrAnonReadOnly, without its cost on reads.

    The stock class builds the view's queryset (joins, subqueries, prefetches) on every
    request just to learn the model, before the response cache is even consulted; reads are
    public whoever asks, so they are allowed first and only writes look the model up.
    """

    def has_permission(self, request, view) -> bool:
        # A method the view does not offer (TRACE) falls through to DRF's 405, not a 401.
        if request.method in SAFE_METHODS or request.method not in view.allowed_methods:
            return True
        return super().has_permission(request, view)
