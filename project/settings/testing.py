"""The test suite: real PostgreSQL and Redis, named by DATABASE_URL and REDIS_URL (`make test` sets them)."""

from project.env import require, use_defaults

require("DATABASE_URL", "REDIS_URL")
use_defaults(SECRET_KEY="django-insecure-testing-only", EMAIL_URL="locmem://")

from .base import *  # noqa: E402,F403

ENVIRONMENT = "testing"
# A fast hasher: the suite creates many users; production keeps Django's default.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Serve static files from the apps' folders, as in development: tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
