# The two commands of the README are `make demo` and `make test`; the rest run one part alone.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The demo's search: "engine" starts the real Elasticsearch node when Java is present; "database" skips it.
SEARCH ?= engine

.PHONY: demo test check install browser-deps poster-deps nginx-deps redis-deps migrate seed serve test-postgres search-engine messages clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

## Chromium, a CJK font and the pinned npm tools for tests/browser/ (each only when missing)
browser-deps:
	scripts/browser-deps

## A CJK font for the share posters (only when none is installed)
poster-deps:
	scripts/poster-deps

## nginx for tests/portal/test_nginx.py and bench/pages.py (only when missing)
nginx-deps:
	scripts/nginx install

## Redis for tests/portal/test_redis_cache.py (only when missing; the test starts its own server)
redis-deps:
	scripts/redis install

migrate: install
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo

## Development server, with the task worker and the scheduler beside it (scripts/demo-serve)
serve: install
	PORT=$(PORT) SEARCH=$(SEARCH) scripts/demo-serve

## README command 1: set up everything and serve the demo on http://127.0.0.1:8000, searching with the
## real Elasticsearch node when Java is present (`make demo SEARCH=database` for the database search)
demo: seed serve

## README command 2: the whole test suite, starting what it needs: Chromium and npm tools, nginx, Redis,
## the real Elasticsearch node (DATABASE_URL selects PostgreSQL; SQLite otherwise)
test: install browser-deps poster-deps nginx-deps redis-deps search-engine
	$(VENV)/bin/pytest

## The suite on a local PostgreSQL that this target installs (if missing) and starts
test-postgres: install browser-deps poster-deps nginx-deps redis-deps search-engine
	scripts/postgres start
	DATABASE_URL=$$(scripts/postgres url) $(VENV)/bin/pytest

search-engine:
	scripts/search-engine start

## The architecture contract (the apps' layers, pyproject.toml), ruff, and migrations in step with the models
check: install
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run

## Re-extract and compile translations after changing user-facing strings
messages: install
	$(PY) manage.py makemessages -l zh_Hans -i ".venv/*" -i "scripts/*" -i "tests/*" --no-location
	cd locale && ../$(PY) ../manage.py compilemessages -l zh_Hans

clean:
	rm -rf $(VENV) db.sqlite3 .test-media staticfiles .pytest_cache node_modules
