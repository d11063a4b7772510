"""Over-long input is a form error, never a 500: e-mails up to 254 characters, names up to the model's
150, passwords up to 128 (ASVS 2.1.2). Run against PostgreSQL, which refuses over-long varchars."""

from http import HTTPStatus

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LONG_EMAIL = "a" * 244 + "@example.com"  # 256 characters
LONG_PASSWORD = "correct horse battery staple " * 5  # 145 characters


def test_a_256_character_email_at_login_is_a_form_error(client):
    response = client.post(reverse("accounts:login"), {"username": LONG_EMAIL, "password": "x"})
    assert response.status_code == HTTPStatus.OK
    assert "at most 254 characters (it has 256)" in response.text
    assert not AccessAttempt.objects.exists()


def test_django_admins_login_never_fails_on_a_256_character_email(client):
    response = client.post("/django-admin/login/", {"username": LONG_EMAIL, "password": "x"}, follow=True)
    assert response.status_code == HTTPStatus.OK
    assert not AccessAttempt.objects.exists()


def test_a_password_over_128_characters_at_login_is_a_form_error(client):
    UserFactory(email="ada@example.com")
    response = client.post(
        reverse("accounts:login"), {"username": "ada@example.com", "password": LONG_PASSWORD}
    )
    assert response.status_code == HTTPStatus.OK
    assert "Passwords have at most 128 characters; this one has 145." in response.text
    assert "_auth_user_id" not in client.session


def test_registering_refuses_a_password_over_128_characters(client):
    fields = {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com"}
    response = client.post(
        reverse("accounts:register"), {**fields, "password1": LONG_PASSWORD, "password2": LONG_PASSWORD}
    )
    assert "Passwords have at most 128 characters; this one has 145." in response.text
    assert not User.objects.exists()


def test_registering_refuses_names_longer_than_the_model_keeps(client):
    fields = {"first_name": "A" * 151, "last_name": "Lovelace", "email": "ada@example.com"}
    response = client.post(
        reverse("accounts:register"), {**fields, "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == HTTPStatus.OK
    assert "at most 150 characters (it has 151)" in response.text
    assert not User.objects.exists()


def test_every_new_password_is_checked_for_length():
    with pytest.raises(ValidationError) as error:
        validate_password("x" * 129)
    assert "password_too_long" in [e.code for e in error.value.error_list]


def test_changing_the_password_refuses_an_over_long_current_one(client):
    client.force_login(UserFactory())
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": LONG_PASSWORD, "new_password1": PASSWORD, "new_password2": PASSWORD},
    )
    assert "Passwords have at most 128 characters" in response.text


def test_changing_the_email_refuses_an_over_long_address(client):
    client.force_login(UserFactory())
    response = client.post(reverse("accounts:change_email"), {"email": LONG_EMAIL, "password": PASSWORD})
    assert response.status_code == HTTPStatus.OK
    assert "at most 254 characters (it has 256)" in response.text
