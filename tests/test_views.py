"""Pages served through the test client and through the real development server."""

import time
import urllib.request
from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.support import free_port


@pytest.mark.django_db
def test_home_page(client):
    response = client.get(reverse("pages:home"))
    assert response.status_code == HTTPStatus.OK
    assert "A Django starter" in response.text


@pytest.mark.django_db
def test_unknown_pages_get_the_styled_404(client, settings):
    settings.DEBUG = False
    response = client.get("/no-such-page/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "There is no page at this address." in response.text


def test_runserver_serves_the_home_page_on_development_defaults(manage, tmp_path):
    env = {
        "DJANGO_SETTINGS_MODULE": "project.settings.development",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "REDIS_URL": None,
        "SECRET_KEY": None,
    }
    assert manage("migrate", env=env).returncode == 0
    port = free_port()
    server = manage.popen("runserver", f"0.0.0.0:{port}", "--noreload", env=env)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    page = response.read().decode()
                    break
            except OSError:
                assert time.monotonic() < deadline, (
                    server.stdout.read() if server.poll() is not None else "timeout"
                )
                time.sleep(0.2)
        assert response.status == HTTPStatus.OK
        assert "A Django starter" in page
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/core/site.css", timeout=5) as css:
            assert css.status == HTTPStatus.OK
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.django_db
def test_pages_show_the_site_name_even_where_django_sets_its_own(client, settings):
    settings.SITE_NAME = "Food Bank Volunteers"
    response = client.get(reverse("accounts:login"))
    assert "<title>Log in · Food Bank Volunteers</title>" in response.text


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_that_allows_only_this_site(client):
    policy = client.get(reverse("pages:home")).headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
