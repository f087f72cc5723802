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

.PHONY: help run test lint venv fixtures editor bench serve-prod clean

help:
	@echo "make run    - set up (venv, SQLite, fixtures) and serve http://$(HOST):$(PORT)"
	@echo "make test   - ruff, makemigrations --check and the pytest suite (collects static files)"
	@echo "make editor - create an editor account (EDITOR=name)"

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

run: venv
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py loaddata fixtures/*.json
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(TEST_ENV) $(BIN)/python -m pytest $(PYTEST_ARGS)

editor: venv
	$(DEV_ENV) $(BIN)/python manage.py create_editor $(EDITOR)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache db.sqlite3 db.sqlite3-wal db.sqlite3-shm
