"""Errors a person can reach get the site's styled pages, in development too where Django allows it."""

from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("debug", [True, False])
def test_a_get_where_only_post_is_allowed_shows_the_styled_405_page(client, settings, debug):
    settings.DEBUG = debug
    client.force_login(UserFactory())
    response = client.get(reverse("accounts:resend_confirmation"))

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert response["Allow"] == "POST, OPTIONS"
    assert "Not available this way" in response.content.decode()
    assert 'class="site-footer' in response.content.decode()


@pytest.mark.parametrize("debug", [True, False])
def test_a_form_posted_without_its_csrf_token_shows_the_styled_page(settings, debug):
    settings.DEBUG = debug
    response = Client(enforce_csrf_checks=True).post(reverse("accounts:login"), {"username": "a@b.c"})

    assert response.status_code == HTTPStatus.FORBIDDEN
    page = response.content.decode()
    assert "Your form could not be accepted" in page
    assert ("Development detail: CSRF cookie not set." in page) is debug


def test_a_bad_request_shows_the_styled_400_page(client):
    response = client.get(reverse("accounts:login"), HTTP_HOST="bad host")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Bad request" in response.content.decode()


def test_the_styled_405_is_logged_once(client, caplog):
    client.force_login(UserFactory())
    client.get(reverse("accounts:resend_confirmation"))

    logged = [record.getMessage() for record in caplog.records if record.name == "django.request"]
    assert logged == ["Method Not Allowed (GET): /account/unconfirmed/resend/"]
