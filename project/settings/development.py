"""Local development: runs with nothing configured (SQLite, console e-mail, jobs inline)."""

from importlib.util import find_spec

from project.env import BASE_DIR, read_bool, use_defaults

# Embedded defaults, used only when a variable is unset: the environment always wins.
use_defaults(
    SECRET_KEY="django-insecure-development-only-never-use-in-production",
    DATABASE_URL=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
    EMAIL_URL="console://",
    ALLOWED_HOSTS="localhost,127.0.0.1,[::1],0.0.0.0",
    ADMIN_PASSWORD="password",
)

from .base import *  # noqa: E402,F403

ENVIRONMENT = "development"
DEBUG = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # SQLite connections are cheap; keeping them open only holds file locks.
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# Let runserver serve static files through WhiteNoise too, as production does.
INSTALLED_APPS.insert(INSTALLED_APPS.index("django.contrib.staticfiles"), "whitenoise.runserver_nostatic")  # noqa: F405

# django-debug-toolbar (requirements-dev.txt), development only: SQL, templates, cache and signals of each
# page. Its scripts and styles are its own static files, so the site's CSP holds. DEBUG_TOOLBAR=false: off.
if read_bool("DEBUG_TOOLBAR", True) and find_spec("debug_toolbar"):
    INSTALLED_APPS.append("debug_toolbar")  # noqa: F405
    # First, as its docs ask: it sees every response, including what the middleware below return.
    MIDDLEWARE.insert(0, "debug_toolbar.middleware.DebugToolbarMiddleware")  # noqa: F405
    # The toolbar shows only to requests from these addresses.
    INTERNAL_IPS = ["127.0.0.1", "::1"]
