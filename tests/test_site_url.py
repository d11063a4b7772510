"""Mailed links start with SITE_URL in production, never with the request's Host (or its port)."""

import subprocess
import sys

import pytest
from django.urls import reverse

from project.env import BASE_DIR
from tests.support import subprocess_env, url_mailed_to
from tests.test_settings import production_env

PRINT_SITE_URL = "import project.wsgi; from django.conf import settings; print(settings.SITE_URL)"


def production_site_url(**env):
    environment = subprocess_env(**production_env(DJANGO_SETTINGS_MODULE=None, **env))
    return subprocess.run(
        [sys.executable, "-c", PRINT_SITE_URL], env=environment, cwd=BASE_DIR, capture_output=True, text=True
    )


def test_production_reads_site_url():
    result = production_site_url(SITE_URL="https://www.example.org")
    assert result.stdout.strip() == "https://www.example.org/", result.stderr


def test_production_without_site_url_uses_https_and_the_first_allowed_host():
    result = production_site_url(SITE_URL=None, ALLOWED_HOSTS="example.org,www.example.org")
    assert result.stdout.strip() == "https://example.org/", result.stderr


def test_production_refuses_to_guess_the_site_url_from_a_wildcard_host():
    result = production_site_url(SITE_URL=None, ALLOWED_HOSTS=".example.org")
    assert result.returncode == 1
    assert "SITE_URL is not set" in result.stderr
    assert "SITE_URL=https://example.com" in result.stderr


def test_a_site_url_that_is_not_an_address_is_refused():
    result = production_site_url(SITE_URL="example.org")
    assert result.returncode == 1
    assert "SITE_URL='example.org' is not a site address" in result.stderr


@pytest.mark.django_db
def test_mailed_links_ignore_the_requests_host_and_port(client, settings):
    settings.SITE_URL = "https://example.org/"
    settings.ALLOWED_HOSTS = ["localhost"]
    fields = {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com"}
    password = "a long enough passphrase"
    client.post(
        reverse("accounts:register"),
        {**fields, "password1": password, "password2": password},
        HTTP_HOST="localhost:6666",
    )
    assert url_mailed_to("ada@example.com").startswith("https://example.org/account/confirm/")
