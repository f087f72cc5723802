"""Who may do what through the API: everyone reads, editors write with the model permission."""

from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissions


class PublicReadModelWrite(DjangoModelPermissions):
    """DRF's DjangoModelPermissionsOrAnonReadOnly, without its cost on reads.

    The stock class builds the view's queryset (joins, subqueries, prefetches) on every
    request just to learn the model, before the response cache is even consulted; reads are
    public whoever asks, so they are allowed first and only writes look the model up.
    """

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return super().has_permission(request, view)
