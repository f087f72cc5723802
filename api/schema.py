"""The OpenAPI schema's AutoSchema: says which operations anyone may call without credentials."""

from drf_spectacular.openapi import AutoSchema
from rest_framework.permissions import SAFE_METHODS, AllowAny

from .permissions import PublicReadModelWrite


class KnowledgeBaseAutoSchema(AutoSchema):
    def get_auth(self):
        auths = super().get_auth()
        # drf-spectacular knows only DRF's own classes; ours lets anyone read.
        permissions = self.view.get_permissions()
        public = all(isinstance(p, (PublicReadModelWrite, AllowAny)) for p in permissions)
        if public and self.method in SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths
