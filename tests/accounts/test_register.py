"""Registering: an unconfirmed account and a confirmation link sent through the outbox."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from core.models import User
from tests.factories import PASSWORD, UserFactory
from tests.support import assert_link_in_text_and_html, link_start, outbox_to

pytestmark = pytest.mark.django_db


def registration(**changes):
    return {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "email": "ada@example.com",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **changes,
    }


def test_register_page_has_labelled_fields_with_autocomplete_hints(client):
    page = client.get(reverse("accounts:register")).text
    for field, autocomplete in [
        ("first_name", "given-name"),
        ("last_name", "family-name"),
        ("email", "email"),
        ("password1", "new-password"),
        ("password2", "new-password"),
    ]:
        assert f'<label for="id_{field}">' in page
        assert f'autocomplete="{autocomplete}"' in page


def test_registering_creates_an_unconfirmed_account_with_the_default_role(client):
    client.post(reverse("accounts:register"), registration(email="Ada@Example.com"))
    user = User.objects.get(email="ada@example.com")
    assert user.confirmed is False
    assert user.role.name == "User"
    assert user.check_password(PASSWORD)


def test_registering_mails_a_confirmation_link_in_text_and_html(client):
    client.post(reverse("accounts:register"), registration())
    [email] = outbox_to("ada@example.com")
    assert email.subject == "Confirm your django-base account"
    assert_link_in_text_and_html(email, link_start("accounts:confirm"))
    assert "expires in 1 week" in email.body_text


def test_registering_sends_to_the_login_page_with_a_flash_message(client):
    response = client.post(reverse("accounts:register"), registration(), follow=True)
    assert response.redirect_chain == [(reverse("accounts:login"), HTTPStatus.FOUND)]
    assert "A confirmation link has been sent to ada@example.com." in response.text


def test_register_shows_errors_next_to_fields_and_keeps_what_was_typed(client):
    response = client.post(reverse("accounts:register"), registration(password2="something else entirely"))
    assert response.status_code == HTTPStatus.OK
    assert "The two password fields didn’t match." in response.text
    assert 'value="Lovelace"' in response.text
    assert 'value="ada@example.com"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert not User.objects.filter(email="ada@example.com").exists()


def test_register_refuses_a_password_the_validators_reject(client):
    response = client.post(
        reverse("accounts:register"), registration(password1="password", password2="password")
    )
    assert "This password is too common." in response.text
    assert not User.objects.filter(email="ada@example.com").exists()


def test_registering_an_address_in_use_answers_the_same_and_mails_its_owner(client):
    owner = UserFactory(email="ada@example.com", first_name="Ada")
    fresh = client.post(reverse("accounts:register"), registration(email="grace@example.com"), follow=True)
    taken = client.post(reverse("accounts:register"), registration(email="ADA@example.com"), follow=True)
    assert taken.redirect_chain == fresh.redirect_chain == [(reverse("accounts:login"), HTTPStatus.FOUND)]
    assert "A confirmation link has been sent to ada@example.com." in taken.text
    assert User.objects.filter(email__iexact="ada@example.com").get() == owner
    [email] = outbox_to("ada@example.com")
    assert email.subject == "You already have a django-base account"
    assert link_start("accounts:login", args=0) in email.body_text
    assert link_start("accounts:password_reset", args=0) in email.body_text


def test_the_confirmation_email_does_not_carry_the_name_a_visitor_typed(client):
    client.post(reverse("accounts:register"), registration(first_name="Call", last_name="+1 555 0100 now"))
    [email] = outbox_to("ada@example.com")
    assert "Call" not in email.body_text and "555" not in email.body_html
    assert "Hello ada@example.com," in email.body_text


def test_registering_mails_one_address_at_most_three_times_an_hour(client):
    for _ in range(5):
        client.post(reverse("accounts:register"), registration())
    assert len(outbox_to("ada@example.com")) == 3


def test_register_requires_first_and_last_name(client):
    response = client.post(reverse("accounts:register"), registration(first_name="", last_name=""))
    assert response.text.count("This field is required.") == 2


def test_signed_in_user_opening_the_register_page_goes_home(client):
    client.force_login(UserFactory())
    assert client.get(reverse("accounts:register")).headers["Location"] == reverse("pages:home")
