"""Fixtures shared by every test folder."""

import importlib

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    """Tests run with DEBUG off and hashed static names: collect so the manifest is current.

    Once per run, in the controlling process: xdist's workers share STATIC_ROOT and would
    otherwise rewrite it under each other's feet.
    """
    if not hasattr(config, "workerinput"):
        call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture
def seed(db):
    """The knowledge base as the fixtures ship it, every row with its first history version."""
    fixtures = sorted(str(p) for p in (settings.BASE_DIR / "fixtures").glob("*.json"))
    call_command("loaddata", *fixtures, verbosity=0)
    call_command("record_missing_history", verbosity=0)


@pytest.fixture
def editors_group(db) -> Group:
    """The Editors group as migration 0003 defines it.

    A transactional test (live server, browser) flushes the database afterwards, the data
    migration's rows included, so later tests recreate the group the same way.
    """
    from django.contrib.auth.models import Permission

    migration = importlib.import_module("presidencies.migrations.0003_editors_group")
    group, created = Group.objects.get_or_create(name=migration.GROUP)
    if created:
        codenames = [
            f"{action}_{model}"
            for models in migration.EDITED_MODELS.values()
            for model in models
            for action in migration.ACTIONS
        ]
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label__in=migration.EDITED_MODELS, codename__in=codenames
            )
        )
    return group


@pytest.fixture
def editor(editors_group, django_user_model):
    """A staff user in the Editors group: not a superuser, only the group's permissions."""
    user = django_user_model.objects.create_user(
        username="editor", password="correct horse battery staple", is_staff=True
    )
    user.groups.add(editors_group)
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


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
    from bench.harness import RedisServer

    server = RedisServer()
    server.start()
    try:
        yield server.url
    finally:
        server.stop()
