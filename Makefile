# Everyday tasks. `make run` and `make test` do all the set-up they need on a fresh machine.
# Variables: `make TARGET NAME=value`; a `## ` line above one is its note in `make help`.
## the Python (3.12+) that creates the virtualenv
PYTHON ?= python3
## the virtualenv every target uses
VENV ?= .venv
BIN := $(VENV)/bin
## where make run and make dev serve
ADDR ?= 127.0.0.1:8000
## the port of make dev's own redis-server
DEV_REDIS_PORT ?= 6380
## where make dev keeps its Redis data (gitignored)
DEV_DIR ?= .dev
# The test suite's services (the local PostgreSQL and Redis); set either variable to use another.
## the test suite's PostgreSQL
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/django_base
## the test suite's Redis (that database and the TEST_PROCESSES - 1 below it are emptied)
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15
# Most tests wait on a browser, a worker or a server, so 3 on two cores halves the time of 1.
## how many processes make test runs the suite in (pytest-xdist; each has its own databases)
TEST_PROCESSES ?= 3
## the browser of the browser tests
CHROMIUM ?= /usr/bin/chromium
## arguments for pytest, e.g. PYTEST_ARGS="tests/accounts -x"
PYTEST_ARGS ?=
## arguments for the benchmarks, e.g. BENCH_ARGS=--quick
BENCH_ARGS ?=

.PHONY: help install run dev worker test test-fast pytest coverage-html lint format check-migrations browser wrk \
	redis-server bench screenshots clean

help:  ## list the targets and the variables they read
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t20
	@printf '\nVariables (make TARGET NAME=value):\n'
	@awk '/^## /{note=substr($$0, 4); next} /^[A-Z_]+ \?=/ && note {name=$$1; sub(/^[A-Z_]+ \?= */, ""); \
	  printf "%-20s%s%s\n", name, note, ($$0 == "" ? "" : " (default " $$0 ")")} {note=""}' $(MAKEFILE_LIST)

# --no-compile: Python compiles what it imports on first use; compiling every installed file up front tripled
# the install's CPU time (a fresh clone's `make dev` or `make test`).
$(BIN)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "Python >= 3.12 is needed (found " + sys.version.split()[0] + "); see .python-version")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --no-compile -r requirements-dev.txt
	@touch $@

install: $(BIN)/.installed  ## create .venv and install the pinned packages

run: install  ## run the app on its embedded defaults (SQLite, jobs inline, console email)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_dev
	@echo "Development mail (every email the app sends): http://$(ADDR)/dev/mail/"
	$(BIN)/python manage.py runserver $(ADDR)

# Web (runserver), worker and Redis under honcho (Procfile.dev), as the Procfile runs them in production.
dev: install  ## web + worker + a local Redis in one terminal, coloured logs; Ctrl-C stops them all
	@command -v redis-server >/dev/null || { echo "make dev needs redis-server:" \
	  "'sudo apt-get install redis-server' (Debian, Ubuntu) or 'brew install redis' (macOS)."; exit 1; }
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_dev
	@echo "make dev: http://$(ADDR), Redis on port $(DEV_REDIS_PORT) (data in $(DEV_DIR)/redis); Ctrl-C stops all"
	ADDR=$(ADDR) DEV_REDIS_PORT=$(DEV_REDIS_PORT) DEV_DIR=$(DEV_DIR) REDIS_URL=redis://127.0.0.1:$(DEV_REDIS_PORT)/0 \
	  PATH="$(abspath $(BIN)):$$PATH" PYTHONUNBUFFERED=1 exec $(BIN)/honcho --env /dev/null --procfile Procfile.dev start

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

redis-server:  ## install Debian's redis-server (make dev, and tests that start their own), if it is missing
	@command -v redis-server >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server; \
	  else echo "redis-server is missing: run 'sudo apt-get install redis-server'"; exit 1; fi; }

# The whole suite with coverage: prints the summary and fails under [tool.coverage.report] fail_under.
test: PYTEST_COVERAGE = --cov --cov-report=term
# A test file runs whole in one process (--dist loadfile): the bench smoke run and the browser are set up once.
test: PYTEST_PARALLEL = -n $(TEST_PROCESSES) --dist loadfile
test: install browser wrk redis-server lint check-migrations pytest  ## lint, check migrations, run the whole test suite with coverage

# The edit-test loop: everything but the browser, the tests that start processes (manage.py, workers,
# gunicorn, redis-server) and the bench; markers in pyproject.toml. CI runs `make test`.
test-fast: install  ## the tests that need no process of their own (well under a minute)
	$(MAKE) --no-print-directory pytest PYTEST_ARGS='-q -m "not browser and not process and not bench" $(PYTEST_ARGS)'

pytest: install  ## only the test suite (PYTEST_ARGS), against TEST_DATABASE_URL and TEST_REDIS_URL
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} REDIS_URL=$${REDIS_URL:-$(TEST_REDIS_URL)} CHROMIUM=$(CHROMIUM) \
	  $(BIN)/pytest $(PYTEST_PARALLEL) $(PYTEST_COVERAGE) $(PYTEST_ARGS)

coverage-html: PYTEST_COVERAGE = --cov --cov-report=html --cov-fail-under=0
coverage-html: install pytest  ## run the tests (PYTEST_ARGS) with coverage and write htmlcov/index.html

# The same hooks as the git hook (.pre-commit-config.yaml): whitespace, ruff, djLint, actionlint.
lint: install  ## every check of .pre-commit-config.yaml on every file (what CI runs)
	$(BIN)/pre-commit run --all-files --show-diff-on-failure

format: install  ## fix what ruff can, and format the Python code and the templates
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djlint --reformat --quiet core/templates || true

check-migrations: install  ## fail if a model change has no migration
	ENV_FILE=/dev/null DJANGO_SETTINGS_MODULE=project.settings.development DATABASE_URL=sqlite:///:memory: \
	  $(BIN)/python manage.py makemigrations --check --dry-run

# BENCH_ARGS: e.g. --quick, or --only web,jobs (.venv/bin/python -m bench --help lists them).
bench: install wrk  ## the benchmark suite against its baselines (docs/performance.md)
	$(BIN)/python -m bench $(BENCH_ARGS)

# The pictures of docs/first-hour.md, taken by the walkthrough's browser test (it runs in `make test` too).
screenshots: install browser  ## retake docs/screenshots/*.png from the browser suite
	FIRST_HOUR_SCREENSHOTS=$(CURDIR)/docs/screenshots $(MAKE) pytest PYTEST_ARGS="-m screenshots -q"

clean:  ## remove the virtualenv and caches (not make dev's Redis data in $(DEV_DIR))
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles htmlcov .coverage .coverage.*
