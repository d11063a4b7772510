"""Changing the email address: a link goes to the new address, and only that link changes it."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from core.accounts.tokens import CHANGE_EMAIL_SALT, make_email_change_token
from core.models import User
from tests.factories import PASSWORD, UserFactory
from tests.support import SignedAt, assert_link_in_text_and_html, link_mailed_to, link_start, outbox_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def ada(client):
    user = UserFactory(email="ada@example.com")
    client.force_login(user)
    return user


def ask_for(client, email, password=PASSWORD, **kwargs):
    return client.post(reverse("accounts:change_email"), {"email": email, "password": password}, **kwargs)


def test_the_form_has_labelled_fields(client, ada):
    page = client.get(reverse("accounts:change_email")).text
    assert '<label for="id_email">New email</label>' in page
    assert '<label for="id_password">Current password</label>' in page


def test_asking_mails_a_link_to_the_new_address_and_changes_nothing_yet(client, ada):
    response = ask_for(client, "Ada.Lovelace@Example.org", follow=True)
    [email] = outbox_to("ada.lovelace@example.org")
    assert email.subject == "Confirm your new django-base email address"
    assert_link_in_text_and_html(email, link_start("accounts:change_email_confirm"))
    assert outbox_to("ada@example.com") == []
    assert "A confirmation link has been sent to ada.lovelace@example.org." in response.text
    ada.refresh_from_db()
    assert ada.email == "ada@example.com"


def test_asking_requires_the_current_password(client, ada):
    response = ask_for(client, "new@example.org", password="not it")
    assert "Your password was entered incorrectly." in response.text
    assert 'value="new@example.org"' in response.text
    assert outbox_to("new@example.org") == []


def test_an_address_another_account_uses_gets_the_same_answer_and_its_owner_is_told(client, ada):
    UserFactory(email="grace@example.com")
    free = ask_for(client, "free@example.org", follow=True)
    taken = ask_for(client, "GRACE@example.com", follow=True)
    assert taken.redirect_chain == free.redirect_chain == [(reverse("accounts:manage"), HTTPStatus.FOUND)]
    assert "A confirmation link has been sent to grace@example.com." in taken.text
    [notice] = outbox_to("grace@example.com")
    assert notice.subject == "Someone tried to use your email address on django-base"
    assert "/account/email/change/" not in notice.body_text


def test_a_wrong_password_is_checked_before_the_address(client, ada):
    UserFactory(email="grace@example.com")
    for address in ("grace@example.com", "ada@example.com", "free@example.org"):
        response = ask_for(client, address, password="not it")
        assert response.context["form"].errors == {
            "password": ["Your password was entered incorrectly. Please enter it again."]
        }
    assert outbox_to("grace@example.com") == outbox_to("free@example.org") == []


def test_one_address_gets_at_most_three_links_an_hour(client, ada):
    responses = [ask_for(client, "new@example.org") for _ in range(4)]
    assert len(outbox_to("new@example.org")) == 3
    assert "Several links were sent to this address in the last hour." in responses[-1].text


def test_one_account_asks_for_at_most_three_links_an_hour(client, ada):
    responses = [ask_for(client, f"new{number}@example.org") for number in range(4)]
    assert outbox_to("new3@example.org") == []
    assert "You asked for several links in the last hour." in responses[-1].text


def test_opening_the_link_shows_the_change_and_changes_nothing_yet(client, ada):
    ask_for(client, "new@example.org")
    response = client.get(link_mailed_to("new@example.org"))
    assert "from <strong>ada@example.com</strong> to" in response.text
    ada.refresh_from_db()
    assert ada.email == "ada@example.com"


def test_the_address_changes_when_the_link_is_used(client, ada):
    ask_for(client, "new@example.org")
    response = client.post(link_mailed_to("new@example.org"), follow=True)
    assert response.redirect_chain == [(reverse("accounts:manage"), HTTPStatus.FOUND)]
    assert "Your email address is now new@example.org." in response.text
    ada.refresh_from_db()
    assert ada.email == "new@example.org"


def test_the_link_works_without_being_signed_in(client, ada):
    ask_for(client, "new@example.org")
    client.post(reverse("accounts:logout"))
    response = client.post(link_mailed_to("new@example.org"))
    assert response.headers["Location"] == reverse("accounts:login")
    ada.refresh_from_db()
    assert ada.email == "new@example.org"


def test_the_link_works_once(client, ada):
    ask_for(client, "new@example.org")
    link = link_mailed_to("new@example.org")
    client.post(link)
    response = client.post(link)
    assert "This link is invalid, has expired or has already been used" in response.text


def test_an_earlier_link_is_spent_once_the_address_changes_and_changes_back(client, ada):
    ask_for(client, "x@example.org")
    first = link_mailed_to("x@example.org")
    client.post(first)
    ask_for(client, "ada@example.com")
    client.post(link_mailed_to("ada@example.com"))
    ada.refresh_from_db()
    assert ada.email == "ada@example.com"
    response = client.post(first)
    assert "This link is invalid, has expired or has already been used" in response.text
    ada.refresh_from_db()
    assert ada.email == "ada@example.com"


def test_a_link_is_spent_by_a_change_made_through_another_link(client, ada):
    ask_for(client, "one@example.org")
    ask_for(client, "two@example.org")
    client.post(link_mailed_to("two@example.org"))
    ask_for(client, "ada@example.com")
    client.post(link_mailed_to("ada@example.com"))
    client.post(link_mailed_to("one@example.org"))
    ada.refresh_from_db()
    assert ada.email == "ada@example.com"


def test_the_link_expires_after_an_hour(client, ada):
    token = SignedAt(timezone.now() - timedelta(minutes=61), salt=CHANGE_EMAIL_SALT).sign_object(
        {"user": ada.pk, "old": ada.email, "new": "new@example.org"}
    )
    response = client.post(reverse("accounts:change_email_confirm", args=[token]))
    assert "has expired" in response.text
    ada.refresh_from_db()
    assert ada.email == "ada@example.com"


def test_a_link_signed_without_the_site_secret_is_refused(client, ada):
    token = signing.dumps(
        {"user": ada.pk, "old": ada.email, "new": "evil@example.org"}, salt=CHANGE_EMAIL_SALT, key="x"
    )
    client.post(reverse("accounts:change_email_confirm", args=[token]))
    ada.refresh_from_db()
    assert ada.email == "ada@example.com"


def test_the_link_is_refused_if_the_address_was_taken_meanwhile(client, ada):
    link = reverse("accounts:change_email_confirm", args=[make_email_change_token(ada, "new@example.org")])
    UserFactory(email="new@example.org")
    response = client.post(link)
    assert "the address now belongs to" in response.text
    ada.refresh_from_db()
    assert ada.email == "ada@example.com"
    assert User.objects.filter(email="new@example.org").count() == 1


def test_changing_the_address_asks_visitors_to_log_in(client):
    response = client.get(reverse("accounts:change_email"))
    assert response.headers["Location"].startswith(reverse("accounts:login") + "?next=")
