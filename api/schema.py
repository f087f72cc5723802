"""The OpenAPI schema's AutoSchema (which operations anyone may call without credentials) and
a postprocessing hook (no NUL character in any string the API reads)."""

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


NO_NUL = r"^[^\x00]*$"
NOT_BLANK = r"^[^\x00]*[^\s\x00][^\x00]*$"


def _forbid_nul(schema) -> None:
    if isinstance(schema, list):
        for item in schema:
            _forbid_nul(item)
        return
    if not isinstance(schema, dict):
        return
    plain = not {"pattern", "format", "enum", "readOnly"} & schema.keys()
    if schema.get("type") == "string" and plain:
        # DRF trims a string before checking it is not blank: " " is empty.
        schema["pattern"] = NOT_BLANK if schema.get("minLength", 0) >= 1 else NO_NUL
    for value in schema.values():
        _forbid_nul(value)


def forbid_nul_in_requests(result, generator, request, public):
    """PostgreSQL text cannot hold a NUL character, so the API refuses one in any string it
    reads (a 400): request bodies and parameters say so with a pattern."""
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request"):
            _forbid_nul(component)
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict):
                # `ordering` is free text: unknown terms are ignored, as DRF documents.
                parameters = operation.get("parameters", [])
                _forbid_nul([p for p in parameters if p.get("name") != "ordering"])
    return result
