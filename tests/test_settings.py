"""Each environment module: what it requires, what it defaults, what production promises."""

import subprocess
import sys

import pytest

from project.env import BASE_DIR
from tests.support import database_url, subprocess_env

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "project.settings.production",
    "SECRET_KEY": "production-secret-" + "k3y!" * 12,
    "ALLOWED_HOSTS": "example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/15",
    "EMAIL_URL": None,  # production's default: SMTP on localhost
}
NOTHING_CONFIGURED = dict.fromkeys(
    ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "EMAIL_URL", "ADMIN_PASSWORD"]
)


def production_env(**overrides):
    return {**PRODUCTION, "DATABASE_URL": database_url(), **overrides}


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"])
def test_production_refuses_to_start_without(missing, manage):
    result = manage("check", env=production_env(**{missing: None}))
    assert result.returncode == 1
    assert f"These environment variables must be set: {missing}." in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "secret_key", ["django-insecure-development-only-never-use-in-production-at-all", "short-but-set"]
)
def test_production_refuses_a_development_or_short_secret_key(manage, secret_key):
    result = manage("check", env=production_env(SECRET_KEY=secret_key))
    assert result.returncode == 1
    assert "SECRET_KEY is a development key or shorter than 50 characters" in result.stderr


def test_production_names_every_missing_variable_at_once(manage):
    result = manage(
        "check", env={"DJANGO_SETTINGS_MODULE": "project.settings.production", **NOTHING_CONFIGURED}
    )
    assert "must be set: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL." in result.stderr


def test_production_passes_the_deployment_checklist(manage):
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_with_a_development_mailer_fails_the_checklist(manage):
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env=production_env(EMAIL_URL="console://")
    )
    assert result.returncode == 1
    assert "core.mail.E001" in result.stderr


def show(manage, expression, **env):
    result = manage("shell", "-c", f"from django.conf import settings; print({expression})", env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_production_serves_compressed_hashed_static_files_and_logs_to_stdout(manage):
    storage = "settings.STORAGES['staticfiles']['BACKEND'], settings.LOGGING['root']['handlers']"
    assert show(manage, storage, **production_env()) == (
        "core.staticfiles.ManifestStaticFilesStorage ['stdout']"
    )


@pytest.mark.process
def test_wsgi_defaults_to_production_settings():
    code = "import project.wsgi; from django.conf import settings; print(settings.ENVIRONMENT)"
    env = subprocess_env(**production_env(DJANGO_SETTINGS_MODULE=None))
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=BASE_DIR, capture_output=True, text=True
    )
    assert result.stdout.strip() == "production", result.stderr


@pytest.mark.process
def test_a_copied_env_example_keeps_wsgi_on_production_settings(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text((BASE_DIR / ".env.example").read_text())
    code = (
        "import project.wsgi; from django.conf import settings; print(settings.ENVIRONMENT, settings.DEBUG)"
    )
    env = subprocess_env(**production_env(DJANGO_SETTINGS_MODULE=None, ENV_FILE=str(env_file)))
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=BASE_DIR, capture_output=True, text=True
    )
    assert result.stdout.strip() == "production False", result.stderr


def test_development_runs_with_nothing_configured(manage, tmp_path):
    expression = (
        "settings.DATABASES['default']['ENGINE'], settings.JOBS_RUN_INLINE, "
        "settings.MAILERS['default']['BACKEND'].split('.')[-2], settings.DEBUG"
    )
    env = {**NOTHING_CONFIGURED, "DJANGO_SETTINGS_MODULE": None}
    assert show(manage, expression, **env) == "django.db.backends.sqlite3 True console True"


def test_development_honours_the_service_variables(manage):
    expression = (
        "settings.DATABASES['default']['ENGINE'], settings.JOBS_RUN_INLINE, "
        "settings.RQ_QUEUES['default']['URL'], settings.MAILERS['default']['OPTIONS']['file_path']"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "project.settings.development",
        "DATABASE_URL": database_url(),
        "REDIS_URL": "redis://:secret@127.0.0.1:6379/3",
        "EMAIL_URL": "file:///tmp/outbox",
    }
    assert show(manage, expression, **env) == (
        "django.db.backends.postgresql False redis://:secret@127.0.0.1:6379/3 /tmp/outbox"
    )


def test_testing_settings_require_the_real_services(manage):
    result = manage("check", env={"REDIS_URL": None})
    assert result.returncode == 1
    assert "must be set: REDIS_URL." in result.stderr


def test_sentry_is_off_unless_sentry_dsn_is_set(manage):
    assert show(manage, "settings.SENTRY_DSN, 'sentry_sdk' in __import__('sys').modules") == "None False"


def test_sentry_dsn_without_sentry_sdk_installed_says_what_to_install(manage):
    result = manage("check", env={"SENTRY_DSN": "https://public@errors.example.org/1"})
    assert result.returncode == 1
    assert "SENTRY_DSN is set but sentry-sdk is not installed" in result.stderr
    assert "pip install -r requirements-sentry.txt" in result.stderr
