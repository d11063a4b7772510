"""Logging out is a POST; a GET (typed, or an old bookmark) shows the button instead of a blank 405."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_get_logout_shows_a_page_with_a_log_out_button_and_logs_nobody_out(client):
    user = UserFactory(email="ada@example.com")
    client.force_login(user)

    response = client.get(reverse("accounts:logout"))

    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert f'method="post" action="{reverse("accounts:logout")}"' in page and ">Log out</button>" in page
    assert "ada@example.com" in page
    assert client.get(reverse("accounts:manage")).status_code == HTTPStatus.OK  # still logged in


def test_the_page_s_button_logs_out(client):
    client.force_login(UserFactory())

    response = client.post(reverse("accounts:logout"), follow=True)

    assert "You have been logged out." in response.content.decode()
    assert response.context["user"].is_authenticated is False


def test_a_visitor_asking_to_log_out_goes_home(client):
    response = client.get(reverse("accounts:logout"))
    assert response.status_code == HTTPStatus.FOUND and response["Location"] == reverse("pages:home")


def test_an_unconfirmed_user_can_open_the_log_out_page(client):
    client.force_login(UserFactory(confirmed=False))
    assert client.get(reverse("accounts:logout")).status_code == HTTPStatus.OK
