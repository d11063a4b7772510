"""The test suite: real PostgreSQL and Redis, named by DATABASE_URL and REDIS_URL (`make test` sets them)."""

from project.env import env, mailer_config, require

require("DATABASE_URL", "REDIS_URL")

from .base import *  # noqa: E402,F403
from .base import DATABASE_OPTIONS  # noqa: E402

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
