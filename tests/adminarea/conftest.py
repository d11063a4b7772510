"""Fixtures of the admin-area tests: an administrator, and a test client signed in as one."""

import re

import pytest

from core.models import OutgoingEmail
from tests.factories import AdminFactory


@pytest.fixture
def administrator(db):
    return AdminFactory(email="boss@example.com", first_name="Grace", last_name="Hopper")


@pytest.fixture
def admin_client(client, administrator):
    """Overrides pytest-django's admin_client, whose admin_user does not fit an e-mail login."""
    client.force_login(administrator)
    return client


def mailed_link(address):
    """The link in the last e-mail stored for `address` in the outbox."""
    email = OutgoingEmail.objects.filter(to=address).latest("pk")
    return re.search(r"https?://\S+", email.body_text).group(0)


def messages_of(response):
    """The flash messages shown on a response's page."""
    return [str(message) for message in response.context["messages"]]
