"""A process that does not enqueue, run a worker or show jobs never imports redis, rq or django-rq.

Importing them costs more than a third of the bare project's start-up (docs/performance.md), so
manage.py commands, and a web process serving pages, must not pay for them. Each check runs in a
fresh Python process and reads its sys.modules at the end.
"""

import json
import subprocess
import sys

import pytest

from tests.support import BASE_DIR, subprocess_env
from tests.test_settings import production_env

QUEUE_PACKAGES = ("redis", "rq", "django_rq")

# Runs manage.py as `python manage.py ...` does, then prints the queue modules it imported.
RUN_MANAGE_PY = """
import json, runpy, sys
sys.argv = ["manage.py", *sys.argv[1:]]
try:
    runpy.run_path("manage.py", run_name="__main__")
finally:
    print("\\nMODULES " + json.dumps([m for m in sys.modules if m.split(".")[0] in {packages}]))
"""

# Sets Django up, loads the whole URLconf, starts the template engines and serves the pages a
# visitor sees first, as a web process would; then prints the queue modules it imported.
SERVE_PAGES = """
import json, sys
import django
django.setup()
from django.template import engines
from django.test import Client
from django.urls import get_resolver

get_resolver().url_patterns
engines.all()
pages = ("/account/login/", "/health/live")
statuses = {{path: Client().get(path, secure=True).status_code for path in pages}}
print("STATUSES " + json.dumps(statuses))
print("MODULES " + json.dumps([m for m in sys.modules if m.split(".")[0] in {packages}]))
"""


def imported_queue_modules(code, *args, env):
    result = subprocess.run(
        [sys.executable, "-c", code.format(packages=QUEUE_PACKAGES), *args],
        env=subprocess_env(**env),
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = dict(
        line.split(" ", 1)
        for line in result.stdout.splitlines()
        if line.startswith(("MODULES ", "STATUSES "))
    )
    return json.loads(lines["MODULES"]), json.loads(lines.get("STATUSES", "{}"))


DEVELOPMENT = {"DJANGO_SETTINGS_MODULE": "project.settings.development"}


@pytest.mark.parametrize("command", ["help", "check"])
@pytest.mark.parametrize("env", [DEVELOPMENT, production_env()], ids=["development", "production"])
def test_manage_py_commands_do_not_import_redis_or_rq(command, env):
    modules, _ = imported_queue_modules(RUN_MANAGE_PY, command, env=env)

    assert modules == []


# Testing settings rather than production's (which need collectstatic's manifest): Redis as cache and queue.
@pytest.mark.parametrize("env", [DEVELOPMENT, {}], ids=["development", "testing"])
def test_serving_the_login_page_does_not_import_redis_or_rq(env):
    modules, statuses = imported_queue_modules(SERVE_PAGES, env={**env, "ALLOWED_HOSTS": "testserver"})

    assert statuses == {"/account/login/": 200, "/health/live": 200}
    assert modules == []


def test_the_check_sees_redis_once_a_job_is_enqueued():
    """The check can fail: the same process, enqueueing a job (to a Redis that is down), imports them."""
    enqueue = SERVE_PAGES.replace(
        'print("STATUSES', 'import core.jobs; core.jobs.enqueue_now(print)\nprint("STATUSES'
    )
    modules, _ = imported_queue_modules(
        enqueue, env={"REDIS_URL": "redis://127.0.0.1:9/0", "ALLOWED_HOSTS": "testserver"}
    )

    assert {"redis", "rq", "django_rq"} <= set(modules)
