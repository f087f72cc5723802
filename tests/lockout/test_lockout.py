"""Login lockout (django-axes, lockout/axes.py): a guesser locks only the username at its own
address, an address as a whole only after many more failures; forged X-Forwarded-For is
ignored; an administrator unlocks with a documented command."""

import pytest
from django.conf import settings
from django.core.management import call_command

PASSWORD = "correct horse battery staple"
STRANGER, EDITOR_HOME = "203.0.113.7", "198.51.100.20"


def login(client, username: str, password: str, address: str, **headers):
    client.cookies.clear()
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        secure=True,
        **headers,
    )


def guess(client, times: int, address: str = STRANGER, username: str = "editor", **headers):
    for _ in range(times):
        login(client, username, "guess", address, **headers)


@pytest.fixture
def other_editor(django_user_model, editors_group):
    user = django_user_model.objects.create_user("other", password=PASSWORD, is_staff=True)
    user.groups.add(editors_group)
    return user


@pytest.mark.django_db
def test_five_wrong_passwords_lock_that_username_at_that_address(client, editor):
    assert settings.AXES_USER_FAILURE_LIMIT == 5
    for _ in range(4):
        assert login(client, "editor", "guess", STRANGER).status_code == 200  # form, error
    assert login(client, "editor", "guess", STRANGER).status_code == 429
    # Locked there: even the right password is refused, and no session is opened.
    response = login(client, "editor", PASSWORD, STRANGER)
    assert response.status_code == 429
    assert settings.SESSION_COOKIE_NAME not in response.cookies


@pytest.mark.django_db
def test_a_stranger_cannot_lock_an_editor_out_from_another_address(client, editor):
    guess(client, 20)
    assert login(client, "editor", PASSWORD, STRANGER).status_code == 429
    response = login(client, "editor", PASSWORD, EDITOR_HOME)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_one_locked_username_does_not_block_other_editors_at_the_same_address(
    client, editor, other_editor
):
    guess(client, 5)
    assert login(client, "other", PASSWORD, STRANGER).status_code == 302


@pytest.mark.django_db
def test_an_address_guessing_many_usernames_is_locked_for_everyone_there(
    client, editor, other_editor, settings
):
    assert settings.AXES_IP_FAILURE_LIMIT == 50  # the default, ten times the username's
    settings.AXES_IP_FAILURE_LIMIT = 12  # the same rule, fewer requests
    for n in range(settings.AXES_IP_FAILURE_LIMIT // 4 + 1):
        guess(client, 4, username=f"user{n}")  # under the per-username limit each time
    assert login(client, "other", PASSWORD, STRANGER).status_code == 429
    assert login(client, "other", PASSWORD, EDITOR_HOME).status_code == 302


@pytest.mark.django_db
def test_the_right_password_after_a_few_mistakes_still_logs_in(client, editor):
    guess(client, 3, address=EDITOR_HOME)
    assert login(client, "editor", PASSWORD, EDITOR_HOME).status_code == 302


@pytest.mark.django_db
def test_a_forged_x_forwarded_for_is_ignored_without_trusted_proxies(client, editor):
    assert settings.TRUSTED_PROXY_COUNT == 0
    # Claiming the editor's address does not lock the editor there...
    guess(client, 5, HTTP_X_FORWARDED_FOR=EDITOR_HOME)
    assert login(client, "editor", PASSWORD, EDITOR_HOME).status_code == 302
    # ...and a new forged address on every try does not escape the lock.
    for n in range(3):
        login(client, "editor", "guess", STRANGER, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    response = login(client, "editor", PASSWORD, STRANGER, HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert response.status_code == 429


def login_via_proxy(client, username: str, password: str, visitor: str):
    # A client may send its own X-Forwarded-For; the proxy appends what it saw.
    return login(
        client, username, password, "10.0.0.1", HTTP_X_FORWARDED_FOR=f"203.0.113.99, {visitor}"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("proxy_count", "second_editor_status"), [(1, 302), (0, 429)])
def test_behind_a_proxy_each_visitor_is_counted_at_its_own_address(
    client, editor, other_editor, settings, proxy_count, second_editor_status
):
    settings.TRUSTED_PROXY_COUNT = proxy_count  # what AXES_PROXY_COUNT=1 sets
    settings.AXES_IP_FAILURE_LIMIT = 10
    for n in range(3):
        for _ in range(4):
            login_via_proxy(client, f"user{n}", "guess", visitor="198.51.100.1")
    # Without the proxy count every visitor shares the balancer's address, now locked.
    response = login_via_proxy(client, "other", PASSWORD, visitor="198.51.100.2")
    assert response.status_code == second_editor_status


@pytest.mark.django_db
def test_an_administrator_unlocks_an_editor_with_axes_reset_username(client, editor):
    guess(client, 5)
    assert login(client, "editor", PASSWORD, STRANGER).status_code == 429
    call_command("axes_reset_username", "editor")
    assert login(client, "editor", PASSWORD, STRANGER).status_code == 302


@pytest.mark.django_db
def test_an_administrator_unlocks_an_address_with_axes_reset_ip(
    client, editor, other_editor, settings
):
    settings.AXES_IP_FAILURE_LIMIT = 12
    for n in range(settings.AXES_IP_FAILURE_LIMIT // 4 + 1):
        guess(client, 4, username=f"user{n}")
    assert login(client, "other", PASSWORD, STRANGER).status_code == 429
    call_command("axes_reset_ip", STRANGER)
    assert login(client, "other", PASSWORD, STRANGER).status_code == 302
