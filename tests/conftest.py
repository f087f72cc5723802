"""Fixtures shared by every test folder."""

import importlib
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from knox.models import get_token_model
from rest_framework.test import APIClient

from tests.seed import load_fixtures


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    """Tests run with DEBUG off and hashed static names: collect so the manifest is current.

    Once per run, in the controlling process: xdist's workers share STATIC_ROOT and would
    otherwise rewrite it under each other's feet.
    """
    if not hasattr(config, "workerinput"):
        call_command("collectstatic", interactive=False, verbosity=0)


# The seed's rows as the first load in this process left them, model by model in the order
# loaddata wrote them (the search index's triggers read earlier rows), then the rest.
_seed_rows: list[tuple[type, list[dict]]] = []


def _load_seed() -> None:
    from django.apps import apps

    models = [
        m
        for m in apps.get_models(include_auto_created=True)
        if m._meta.managed and not m._meta.proxy
    ]
    before = {model: set(model._base_manager.values_list("pk", flat=True)) for model in models}
    fixtures = load_fixtures()
    call_command("record_missing_history", verbosity=0)
    labels = list(
        dict.fromkeys(o["model"] for f in fixtures for o in json.loads(Path(f).read_text()))
    )
    in_fixtures = [apps.get_model(label) for label in labels]
    for model in in_fixtures + [m for m in models if m not in in_fixtures]:
        pk = model._meta.pk.attname
        rows = model._base_manager.all()
        if hasattr(rows, "rewrite"):  # every column, the label versions too (modeltranslation)
            rows = rows.rewrite(False)
        rows = [row for row in rows.values() if row[pk] not in before[model]]
        if rows:
            _seed_rows.append((model, rows))


@pytest.fixture
def seed(db):
    """The knowledge base as the fixtures ship it, every row with its first history version.

    loaddata and the history pass run once per process; later tests get the same rows back
    with one raw insert per table and batch, which is most of the suite's set-up time saved.
    """
    from django.core.management.color import no_style
    from django.db import connection

    if not _seed_rows:
        _load_seed()
        return
    for model, rows in _seed_rows:
        # A raw insert, as loaddata's: auto_now fields keep their stored values.
        fields = [f for f in model._meta.local_concrete_fields if not f.generated]
        objs = [model(**row) for row in rows]
        size = connection.ops.bulk_batch_size(fields, objs) or len(objs)
        for start in range(0, len(objs), size):
            model._base_manager._insert(objs[start : start + size], fields=fields, raw=True)
    # As loaddata does: fire PostgreSQL's deferred foreign-key checks now, so a later ALTER
    # TABLE in the test does not meet pending trigger events.
    connection.check_constraints()
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [m for m, _ in _seed_rows]):
            cursor.execute(sql)


@pytest.fixture
def render_every_time(settings):
    """Measure the views, not the whole-page cache in front of them (tested in tests/pagecache)."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def editors_group(db) -> Group:
    """The Editors group as migration 0003 defines it.

    A transactional test (live server, browser) flushes the database afterwards, the data
    migration's rows included, so later tests recreate the group the same way.
    """
    from django.contrib.auth.models import Permission

    migration = importlib.import_module("presidencies.migrations.0003_editors_group")
    works = importlib.import_module("documents.migrations.0006_works_and_versions")
    group, created = Group.objects.get_or_create(name=migration.GROUP)
    if created:
        edited = {**migration.EDITED_MODELS}
        edited["documents"] = [*edited["documents"], *works.EDITED]
        codenames = [
            f"{action}_{model}"
            for models in edited.values()
            for model in models
            for action in migration.ACTIONS
        ]
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label__in=edited, codename__in=codenames)
        )
    return group


@pytest.fixture
def make_editor(editors_group, django_user_model):
    """Makes staff users in the Editors group: not superusers, only the group's permissions."""

    def make(username: str, password: str):
        user = django_user_model.objects.create_user(
            username=username, password=password, is_staff=True
        )
        user.groups.add(editors_group)
        return user

    return make


@pytest.fixture
def editor(make_editor):
    return make_editor("editor", "correct horse battery staple")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def api():
    """A DRF client, anonymous."""
    return APIClient()


@pytest.fixture
def editor_api(editor):
    """A DRF client with an editor's API token."""
    client = APIClient()
    _, token = get_token_model().objects.create(user=editor, name="tests")
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


@pytest.fixture(autouse=True)
def english_first():
    """Each test starts in the default language, and a language a test activates ends with it
    (a request gives the thread's language back: cstokb.middleware.LanguageMiddleware)."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fresh_cache():
    """A fresh cache per test: cached pages, vocabularies and throttle counters start empty."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def revision_read_every_time(settings):
    """Tests roll the database back, and with it the revision: never reuse a read of it."""
    from cstokb.cache import forget_recent

    settings.KB_REVISION_CACHE_MS = 0
    forget_recent()
    yield
    forget_recent()


@pytest.fixture(scope="session")
def redis_url():
    """A throwaway redis-server on 127.0.0.1 (Debian's redis-server), stopped after the run."""
    import shutil

    if not shutil.which("redis-server"):
        pytest.fail("the shared-cache tests need redis-server: apt-get install redis-server")
    from deploy.local import RedisServer

    server = RedisServer()
    server.start()
    try:
        yield server.url
    finally:
        server.stop()
