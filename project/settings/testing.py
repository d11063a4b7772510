"""The test suite: real PostgreSQL and Redis, named by DATABASE_URL and REDIS_URL (`make test` sets them)."""

from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

from project.env import env, mailer_config, require

require("DATABASE_URL", "REDIS_URL")


def redis_url_for_worker(url, worker):
    """`url` with its database number lowered by the pytest-xdist worker's index ("gw2" -> 2)."""
    parts = urlsplit(url)
    number = int(parts.path.strip("/") or 0) - int(worker.removeprefix("gw"))
    if number < 0:
        raise ImproperlyConfigured(f"REDIS_URL {url} leaves no Redis database for test worker {worker}.")
    return urlunsplit(parts._replace(path=f"/{number}"))


from .base import *  # noqa: E402,F403
from .base import CACHES, DATABASE_OPTIONS, REDIS_URL, RQ_QUEUES  # noqa: E402

ENVIRONMENT = "testing"
SECRET_KEY = env("SECRET_KEY", default="django-insecure-testing-only")
DATABASES = {"default": {**DATABASE_OPTIONS, **env.db("DATABASE_URL")}}
# Tests read sent mail from django.core.mail.outbox unless EMAIL_URL names another mailer.
MAILERS = {"default": mailer_config(env("EMAIL_URL", default="locmem://"))}
# A fast hasher: the suite creates many users; production keeps Django's default.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Serve static files from the apps' folders, as in development: tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# `make test` runs the suite in parallel processes (pytest-xdist's workers gw0, gw1, ...). pytest-django
# gives each worker a test database of its own; this gives each a Redis database of its own, since the
# tests empty theirs: REDIS_URL's number minus the worker's (15, 14, 13 for `make test`). The processes
# a test starts get the worker's REDIS_URL, and no PYTEST_XDIST_WORKER (tests/support.py).
XDIST_WORKER = env("PYTEST_XDIST_WORKER", default="")
if XDIST_WORKER:
    REDIS_URL = redis_url_for_worker(REDIS_URL, XDIST_WORKER)
    RQ_QUEUES["default"]["URL"] = CACHES["default"]["LOCATION"] = REDIS_URL
