"""A person's own account pages: their name, deleting the account, and a copy of their data."""

import json
from http import HTTPStatus

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from core.accounts import services
from core.models import OutgoingEmail, User
from core.services import ServiceError
from tests.factories import PASSWORD, AdminFactory, OutgoingEmailFactory, UserFactory
from tests.support import messages_of

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


# Services, called directly


def test_update_profile_changes_only_the_name():
    user = UserFactory(first_name="Ada", last_name="Byron", email="ada@example.com")
    services.update_profile(user=user, first_name="Augusta", last_name="Lovelace")
    user.refresh_from_db()
    assert (user.first_name, user.last_name, user.email) == ("Augusta", "Lovelace", "ada@example.com")


def test_delete_own_account_refuses_a_wrong_password():
    user = UserFactory()
    with pytest.raises(ServiceError) as refused:
        services.delete_own_account(user=user, password="not it")
    assert refused.value.code == "wrong_password"
    assert User.objects.filter(pk=user.pk).exists()


def test_delete_own_account_refuses_the_last_administrator():
    admin = AdminFactory()
    with pytest.raises(ServiceError) as refused:
        services.delete_own_account(user=admin, password=PASSWORD)
    assert refused.value.code == "last_administrator"
    assert User.objects.filter(pk=admin.pk).exists()


def test_an_administrator_may_delete_their_account_while_another_remains(redis_db):
    AdminFactory()
    admin = AdminFactory()
    services.delete_own_account(user=admin, password=PASSWORD)
    assert not User.objects.filter(pk=admin.pk).exists()


def test_delete_own_account_deletes_it_and_tells_the_address(redis_db):
    user = UserFactory(email="ada@example.com")
    services.delete_own_account(user=user, password=PASSWORD)
    assert not User.objects.filter(email="ada@example.com").exists()
    [note] = OutgoingEmail.objects.filter(to="ada@example.com")
    assert note.subject == "Your django-base account has been deleted"


def test_export_personal_data_holds_the_profile_role_dates_and_emails_sent():
    user = UserFactory(email="ada@example.com", first_name="Ada", last_name="Lovelace")
    OutgoingEmailFactory(to="ada@example.com", subject="Confirm your account")
    OutgoingEmailFactory(to="someone.else@example.com", subject="Not hers")
    data = services.export_personal_data(user=user)
    assert data["profile"]["email"] == "ada@example.com"
    assert (data["profile"]["first_name"], data["profile"]["last_name"]) == ("Ada", "Lovelace")
    assert data["role"] == "User"
    assert data["dates"]["joined"] == user.date_joined.isoformat()
    assert [email["subject"] for email in data["emails"]] == ["Confirm your account"]


# Pages, through the client


def test_the_account_page_links_to_every_self_service_page():
    response = signed_in(UserFactory()).get(reverse("accounts:manage"))
    for name in ("accounts:profile", "accounts:export", "accounts:delete"):
        assert f'href="{reverse(name)}"' in response.text


def test_editing_the_name_saves_it_with_a_message():
    user = UserFactory()
    response = signed_in(user).post(
        reverse("accounts:profile"), {"first_name": "Grace", "last_name": "Hopper"}, follow=True
    )
    assert messages_of(response) == ["Your name has been saved."]
    user.refresh_from_db()
    assert user.get_full_name() == "Grace Hopper"


def test_editing_the_name_requires_both_parts():
    user = UserFactory(first_name="Ada")
    response = signed_in(user).post(reverse("accounts:profile"), {"first_name": "", "last_name": "X"})
    assert response.status_code == HTTPStatus.OK
    assert "This field is required." in response.text
    user.refresh_from_db()
    assert user.first_name == "Ada"


def test_deleting_the_account_ends_every_session_of_it(redis_db):
    user = UserFactory(email="ada@example.com")
    here, elsewhere = signed_in(user), signed_in(user)
    assert Session.objects.count() == 2
    response = here.post(reverse("accounts:delete"), {"password": PASSWORD}, follow=True)
    assert messages_of(response) == ["Your account has been deleted. A note went to ada@example.com."]
    assert not User.objects.filter(email="ada@example.com").exists()
    account = reverse("accounts:manage")
    assert elsewhere.get(account)["Location"].startswith(reverse("accounts:login"))
    assert here.get(account)["Location"].startswith(reverse("accounts:login"))


def test_deleting_the_account_with_a_wrong_password_keeps_it():
    user = UserFactory()
    response = signed_in(user).post(reverse("accounts:delete"), {"password": "wrong"})
    assert response.status_code == HTTPStatus.OK
    assert "The password is not correct." in response.text
    assert User.objects.filter(pk=user.pk).exists()


def test_the_last_administrator_is_told_why_they_cannot_delete_their_account():
    admin = AdminFactory()
    response = signed_in(admin).post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == HTTPStatus.OK
    assert "You are the last administrator" in response.text
    assert User.objects.filter(pk=admin.pk).exists()


def test_the_data_export_is_a_json_download_of_ones_own_data():
    user = UserFactory(email="ada@example.com")
    OutgoingEmailFactory(to="ada@example.com", subject="Confirm your account")
    response = signed_in(user).get(reverse("accounts:export"))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    data = json.loads(response.content)
    assert data["profile"]["email"] == "ada@example.com"
    assert [email["subject"] for email in data["emails"]] == ["Confirm your account"]


@pytest.mark.parametrize("url_name", ["accounts:profile", "accounts:delete", "accounts:export"])
def test_self_service_pages_need_a_login(client, url_name):
    response = client.get(reverse(url_name))
    assert response["Location"].startswith(reverse("accounts:login"))
