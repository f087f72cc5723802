"""The admin's "Import statement" page: paste or upload, review the analysis, save."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from documents.models import Document

from .analysis import analyse
from .forms import ReviewForm, SourceForm
from .review import review_form_for
from .services import already_stored, duplicate_of, propose_slug, store


def import_statement(request):
    if not request.user.has_perm("documents.add_document"):
        raise PermissionDenied
    context = {
        **admin.site.each_context(request),
        "opts": Document._meta,
        "title": _("Import statement"),
    }
    if request.method == "POST" and request.POST.get("step") == "review":
        form = ReviewForm(request.POST)
        if form.is_valid():
            try:
                document = store(form.import_data())
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                count = document.citations.count()
                messages.success(
                    request,
                    ngettext(
                        "Imported “%(document)s” with %(count)d citation.",
                        "Imported “%(document)s” with %(count)d citations.",
                        count,
                    )
                    % {"document": document, "count": count},
                )
                return redirect(reverse("admin:documents_document_change", args=[document.pk]))
        return TemplateResponse(request, "admin/importer/review.html", {**context, "form": form})

    if request.method == "POST":
        source = SourceForm(request.POST, request.FILES)
        if source.is_valid():
            result = analyse(source.cleaned_data["raw"])
            existing = duplicate_of(result.text)
            if existing:
                source.add_error(None, already_stored(existing))
            elif not result.text and not result.title:
                source.add_error(None, _("Nothing is left once the page furniture is removed."))
            else:
                slug = propose_slug(result.title, result.date, result.kind, result.publisher)
                return TemplateResponse(
                    request,
                    "admin/importer/review.html",
                    {
                        **context,
                        "form": review_form_for(result, slug, source.cleaned_data["source_url"]),
                        "analysis": result,
                    },
                )
    else:
        source = SourceForm()
    return TemplateResponse(request, "admin/importer/source.html", {**context, "form": source})
