"""Bulk data: the whole knowledge base as JSON and as CSV, one file per resource, zipped.

`manage.py export_bulk_data` writes dated archives (`cstokb-2026-12-01-json.zip`) and copies
them to stable names (`cstokb-json.zip`, `cstokb-csv.zip`) in BULK_DATA_DIR, with an
`index.json` describing them. The API serves these prepared files as they are:
`/api/v1/bulk/` lists them and `/api/v1/bulk/<name>` downloads one. The records are those of
the API (same serializers, same field names), streamed row by row so memory stays flat
however large the knowledge base is.
"""

import csv
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import FileResponse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import condition
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors
from . import serializers as s
from .csv_safety import neutralise
from .schema import ErrorSerializer

STABLE_NAMES = {"json": "cstokb-json.zip", "csv": "cstokb-csv.zip"}
FILE_NAME = re.compile(r"^cstokb(-\d{4}-\d{2}-\d{2})?-(json|csv)\.zip$")
CHUNK = 500


def bulk_dir() -> Path:
    return Path(settings.BULK_DATA_DIR)


def resources():
    """(name, queryset, serializer class) of every resource, as the API's lists read them."""
    yield "member-states", selectors.member_states(), s.MemberStateSerializer
    yield "themes", selectors.themes(), s.ThemeSerializer
    yield "presidencies", selectors.presidencies(), s.PresidencySerializer
    yield "priorities", selectors.priorities(), s.PrioritySerializer
    yield "officials", selectors.officials(), s.OfficialSerializer
    yield "summits", selectors.summits(), s.SummitSerializer
    # Each document with its text; its citations are in citations.*.
    yield "documents", selectors.documents(), _with_text(s.DocumentSerializer)
    yield "works", selectors.works(), s.WorkSerializer
    yield "citations", selectors.citations(), s.CitationSerializer


def _with_text(serializer_class):
    class WithText(serializer_class):
        text = serializers.CharField()

        class Meta(serializer_class.Meta):
            fields = [*serializer_class.Meta.fields, "text"]

    return WithText


def _rows(queryset, serializer_class, context):
    for obj in queryset.order_by("pk").iterator(chunk_size=CHUNK):
        yield serializer_class(obj, context=context).data


def csv_cell(value) -> str:
    """Lists of plain values joined by "; ", nested records as JSON, None as empty."""
    if value is None:
        return ""
    if isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
        return "; ".join(str(v) for v in value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _write_resource(
    json_zip: zipfile.ZipFile, csv_zip: zipfile.ZipFile, name: str, rows, header: list[str]
) -> int:
    """One pass over the rows writes both files: each query runs once."""
    count = 0
    with (
        json_zip.open(f"{name}.json", "w") as json_raw,
        io.TextIOWrapper(json_raw, "utf-8") as json_out,
        csv_zip.open(f"{name}.csv", "w") as csv_raw,
        io.TextIOWrapper(csv_raw, "utf-8", newline="") as csv_out,
    ):
        writer = csv.writer(csv_out)
        writer.writerow(header)
        json_out.write("[")
        for row in rows:
            json_out.write(",\n" if count else "\n")
            json_out.write(json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False))
            writer.writerow([neutralise(csv_cell(row.get(key))) for key in header])
            count += 1
        json_out.write("\n]\n")
    return count


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def export(directory: Path | None = None, *, site_url: str = "") -> dict:
    """Write both archives and index.json; returns the index. Nothing is replaced unless
    both archives were written completely."""
    directory = Path(directory or bulk_dir())
    directory.mkdir(parents=True, exist_ok=True)
    generated_at = timezone.now()
    day = generated_at.date().isoformat()
    context = {"request": None, "site_url": site_url}
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory(dir=directory, prefix=".building-") as tmp:
        tmp_dir = Path(tmp)
        json_path, csv_path = tmp_dir / "json.zip", tmp_dir / "csv.zip"
        with (
            zipfile.ZipFile(json_path, "w", zipfile.ZIP_DEFLATED) as json_zip,
            zipfile.ZipFile(csv_path, "w", zipfile.ZIP_DEFLATED) as csv_zip,
        ):
            for name, queryset, serializer_class in resources():
                header = list(serializer_class().fields)
                counts[name] = _write_resource(
                    json_zip, csv_zip, name, _rows(queryset, serializer_class, context), header
                )
            manifest = {
                "generated_at": generated_at.isoformat(),
                "counts": counts,
                "license_note": "Quotes are verbatim from the cited sources.",
            }
            for archive in (json_zip, csv_zip):
                archive.writestr("manifest.json", json.dumps(manifest, indent=2))
        files = []
        for fmt, path in (("json", json_path), ("csv", csv_path)):
            dated = directory / f"cstokb-{day}-{fmt}.zip"
            stable = directory / STABLE_NAMES[fmt]
            shutil.copyfile(path, tmp_dir / "stable")
            os.replace(path, dated)
            os.replace(tmp_dir / "stable", stable)
            files.append(
                {
                    "format": fmt,
                    "name": stable.name,
                    "dated_name": dated.name,
                    "size": stable.stat().st_size,
                    "sha256": _sha256(stable),
                }
            )
    index = {"generated_at": generated_at.isoformat(), "counts": counts, "files": files}
    index_tmp = directory / ".index.json.tmp"
    index_tmp.write_text(json.dumps(index, indent=2))
    os.replace(index_tmp, directory / "index.json")
    return index


