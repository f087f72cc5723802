"""Fixtures shared by every test folder."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command


@pytest.fixture(scope="session", autouse=True)
def collected_static():
    """Tests run with DEBUG off and hashed static names: collect so the manifest is current."""
    call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture
def seed(db):
    """The knowledge base as the fixtures ship it, every row with its first history version."""
    fixtures = sorted(str(p) for p in (settings.BASE_DIR / "fixtures").glob("*.json"))
    call_command("loaddata", *fixtures, verbosity=0)
    call_command("record_missing_history", verbosity=0)


@pytest.fixture
def editor(db, django_user_model):
    """A staff user in the Editors group: not a superuser, only the group's permissions."""
    user = django_user_model.objects.create_user(
        username="editor", password="correct horse battery staple", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editors"))
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
