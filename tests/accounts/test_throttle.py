"""Mailed links are limited per address and hour, so nobody can flood an inbox from our forms."""

from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.accounts.throttle import TOO_MANY_LINKS
from core.models import User
from tests.factories import InvitedUserFactory, UserFactory
from tests.support import expired_invite_token, free_port, outbox_to

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("jobs_inline")]

ALLOWANCE = 3  # settings.MAILED_LINKS_PER_HOUR


def test_password_reset_mails_at_most_the_hourly_allowance_and_answers_the_same(client):
    UserFactory(email="ada@example.com")
    answers = [
        client.post(reverse("accounts:password_reset"), {"email": "ada@example.com"})
        for _ in range(ALLOWANCE + 2)
    ]
    assert len(outbox_to("ada@example.com")) == ALLOWANCE
    assert {answer.status_code for answer in answers} == {HTTPStatus.FOUND}
    assert {answer.headers["Location"] for answer in answers} == {answers[0].headers["Location"]}


def test_resending_the_confirmation_link_stops_at_the_allowance_and_says_why(client):
    user = UserFactory(email="ada@example.com", confirmed=False)
    client.force_login(user)
    for _ in range(ALLOWANCE):
        client.post(reverse("accounts:resend_confirmation"))
    response = client.post(reverse("accounts:resend_confirmation"), follow=True)
    assert TOO_MANY_LINKS in response.text
    assert len(outbox_to("ada@example.com")) == ALLOWANCE


def test_registering_a_taken_address_again_and_again_mails_its_owner_only_the_allowance(client):
    UserFactory(email="ada@example.com")
    form = {"first_name": "A", "last_name": "B", "email": "ada@example.com"}
    form |= {"password1": "a-Long-and-rare-passphrase-42", "password2": "a-Long-and-rare-passphrase-42"}
    for _ in range(ALLOWANCE + 2):
        client.post(reverse("accounts:register"), form)
    assert len(outbox_to("ada@example.com")) == ALLOWANCE
    assert User.objects.filter(email="ada@example.com").count() == 1


def test_fresh_invites_stop_at_the_allowance_and_say_why(client):
    user = InvitedUserFactory(email="ada@example.com")
    url = reverse(
        "invites:resend", args=[urlsafe_base64_encode(force_bytes(user.pk)), expired_invite_token(user)]
    )
    for _ in range(ALLOWANCE):
        client.post(url)
    response = client.post(url, follow=True)
    assert TOO_MANY_LINKS in response.text
    assert len(outbox_to("ada@example.com")) == ALLOWANCE


def test_the_allowance_is_per_address(client):
    UserFactory(email="ada@example.com")
    UserFactory(email="grace@example.com")
    for _ in range(ALLOWANCE + 1):
        client.post(reverse("accounts:password_reset"), {"email": "ada@example.com"})
    client.post(reverse("accounts:password_reset"), {"email": "grace@example.com"})
    assert len(outbox_to("grace@example.com")) == 1


def test_with_the_cache_unreachable_mail_is_sent_and_answers_do_not_change(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    UserFactory(email="ada@example.com")
    form = {"first_name": "A", "last_name": "B", "email": "ada@example.com"}
    form |= {"password1": "a-Long-and-rare-passphrase-42", "password2": "a-Long-and-rare-passphrase-42"}
    taken = client.post(reverse("accounts:register"), form)
    reset = client.post(reverse("accounts:password_reset"), {"email": "ada@example.com"})
    assert taken.status_code == reset.status_code == HTTPStatus.FOUND
    assert [email.subject for email in outbox_to("ada@example.com")] == [
        "You already have a django-base account",
        "Reset your django-base password",
    ]