def read_index() -> dict | None:
    try:
        return json.loads((bulk_dir() / "index.json").read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return None


# --- Serving --------------------------------------------------------------------------------


class BulkFileSerializer(serializers.Serializer):
    format = serializers.ChoiceField(choices=["json", "csv"])
    url = serializers.URLField(help_text="Stable URL: always the newest archive.")
    dated_url = serializers.URLField(help_text="This snapshot, by its date.")
    size = serializers.IntegerField(help_text="Bytes.")
    sha256 = serializers.CharField()


class BulkIndexSerializer(serializers.Serializer):
    generated_at = serializers.DateTimeField()
    counts = serializers.DictField(child=serializers.IntegerField())
    files = BulkFileSerializer(many=True)


class BulkIndexView(APIView):
    """The bulk downloads: when they were generated, how many records, where to get them."""

    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="bulk_index",
        summary="Bulk downloads of the whole knowledge base",
        responses={
            200: BulkIndexSerializer,
            404: OpenApiResponse(ErrorSerializer, description="Not generated yet."),
        },
    )
    def get(self, request):
        index = read_index()
        if index is None:
            return Response(
                {"detail": "No bulk data has been generated yet (manage.py export_bulk_data)."},
                status=404,
            )
        files = [
            {
                "format": f["format"],
                "url": request.build_absolute_uri(f"/api/v1/bulk/{f['name']}"),
                "dated_url": request.build_absolute_uri(f"/api/v1/bulk/{f['dated_name']}"),
                "size": f["size"],
                "sha256": f["sha256"],
            }
            for f in index["files"]
        ]
        data = {"generated_at": index["generated_at"], "counts": index["counts"], "files": files}
        response = Response(BulkIndexSerializer(data).data)
        response["Cache-Control"] = "public, max-age=300"
        return response


def _bulk_path(filename: str) -> Path:
    path = bulk_dir() / filename
    if not FILE_NAME.match(filename) or not path.is_file():
        raise NotFound(_("No such bulk file."))
    return path


def _file_etag(request, filename: str) -> str:
    # The validators come from the file itself: it changes only when an export replaces it.
    stat = _bulk_path(filename).stat()
    return f"{stat.st_mtime_ns:x}-{stat.st_size:x}"


def _file_modified(request, filename: str) -> datetime:
    return datetime.fromtimestamp(_bulk_path(filename).stat().st_mtime, tz=UTC)


class BulkFileView(APIView):
    """One prepared archive, sent as it is on disk, with validators from the file itself."""

    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="bulk_download",
        summary="Download a bulk archive",
        parameters=[
            OpenApiParameter(
                "filename",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                description="`cstokb-json.zip` or `cstokb-csv.zip` (the newest), or a dated "
                "snapshot such as `cstokb-2026-12-01-json.zip`.",
            )
        ],
        responses={
            (200, "application/zip"): OpenApiResponse(
                OpenApiTypes.BINARY, description="A zip archive, one file per resource."
            ),
            304: OpenApiResponse(description="Not modified."),
            404: OpenApiResponse(ErrorSerializer, description="No such bulk file."),
        },
    )
    def get(self, request, filename: str):
        response = self._download(request, filename)
        # The stable names change with each export; a dated snapshot never changes.
        response["Cache-Control"] = (
            "public, max-age=300" if filename in STABLE_NAMES.values() else "public, max-age=86400"
        )
        return response

    @method_decorator(condition(etag_func=_file_etag, last_modified_func=_file_modified))
    def _download(self, request, filename: str):
        return FileResponse(
            _bulk_path(filename).open("rb"), as_attachment=True, content_type="application/zip"
        )
