from django.db import migrations, models

from documents.fragments import text_directive


def fill_directives(apps, schema_editor):
    # As Citation.set_anchor() sets it on save.
    Citation = apps.get_model("documents", "Citation")
    rows = []
    for citation in Citation.objects.select_related("document").filter(
        quote_start__isnull=False
    ):
        citation.text_directive = text_directive(
            citation.document.text, citation.quote_start, citation.quote_end
        )
        rows.append(citation)
    Citation.objects.bulk_update(rows, ["text_directive"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("documents", "0008_citation_offsets")]

    operations = [
        migrations.AddField(
            model_name="citation",
            name="text_directive",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="historicalcitation",
            name="text_directive",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(fill_directives, migrations.RunPython.noop),
    ]
