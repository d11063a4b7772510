"""How long a login lives on the server: a day without a visit, unless "remember me" (two weeks)."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from core.accounts.sessions import REFRESHED
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


def log_in(client, **extra):
    UserFactory(email="ada@example.com")
    data = {"username": "ada@example.com", "password": PASSWORD, **extra}
    return client.post(reverse("accounts:login"), data)


def stored_session(client):
    return Session.objects.get(session_key=client.session.session_key)


def test_a_login_without_remember_me_lasts_a_day_on_the_server(client):
    log_in(client)
    assert client.session.get_expire_at_browser_close()
    expires_in = stored_session(client).expire_date - timezone.now()
    assert DAY - timedelta(minutes=1) < expires_in <= DAY


def test_remember_me_lasts_two_weeks_on_the_server(client):
    log_in(client, remember_me="on")
    expires_in = stored_session(client).expire_date - timezone.now()
    assert expires_in > timedelta(days=13)


def test_a_session_used_again_after_an_hour_lives_another_day(client):
    log_in(client)
    session = client.session
    session[REFRESHED] = int((timezone.now() - timedelta(hours=2)).timestamp())
    session.save()
    Session.objects.filter(session_key=session.session_key).update(
        expire_date=timezone.now() + timedelta(hours=1)
    )
    client.get(reverse("accounts:manage"))
    expires_in = stored_session(client).expire_date - timezone.now()
    assert expires_in > DAY - timedelta(minutes=1)


def test_a_session_idle_for_a_day_is_logged_out(client):
    log_in(client)
    Session.objects.filter(session_key=client.session.session_key).update(expire_date=timezone.now())
    response = client.get(reverse("accounts:manage"))
    assert response.headers["Location"].startswith(reverse("accounts:login"))
