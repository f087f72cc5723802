"""The OpenAPI schema: the responses every operation documents (errors included), the
AutoSchema (which operations anyone may call without credentials) and postprocessing hooks
(no NUL character in any string the API reads, the URLs it takes, CSV as text)."""

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


# The URLs the API takes (Django's URLValidator and validate_uri_characters), as a pattern
# without lookarounds, which generators cannot follow: RFC 3986 characters only, http(s) or
# ftp(s) in any case, a host name of at most 251 characters, an IPv6 host in full form. It
# refuses a few URLs the validators let through (a longer host, a compressed IPv6 address,
# brackets or `#` where RFC 3986 has none) and takes none they refuse.
_CHAR = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})"
_PCHAR = rf"(?:{_CHAR[3:-1]}|[:@])"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_SHORT_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?"
_TLD = r"(?:[A-Za-z][A-Za-z-]{0,61}[A-Za-z]|[Xx][Nn]--[A-Za-z0-9]{1,59})"
_OCTET = r"(?:0|25[0-5]|2[0-4][0-9]|1[0-9]?[0-9]?|[1-9][0-9]?)"
_HOST = (
    rf"(?:{_OCTET}(?:\.{_OCTET}){{3}}"
    r"|\[(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}\]"
    rf"|{_LABEL}(?:\.{_SHORT_LABEL}){{0,3}}\.{_TLD}\.?"
    r"|[Ll][Oo][Cc][Aa][Ll][Hh][Oo][Ss][Tt])"
)
URL_PATTERN = (
    r"^(?:[Hh][Tt][Tt][Pp][Ss]?|[Ff][Tt][Pp][Ss]?)://"
    rf"(?:{_CHAR}+(?::{_CHAR}*)?@)?"
    rf"{_HOST}(?::[0-9]{{1,5}})?"
    rf"(?:/(?:{_PCHAR}|/)*)?(?:\?(?:{_PCHAR}|[/?])*)?(?:#(?:{_PCHAR}|[/?])*)?$"
)


def _pattern_uris(schema) -> None:
    if isinstance(schema, list):
        for item in schema:
            _pattern_uris(item)
    elif isinstance(schema, dict):
        if schema.get("format") == "uri" and "pattern" not in schema:
            schema["pattern"] = URL_PATTERN
        for value in schema.values():
            _pattern_uris(value)


def describe_urls_and_csv(result, generator, request, public):
    """URL fields of request bodies say which URLs the API takes; `text/csv` responses are
    CSV text (a header row, then one row per item), not the JSON they would otherwise show."""
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request"):
            _pattern_uris(component)
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict):
                continue
            for response in operation.get("responses", {}).values():
                if "text/csv" in response.get("content", {}):
                    response["content"]["text/csv"] = {"schema": CSV_TEXT}
    return result


CSV_TEXT = {
    "type": "string",
    "description": "CSV (RFC 4180): a header row of the item's field names, nested ones "
    "joined by `.`, then one row per item; a list of plain values in one cell, joined by `; `.",
}
