# Everyday tasks. `make run` and `make test` do all the set-up they need on a fresh machine.
# Variables: `make TARGET NAME=value`; a `## ` line above one is its note in `make help`.
## the Python (3.12+) that creates the virtualenv
PYTHON ?= python3
## the virtualenv every target uses
VENV ?= .venv
BIN := $(VENV)/bin
## where make run serves
ADDR ?= 127.0.0.1:8000
# The test suite's services (the local PostgreSQL and Redis); set either variable to use another.
## the test suite's PostgreSQL
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/django_base
## the test suite's Redis (that database is emptied)
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15
## the browser of the browser tests
CHROMIUM ?= /usr/bin/chromium
## arguments for pytest, e.g. PYTEST_ARGS="tests/accounts -x"
PYTEST_ARGS ?=
## arguments for the benchmarks, e.g. BENCH_ARGS=--quick
BENCH_ARGS ?=

.PHONY: help install run worker test test-fast pytest lint format check-migrations browser wrk bench clean

help:  ## list the targets and the variables they read
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t20
	@printf '\nVariables (make TARGET NAME=value):\n'
	@awk '/^## /{note=substr($$0, 4); next} /^[A-Z_]+ \?=/ && note {name=$$1; sub(/^[A-Z_]+ \?= */, ""); \
	  printf "%-20s%s%s\n", name, note, ($$0 == "" ? "" : " (default " $$0 ")")} {note=""}' $(MAKEFILE_LIST)

$(BIN)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "Python >= 3.12 is needed (found " + sys.version.split()[0] + "); see .python-version")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@

install: $(BIN)/.installed  ## create .venv and install the pinned packages

run: install  ## run the app on its embedded defaults (SQLite, jobs inline, console e-mail)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_dev
	@echo "Development mail (every email the app sends): http://$(ADDR)/dev/mail/"
	$(BIN)/python manage.py runserver $(ADDR)

worker: install  ## run a worker on the "default" queue of REDIS_URL
	$(BIN)/python manage.py rqworker default

browser:  ## install Debian's Chromium for the browser tests, if it is missing
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	  else echo "Chromium is missing: run 'sudo apt-get install chromium' (or set CHROMIUM=/path/to/chromium)"; exit 1; fi; }

wrk:  ## install Debian's wrk (the benchmarks' load generator), if it is missing
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; \
	  else echo "wrk is missing: run 'sudo apt-get install wrk'"; exit 1; fi; }

test: install browser wrk lint check-migrations pytest  ## lint, check migrations, run the whole test suite

# The edit-test loop: everything but the browser, the tests that start processes (manage.py, workers,
# gunicorn, redis-server) and the bench; markers in pyproject.toml. CI runs `make test`.
test-fast: install  ## the tests that need no process of their own (well under a minute)
	$(MAKE) --no-print-directory pytest PYTEST_ARGS='-q -m "not browser and not process and not bench" $(PYTEST_ARGS)'

pytest: install  ## only the test suite (PYTEST_ARGS), against TEST_DATABASE_URL and TEST_REDIS_URL
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} REDIS_URL=$${REDIS_URL:-$(TEST_REDIS_URL)} CHROMIUM=$(CHROMIUM) \
	  $(BIN)/pytest $(PYTEST_ARGS)

lint: install  ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install  ## fix what ruff can, and format
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-migrations: install  ## fail if a model change has no migration
	ENV_FILE=/dev/null DJANGO_SETTINGS_MODULE=project.settings.development DATABASE_URL=sqlite:///:memory: \
	  $(BIN)/python manage.py makemigrations --check --dry-run

# BENCH_ARGS: e.g. --quick, or --only web,jobs (.venv/bin/python -m bench --help lists them).
bench: install wrk  ## the benchmark suite against its baselines (docs/performance.md)
	$(BIN)/python -m bench $(BENCH_ARGS)

clean:  ## remove the virtualenv and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
