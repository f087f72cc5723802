"""The OpenAPI schema: the responses every operation documents (errors included), the
AutoSchema (which operations anyone may call without credentials) and a postprocessing hook
(no NUL character in any string the API reads)."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.permissions import (
    SAFE_METHODS,
    AllowAny,
    DjangoModelPermissionsOrAnonReadOnly,
)


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


NOT_MODIFIED = OpenApiResponse(description="Not modified: the `If-None-Match` ETag is current.")
ERROR = OpenApiResponse(ErrorSerializer, description="The reason, in `detail`.")
FIELD_ERRORS = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="Invalid input: an object of field names (or `non_field_errors`) to messages.",
)
# A public read with a bad token is refused before the record is looked up.
READ_ERRORS = {304: NOT_MODIFIED, 401: ERROR, 404: ERROR}
STALE = OpenApiResponse(
    ErrorSerializer, description="`If-Unmodified-Since` is older than the record's last change."
)
CONFLICTS = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="Well formed, but at odds with what is stored (a slug or name taken, a related "
    "record that does not exist, a period overlapping another chairmanship, a quote absent "
    "from its document): field names to messages, as for a 400. Nothing stored.",
)
WRITE_ERRORS = {
    400: FIELD_ERRORS,
    401: ERROR,
    403: ERROR,
    404: ERROR,
    409: CONFLICTS,
    412: STALE,
}


def document_schema(serializer, detail_serializer=None, name: str = "item"):
    """Responses of each operation, errors included, for the OpenAPI schema."""
    detail_serializer = detail_serializer or serializer

    def write(verb: str, success: int = 200):
        return extend_schema(
            summary=f"{verb} a {name} (editors)",
            request=detail_serializer,
            responses={success: detail_serializer, **WRITE_ERRORS},
        )

    return extend_schema_view(
        list=extend_schema(
            summary=f"List {name}s",
            responses={
                200: serializer(many=True),
                304: NOT_MODIFIED,
                400: FIELD_ERRORS,
                401: ERROR,
                404: ERROR,
            },
        ),
        retrieve=extend_schema(
            summary=f"One {name}", responses={200: detail_serializer, **READ_ERRORS}
        ),
        create=write("Add", 201),
        update=write("Replace"),
        partial_update=write("Change"),
        destroy=extend_schema(
            summary=f"Delete a {name} (editors)",
            responses={
                204: OpenApiResponse(description="Deleted."),
                401: ERROR,
                403: ERROR,
                404: ERROR,
                412: STALE,
                409: OpenApiResponse(
                    ErrorSerializer, description="Other records depend on it; nothing deleted."
                ),
            },
        ),
    )


class KnowledgeBaseAutoSchema(AutoSchema):
    def get_auth(self):
        auths = super().get_auth()
        # drf-spectacular lists no "no credentials" option for these classes; both let anyone
        # read.
        permissions = self.view.get_permissions()
        public = all(
            isinstance(p, (DjangoModelPermissionsOrAnonReadOnly, AllowAny)) for p in permissions
        )
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
