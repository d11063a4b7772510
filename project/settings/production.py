"""Production: refuses to start without its secrets and services; HTTPS everywhere.

Checked by `python manage.py check --deploy --fail-level WARNING`.
"""

from project.env import ConfigurationError, env, require, site_url_from_hosts

# Every missing variable named at once, before anything else is read.
require("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL")

from .base import *  # noqa: E402,F403
from .base import ALLOWED_HOSTS, DATABASE_OPTIONS, SITE_URL  # noqa: E402

ENVIRONMENT = "production"

SECRET_KEY = env("SECRET_KEY")
# A copied development key (or a short one) would let anyone forge sessions and reset links.
if SECRET_KEY.startswith("django-insecure") or len(SECRET_KEY) < 50:
    raise ConfigurationError(
        "SECRET_KEY is a development key or shorter than 50 characters. Generate one with: python -c "
        '"from django.core.management.utils import get_random_secret_key as k; print(k())"'
    )
DATABASES = {"default": {**DATABASE_OPTIONS, **env.db("DATABASE_URL")}}
# Mailed links never come from the request's Host: SITE_URL, else https:// and the one host in ALLOWED_HOSTS.
SITE_URL = SITE_URL or site_url_from_hosts(ALLOWED_HOSTS)
if not SITE_URL:
    raise ConfigurationError(
        "SITE_URL is not set and ALLOWED_HOSTS does not start with one host name: set SITE_URL to the "
        "address people use, e.g. SITE_URL=https://example.com"
    )

# The platform's proxy terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# Load balancers probe /health/live and /health/ready over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/"]
# HSTS: a year, as check --deploy expects; lower HSTS_SECONDS while trying out a new domain.
SECURE_HSTS_SECONDS = env.int("HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
# Administrators must use two-factor authentication here unless the variable says false.
TWO_FACTOR_REQUIRED_FOR_ADMINS = env.bool("TWO_FACTOR_REQUIRED_FOR_ADMINS", default=True)
CSRF_COOKIE_SECURE = True

# Compressed files with hashed names, served by WhiteNoise (run collectstatic at build time); see
# core/staticfiles.py.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "core.staticfiles.ManifestStaticFilesStorage"},
}
