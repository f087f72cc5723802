"""Works: the versions of one statement (original, translations) grouped under one ID.

Editors get the same rights on works as on documents (the Editors group of presidencies 0003).
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


EDITED = ["work"]
ACTIONS = ("add", "change", "delete", "view")


def grant_editors(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    config = apps.get_app_config("documents")
    config.models_module = True
    create_permissions(config, verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{a}_{m}" for m in EDITED for a in ACTIONS]
    perms = Permission.objects.filter(content_type__app_label="documents", codename__in=codenames)
    for group in Group.objects.filter(name="Editors"):
        group.permissions.add(*perms)


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0005_newest_first_indexes'),
        ('presidencies', '0004_knowledge_base_revision'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='document',
            name='translator',
            field=models.CharField(blank=True, help_text='Who translated it, where the source says.', max_length=200),
        ),
        migrations.AddField(
            model_name='document',
            name='version_role',
            field=models.CharField(choices=[('original', 'Original'), ('translation', 'Translation'), ('unstated', 'Not stated whether original or translation')], default='unstated', help_text='Whether this version is the original or a translation, where known.', max_length=12),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='translator',
            field=models.CharField(blank=True, help_text='Who translated it, where the source says.', max_length=200),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='version_role',
            field=models.CharField(choices=[('original', 'Original'), ('translation', 'Translation'), ('unstated', 'Not stated whether original or translation')], default='unstated', help_text='Whether this version is the original or a translation, where known.', max_length=12),
        ),
        migrations.CreateModel(
            name='HistoricalWork',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, db_index=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, db_index=True, editable=False)),
                ('slug', models.SlugField(max_length=200)),
                ('title', models.CharField(help_text='An editorial title for the statement.', max_length=400)),
                ('original_language', models.CharField(blank=True, help_text='Language of the original; empty when not known.', max_length=10)),
                ('editorial_note', models.TextField(blank=True, help_text='What shows that these texts are versions of one statement.')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical work',
                'verbose_name_plural': 'historical works',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Work',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True)),
                ('updated_at', models.DateTimeField(auto_now=True, db_index=True)),
                ('slug', models.SlugField(max_length=200)),
                ('title', models.CharField(help_text='An editorial title for the statement.', max_length=400)),
                ('original_language', models.CharField(blank=True, help_text='Language of the original; empty when not known.', max_length=10)),
                ('editorial_note', models.TextField(blank=True, help_text='What shows that these texts are versions of one statement.')),
            ],
            options={
                'ordering': ['title', 'pk'],
                'constraints': [models.UniqueConstraint(fields=('slug',), name='work_unique_slug'), models.CheckConstraint(condition=models.Q(('title', ''), _negated=True), name='work_title_not_empty')],
            },
        ),
        migrations.AddField(
            model_name='document',
            name='work',
            field=models.ForeignKey(blank=True, help_text='The statement this text is a version of (with its other versions).', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='versions', to='documents.work'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='work',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='The statement this text is a version of (with its other versions).', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='documents.work'),
        ),
        migrations.AddConstraint(
            model_name='document',
            constraint=models.CheckConstraint(condition=models.Q(('version_role__in', ['original', 'translation', 'unstated'])), name='document_version_role_valid'),
        ),
        migrations.AddConstraint(
            model_name='document',
            constraint=models.UniqueConstraint(condition=models.Q(('version_role', 'original')), fields=('work',), name='document_one_original_per_work'),
        ),
        migrations.AddConstraint(
            model_name='document',
            constraint=models.CheckConstraint(condition=models.Q(('work__isnull', False), models.Q(('translator', ''), ('version_role', 'unstated')), _connector='OR'), name='document_version_needs_work'),
        ),
        migrations.RunPython(grant_editors, migrations.RunPython.noop),
    ]
