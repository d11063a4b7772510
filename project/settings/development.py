"""Local development: runs with nothing configured (SQLite, console e-mail, jobs inline).

Each default below is used only when its variable is unset (or empty): the environment always wins."""

import sys
from importlib.util import find_spec

from project.env import BASE_DIR, env, mailer_config

from .base import *  # noqa: F403
from .base import DATABASE_OPTIONS, INSTALLED_APPS, MIDDLEWARE

ENVIRONMENT = "development"
DEBUG = True
# Every e-mail the app stored, readable and clickable at /dev/mail/ (linked from the footer).
MAIL_VIEWER = True

SECRET_KEY = env("SECRET_KEY", default="django-insecure-development-only-never-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "0.0.0.0"])
DATABASES = {
    "default": {**DATABASE_OPTIONS, **env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # SQLite connections are cheap; keeping them open only holds file locks.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
MAILERS = {"default": mailer_config(env("EMAIL_URL", default="console://"))}
ADMIN_PASSWORD = env("ADMIN_PASSWORD", default="password")

# Let runserver serve static files through WhiteNoise too, as production does.
INSTALLED_APPS.insert(INSTALLED_APPS.index("django.contrib.staticfiles"), "whitenoise.runserver_nostatic")

# django-debug-toolbar (requirements-dev.txt), development only: SQL, templates, cache and signals of each
# page. Its scripts and styles are its own static files, so the site's CSP holds. Loaded by the development
# web server only (`runserver`): it imports 0.3 s of modules, which `help`, `migrate` or a worker would pay
# for nothing. DEBUG_TOOLBAR=true/false overrides.
if env.bool("DEBUG_TOOLBAR", default=sys.argv[1:2] == ["runserver"]) and find_spec("debug_toolbar"):
    INSTALLED_APPS.append("debug_toolbar")
    # First, as its docs ask: it sees every response, including what the middleware below return.
    MIDDLEWARE.insert(0, "debug_toolbar.middleware.DebugToolbarMiddleware")
    # The toolbar shows only to requests from these addresses.
    INTERNAL_IPS = ["127.0.0.1", "::1"]
