"""The importer's page in the admin: Documents › Import statement, beside the document list.

The importer adds itself to the documents' admin, so documents/ knows nothing of it.
"""

from django.contrib import admin
from django.urls import path

from documents.admin import DocumentAdmin
from documents.models import Document

from .views import import_statement


class ImportingDocumentAdmin(DocumentAdmin):
    change_list_template = "admin/importer/document_change_list.html"

    def get_urls(self):
        page = self.admin_site.admin_view(import_statement)
        return [path("import/", page, name="documents_document_import"), *super().get_urls()]


admin.site.unregister(Document)
admin.site.register(Document, ImportingDocumentAdmin)
