# make run   - set everything up and serve the demo site on http://127.0.0.1:8000/
#              (no demo is added to a site with articles of its own)
# make varnish - the same behind Varnish, on http://127.0.0.1:6081/ (docs/deployment.md)
# make import WXR=export.xml MEDIA=wp-content/uploads - move in from WordPress
#              (docs/wordpress-import.md); IMPORT_ARGS="--dry-run" and others pass on
# make test  - lint, migrations check and the whole test suite
# make bench - the speed benchmark (see docs/benchmark.md)
# make mutate - break key rules one at a time: some test must notice each
# make screenshots - docs/screenshots/ of the demo site; make lighthouse - its scores

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
SITE_URL ?= http://$(HOST):$(PORT)
RUN_ENV := DJANGO_DEBUG=true SITE_URL=$(SITE_URL)
TEST_ENV := DJANGO_SECRET_KEY=tests-only-not-a-secret

.PHONY: install install-dev run import varnish test pytest lint format check bench relevance browser-deps \
	mutate screenshots lighthouse

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.dev-installed

run: install
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py seed_demo
	@echo "The site: http://$(HOST):$(PORT)/   Staff area: http://$(HOST):$(PORT)/admin/"
	$(RUN_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

import:  # checks its arguments before installing anything
	@test -n "$(WXR)" || { echo "Name the export: make import WXR=export.xml MEDIA=wp-content/uploads"; exit 2; }
	@$(MAKE) --no-print-directory install
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py import_wordpress "$(WXR)" $(if $(MEDIA),--media-dir "$(MEDIA)") $(IMPORT_ARGS)

varnish: install
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py seed_demo
	PORT=$(PORT) DJANGO_DEBUG=true deploy/varnish/run-local

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install-dev
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(TEST_ENV) $(PY) manage.py check

pytest: install-dev
	$(TEST_ENV) $(VENV)/bin/pytest $(PYTEST_ARGS)

test: lint check pytest

browser-deps:  # Chromium, Java and npm's axe-core and vnu-jar for the browser tests
	.ci/install-browser-deps

# Break the rules that matter most, one at a time, and fail if no test notices
# (bench/mutate.py; MUTATE="word" runs only the mutations named so).
mutate: install-dev
	$(PY) bench/mutate.py $(MUTATE)

# Sizes and seconds per measurement: BENCH_SIZES=1000,100000 BENCH_SECONDS=8 make bench
bench: install-dev
	$(PY) bench/run.py

# The search's relevance set (search/relevance.toml) on the demo clinic: top 3 and MRR.
# On PostgreSQL: DATABASE_URL=postgres://... make relevance
relevance: install-dev
	$(TEST_ENV) $(VENV)/bin/pytest search/tests/test_relevance.py -q -p no:cacheprovider --create-db

# Both seed a throwaway demo site and serve it with DEBUG off on a free port of 127.0.0.1.
screenshots: install-dev  # full-page PNGs at 390 and 1280 px into docs/screenshots/
	$(PY) bench/screenshots.py

lighthouse: install-dev  # needs npm's lighthouse outside the repository: docs/benchmark.md
	$(PY) bench/lighthouse.py
