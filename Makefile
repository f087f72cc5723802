# CSTO KB: `make run` serves the site, `make test` runs the whole test suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV ?= .venv
BIN := $(VENV)/bin
# Django 6.1 needs Python 3.12+; take the first suitable interpreter on PATH.
PYTHON ?= $(shell for p in python3.13 python3.12 python3; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; \
	then command -v $$p; break; fi; done)
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_ENV := DJANGO_SECRET_KEY=insecure-test-only-key DJANGO_DEBUG=0 DJANGO_SECURE_SSL_REDIRECT=0
DEV_ENV := DJANGO_DEBUG=1

.PHONY: help run test lint verify-citations venv messages makemessages system-packages fixtures editor bench bench-short bench-compare loadtest loadtest-short serve-prod clean

help:
	@echo "make run    - set up (venv, SQLite, fixtures) and serve http://$(HOST):$(PORT)"
	@echo "make test   - Debian packages if missing, ruff, makemigrations --check, lint-imports, the pytest suite across all cores"
	@echo "make verify-citations - load the fixtures and check every quote against its text"
	@echo "make editor - create an editor account (EDITOR=name)"
	@echo "make serve-prod - production: check --deploy, migrate, collectstatic, granian (APP_SERVER=gunicorn for gunicorn; needs DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL)"
	@echo "make loadtest   - wrk load run and PostgreSQL restart run against granian and Redis (LOAD_ARGS=--short for CI)"
	@echo "make bench      - benchmark pages and API against /healthz (DOCUMENTS=10000, BENCH_ARGS=--short)"
	@echo "make bench-compare BASELINE=rev - cached figures of this checkout against rev, same run"

$(BIN)/.installed: pyproject.toml
	@if [ -z "$(PYTHON)" ]; then \
		echo "error: Python 3.12 or newer is required (tried python3.13, python3.12, python3)." >&2; \
		echo "Install it, or run: make PYTHON=/path/to/python3.12 ..." >&2; exit 1; fi
	@echo "Using $(PYTHON) ($$($(PYTHON) --version))"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

venv: $(BIN)/.installed

# The Russian catalogue: locale/ru/LC_MESSAGES/django.po is in the repo, its .mo is built here.
messages: venv
	$(DEV_ENV) $(BIN)/python manage.py compilemessages --ignore=.venv -v0

# After adding translatable strings: refresh the .po, then write the Russian for the new entries.
makemessages: venv
	$(DEV_ENV) $(BIN)/python manage.py makemessages -l ru --ignore=.venv --ignore=staticfiles --ignore=tests --no-obsolete --add-location=file

# Chromium, Redis, PostgreSQL, wrk, gettext: installed when missing (as root), else the command to run.
system-packages:
	@bash .ci/system-packages

run: venv messages
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	@# The fixtures go into an empty database only: an editor's changes are never overwritten.
	$(DEV_ENV) $(BIN)/python manage.py load_seed
	$(DEV_ENV) $(BIN)/python manage.py export_bulk_data
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Across every core (pytest-xdist); PYTEST_ARGS='-n 0 tests/api' runs a part in one process.
PYTEST_ARGS ?= -n auto
test: system-packages lint messages
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	@# The layering in pyproject.toml ([tool.importlinter]): a wrong-way import fails here.
	$(BIN)/lint-imports --no-cache
	$(TEST_ENV) $(BIN)/python -m pytest $(PYTEST_ARGS)

# The fixtures in a fresh SQLite database, every citation re-checked against its text.
verify-citations: venv
	@db=$$(mktemp -d); trap 'rm -rf "$$db"' EXIT; export DATABASE_URL="sqlite:///$$db/kb.sqlite3"; \
	$(TEST_ENV) $(BIN)/python manage.py migrate --noinput -v0 && \
	$(TEST_ENV) $(BIN)/python manage.py load_seed && \
	$(TEST_ENV) $(BIN)/python manage.py verify_citations

editor: venv
	$(DEV_ENV) $(BIN)/python manage.py create_editor $(EDITOR)

# Production: DEBUG off, settings checked, static files collected, then granian (deploy/serve.py
# reads WEB_CONCURRENCY, PORT, APP_...) or, with APP_SERVER=gunicorn, gunicorn
# (gunicorn.conf.py reads WEB_CONCURRENCY, GUNICORN_THREADS, GUNICORN_TIMEOUT, PORT...).
PROD_ENV := DJANGO_DEBUG=0
APP_SERVER ?= granian
serve-prod: venv messages
	@test -n "$$DJANGO_SECRET_KEY" || { echo "error: set DJANGO_SECRET_KEY (and DJANGO_ALLOWED_HOSTS, DATABASE_URL)" >&2; exit 1; }
	$(PROD_ENV) $(BIN)/python manage.py check --deploy --fail-level WARNING
	$(PROD_ENV) $(BIN)/python manage.py migrate --noinput
	$(PROD_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(PROD_ENV) $(BIN)/python manage.py export_bulk_data
	@if [ "$(APP_SERVER)" = gunicorn ]; then \
		$(PROD_ENV) exec $(BIN)/gunicorn -c gunicorn.conf.py cstokb.wsgi; \
	else \
		$(PROD_ENV) exec $(BIN)/python -m deploy.serve; \
	fi

LOAD_ARGS ?=
loadtest: system-packages venv
	$(BIN)/python bench/load.py $(LOAD_ARGS)

loadtest-short: system-packages venv
	$(BIN)/python bench/load.py --short --server granian --cache redis
	$(BIN)/python bench/load.py --short --server gunicorn --cache redis

DOCUMENTS ?= 0
BENCH_ARGS ?=
bench: system-packages venv
	$(BIN)/python bench/run.py --documents $(DOCUMENTS) $(BENCH_ARGS)

bench-short: system-packages venv
	$(BIN)/python bench/run.py --documents 1000 --short

# A change against the code before it, in one run (bench/compare.py): BASELINE=af986dc
bench-compare: system-packages venv
	$(BIN)/python bench/compare.py --baseline $(BASELINE) --documents $(or $(filter-out 0,$(DOCUMENTS)),10000) $(BENCH_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache db.sqlite3 db.sqlite3-wal db.sqlite3-shm
