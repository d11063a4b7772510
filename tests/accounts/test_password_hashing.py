"""Passwords are hashed with Argon2id under the real settings, and older hashes are upgraded at login.
(The test settings use a fast hasher; these tests put the real list back.)"""

import pytest
from django.contrib.auth.hashers import identify_hasher, make_password
from django.urls import reverse

from project.settings import base
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _real_hashers(settings):
    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS


def test_argon2id_is_the_first_hasher():
    assert make_password(PASSWORD).startswith("argon2$argon2id$")


def test_a_pbkdf2_hash_is_upgraded_to_argon2id_when_its_owner_logs_in(client):
    user = UserFactory(email="ada@example.com", password=None)
    user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.save(update_fields=["password"])
    response = client.post(reverse("accounts:login"), {"username": "ada@example.com", "password": PASSWORD})
    assert response.headers["Location"] == "/"
    user.refresh_from_db()
    assert identify_hasher(user.password).algorithm == "argon2"
    assert user.password.startswith("argon2$argon2id$")
    assert user.check_password(PASSWORD)


def test_a_wrong_password_leaves_the_old_hash_alone(client):
    user = UserFactory(email="ada@example.com", password=None)
    old = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.password = old
    user.save(update_fields=["password"])
    client.post(reverse("accounts:login"), {"username": "ada@example.com", "password": "not it"})
    user.refresh_from_db()
    assert user.password == old
