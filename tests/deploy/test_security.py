"""Deployment security: check --deploy is clean, every response carries the security headers,
the admin can live at another URL (password guessing: test_lockout.py)."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

BASE_DIR = settings.BASE_DIR


def production_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="cstokb.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="kb.example.org",
        DJANGO_SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO",
        **extra,
    )
    return env


def test_production_settings_pass_check_deploy_without_any_warning():
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=production_env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_does_flag_an_insecure_configuration():
    # The check above can fail: turning the SSL redirect off is reported.
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=production_env(DJANGO_SECURE_SSL_REDIRECT="0"),
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "security.W008" in result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = production_env()
    del env["DJANGO_SECRET_KEY"]
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "check"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


SECURITY_HEADERS = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains; preload",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def assert_security_headers(response) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert response[name] == value, name
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert "unsafe-inline" not in csp and "*" not in csp


@pytest.mark.django_db
@pytest.mark.urls("tests.urls")
@pytest.mark.parametrize(
    "url", ["/test-page/", "/api/v1/test-themes/", "/admin/login/", "/healthz", "/readyz"]
)
def test_every_response_carries_the_security_headers(client, url):
    response = client.get(url, secure=True)
    assert response.status_code == 200
    assert_security_headers(response)


@pytest.mark.django_db
def test_the_editors_admin_carries_the_security_headers(editor_client):
    response = editor_client.get("/admin/", secure=True)
    assert response.status_code == 200
    assert_security_headers(response)
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_session_and_csrf_cookies_are_secure(client, editor):
    client.get("/admin/login/", secure=True)
    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": "correct horse battery staple", "next": "/admin/"},
        secure=True,
    )
    assert response.status_code == 302
    session_cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session_cookie["secure"] and session_cookie["httponly"]
    assert client.cookies[settings.CSRF_COOKIE_NAME]["secure"]


ADMIN_PROBE = """
import django
django.setup()
from django.test.utils import setup_test_environment
setup_test_environment()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.test import Client
c = Client()
print("STATUS", c.get("/kb-editors-7f3a/login/").status_code, c.get("/admin/login/").status_code,
      c.get("/admin/").status_code)
"""


def test_the_admin_moves_with_django_admin_url_and_admin_404s_then():
    env = production_env(
        DJANGO_ADMIN_URL="kb-editors-7f3a/",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DATABASE_URL="sqlite://:memory:",
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "-c", ADMIN_PROBE], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    # The log goes to stdout as well: read the probe's own line.
    line = next(x for x in result.stdout.splitlines() if x.startswith("STATUS "))
    assert line.split()[1:] == ["200", "404", "404"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/presidencies/russia-2026/",
        "/api/v1/presidencies/",
        "/api/v1/presidencies/russia-2026/",
        "/api/v1/search/?q=peacekeepers",
    ],
)
def test_real_pages_and_api_responses_carry_the_security_headers(client, seed, url):
    response = client.get(url, secure=True)
    assert response.status_code == 200
    assert_security_headers(response)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/healthz", "/readyz"])
def test_probes_answer_over_plain_http_when_https_is_enforced(client, settings, url):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/presidencies/").status_code == 301
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_api_docs_allow_inline_styles_but_not_inline_scripts(client, seed):
    response = client.get("/api/docs/", secure=True)
    directives = dict(
        d.strip().split(" ", 1) for d in response["Content-Security-Policy"].split(";") if d.strip()
    )
    assert "'unsafe-inline'" in directives["style-src"]
    assert "unsafe-inline" not in directives["script-src"]
    assert response["X-Frame-Options"] == "DENY"
