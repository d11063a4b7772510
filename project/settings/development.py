"""Local development: runs with nothing configured (SQLite, console e-mail, jobs inline)."""

from project.env import BASE_DIR, use_defaults

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
# Every e-mail the app stored, readable and clickable at /dev/mail/ (linked from the footer).
MAIL_VIEWER = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # SQLite connections are cheap; keeping them open only holds file locks.
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# Let runserver serve static files through WhiteNoise too, as production does.
INSTALLED_APPS.insert(INSTALLED_APPS.index("django.contrib.staticfiles"), "whitenoise.runserver_nostatic")  # noqa: F405
