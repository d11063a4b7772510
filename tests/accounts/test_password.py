"""Forgotten password (no enumeration, one-use links that expire after an hour) and password change."""

from datetime import datetime, timedelta
from http import HTTPStatus

import django_rq
import pytest
from django.contrib.auth.tokens import default_token_generator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.factories import PASSWORD, UserFactory
from tests.support import assert_link_in_text_and_html, link_mailed_to, link_start, outbox_to, token_made_at

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("jobs_inline")]

NEW_PASSWORD = "a brand new passphrase 42"


def reset_link_made(user, ago):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse(
        "accounts:password_reset_confirm",
        args=[uid, token_made_at(default_token_generator, user, datetime.now() - ago)],
    )


def choose_new_password(client, link, password=NEW_PASSWORD):
    """Open the mailed link (Django swaps the token for a session one) and submit the new password."""
    form_page = client.get(link, follow=True)
    return client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"new_password1": password, "new_password2": password},
        follow=True,
    )


def test_reset_request_mails_a_one_hour_link_to_a_known_address(client):
    UserFactory(email="ada@example.com")
    client.post(reverse("accounts:password_reset"), {"email": "Ada@Example.com"})
    [email] = outbox_to("ada@example.com")
    assert email.subject == "Reset your django-base password"
    assert_link_in_text_and_html(email, link_start("accounts:password_reset_confirm", args=2))
    assert "expires in 1 hour" in email.body_text


def test_reset_request_gives_the_same_answer_whether_or_not_the_address_has_an_account(client):
    UserFactory(email="ada@example.com")
    known = client.post(reverse("accounts:password_reset"), {"email": "ada@example.com"}, follow=True)
    unknown = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.com"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain == [(reverse("accounts:login"), HTTPStatus.FOUND)]
    messages = [[str(message) for message in response.context["messages"]] for response in (known, unknown)]
    assert messages == [
        [
            "If ada@example.com belongs to an account, a link to reset its password is on its way. "
            "It expires in 1 hour."
        ],
        [
            "If nobody@example.com belongs to an account, a link to reset its password is on its way. "
            "It expires in 1 hour."
        ],
    ]
    assert outbox_to("nobody@example.com") == []


def reset_request_work(client, email):
    """The queries a reset request makes, and the jobs it leaves in the queue."""
    queue = django_rq.get_queue("default")
    before = queue.count
    with CaptureQueriesContext(connection) as queries:
        client.post(reverse("accounts:password_reset"), {"email": email})
    jobs = queue.jobs[before:]
    return [query["sql"] for query in queries.captured_queries], [job.func_name for job in jobs]


def test_a_reset_request_does_the_same_work_for_known_and_unknown_addresses(client, settings, redis_db):
    settings.JOBS_RUN_INLINE = False
    UserFactory(email="ada@example.com")
    known_queries, known_jobs = reset_request_work(client, "ada@example.com")
    unknown_queries, unknown_jobs = reset_request_work(client, "nobody@example.com")
    assert known_queries == unknown_queries
    assert known_jobs == unknown_jobs == ["core.accounts.tasks.send_password_reset"]
    assert outbox_to("ada@example.com") == []  # the worker decides and sends


@pytest.mark.django_db(transaction=True)
def test_the_worker_mails_the_link_to_a_known_address_only(client, settings, worker, mailbox):
    settings.JOBS_RUN_INLINE = False
    UserFactory(email="ada@example.com")
    client.post(reverse("accounts:password_reset"), {"email": "ada@example.com"})
    client.post(reverse("accounts:password_reset"), {"email": "nobody@example.com"})
    worker()
    [email] = mailbox.to("ada@example.com")
    assert email["Subject"] == "Reset your django-base password"
    assert mailbox.to("nobody@example.com") == []


def test_reset_link_lets_the_user_choose_a_new_password_and_log_in(client):
    user = UserFactory(email="ada@example.com")
    client.post(reverse("accounts:password_reset"), {"email": "ada@example.com"})
    response = choose_new_password(client, link_mailed_to("ada@example.com"))
    assert response.redirect_chain[-1] == (reverse("accounts:login"), HTTPStatus.FOUND)
    assert "Your password has been reset. You can log in with it now." in response.text
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_reset_link_works_once(client):
    UserFactory(email="ada@example.com")
    client.post(reverse("accounts:password_reset"), {"email": "ada@example.com"})
    link = link_mailed_to("ada@example.com")
    choose_new_password(client, link)
    response = client.get(link, follow=True)
    assert "This password-reset link is invalid, has expired or has already been used." in response.text


def test_reset_link_still_works_after_fifty_nine_minutes(client):
    user = UserFactory(email="ada@example.com")
    choose_new_password(client, reset_link_made(user, ago=timedelta(minutes=59)))
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_reset_link_expires_after_an_hour(client):
    user = UserFactory(email="ada@example.com")
    response = client.get(reset_link_made(user, ago=timedelta(minutes=61)), follow=True)
    assert "This password-reset link is invalid, has expired or has already been used." in response.text
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_reset_link_with_a_bad_token_is_refused(client):
    user = UserFactory(email="ada@example.com")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    response = client.get(
        reverse("accounts:password_reset_confirm", args=[uid, "abc-0123456789abcdef"]), follow=True
    )
    assert "This password-reset link is invalid" in response.text


def test_reset_refuses_a_password_the_validators_reject(client):
    user = UserFactory(email="ada@example.com")
    client.post(reverse("accounts:password_reset"), {"email": "ada@example.com"})
    response = choose_new_password(client, link_mailed_to("ada@example.com"), password="12345678")
    assert "This password is entirely numeric." in response.text
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def change_password(client, user, old_password, **options):
    """Sign in as `user` and post the password-change form with `old_password` and NEW_PASSWORD."""
    client.force_login(user)
    data = {"old_password": old_password, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    return client.post(reverse("accounts:password_change"), data, **options)


def test_password_change_asks_for_the_current_password(client):
    user = UserFactory()
    response = change_password(client, user, "not it")
    assert "Your old password was entered incorrectly." in response.text
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_change_sets_the_password_and_keeps_the_user_signed_in(client):
    user = UserFactory()
    response = change_password(client, user, PASSWORD, follow=True)
    assert response.redirect_chain == [(reverse("accounts:manage"), HTTPStatus.FOUND)]
    assert "Your password has been changed." in response.text
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert client.get(reverse("accounts:manage")).status_code == HTTPStatus.OK


def test_password_change_asks_visitors_to_log_in(client):
    response = client.get(reverse("accounts:password_change"))
    assert response.headers["Location"].startswith(reverse("accounts:login") + "?next=")
