"""Inviting a user: the mailed link sets a password once; an expired genuine link offers a fresh one."""

from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.invites.tokens import invite_token_generator
from core.models import OutgoingEmail, Role, User
from tests.factories import PASSWORD, InvitedUserFactory, UserFactory
from tests.support import expired_invite_token, link_start, messages_of, url_mailed_to

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a long and fresh passphrase"


def invite(client, email="ada@example.com", **fields):
    data = {"email": email, "first_name": "Ada", "last_name": "Lovelace", "role": Role.default_role().pk}
    return client.post(reverse("adminarea:invite"), {**data, **fields}, follow=True)


def accept_url(user, token):
    return reverse("invites:accept", args=[urlsafe_base64_encode(force_bytes(user.pk)), token])


def set_password(client, link, password=NEW_PASSWORD):
    """Follow the invite link (it redirects to a token-free URL) and post the new password there."""
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    return client.post(form_url, {"new_password1": password, "new_password2": password}, follow=True)


def test_inviting_creates_an_account_without_password_and_mails_a_link(admin_client):
    response = invite(admin_client, email="Ada@Example.com")
    user = User.objects.get(email="ada@example.com")
    assert not user.has_usable_password() and not user.confirmed
    assert response.redirect_chain[-1][0] == reverse("adminarea:user", args=[user.pk])
    assert "Invite sent to ada@example.com." in messages_of(response)
    email = OutgoingEmail.objects.get(to="ada@example.com")
    assert email.subject == "You are invited to django-base"
    assert url_mailed_to("ada@example.com").startswith(link_start("invites:accept", args=2))


def test_inviting_an_address_already_in_use_is_refused_next_to_the_field(admin_client):
    UserFactory(email="ada@example.com")
    response = invite(admin_client, email="ADA@example.com", first_name="Augusta")
    assert response.context["form"].errors == {"email": ["Another account uses this email address."]}
    assert 'value="Augusta"' in response.text
    assert not OutgoingEmail.objects.exists()


def test_the_invited_user_sets_a_password_is_logged_in_and_lands_on_the_home_page(admin_client, client):
    invite(admin_client)
    admin_client.logout()
    response = set_password(client, url_mailed_to("ada@example.com"))
    user = User.objects.get(email="ada@example.com")
    assert user.check_password(NEW_PASSWORD) and user.confirmed
    assert response.redirect_chain[-1][0] == reverse("pages:home")
    assert response.context["user"] == user
    assert "Welcome to django-base! Your password is set." in messages_of(response)


def test_an_invited_administrator_lands_on_the_admin_dashboard(admin_client):
    invite(admin_client, role=Role.administrator().pk)
    admin_client.logout()
    response = set_password(admin_client, url_mailed_to("ada@example.com"))
    assert response.redirect_chain[-1][0] == reverse("adminarea:dashboard")


def test_a_weak_password_is_refused_next_to_its_field(client):
    user = InvitedUserFactory()
    response = set_password(client, accept_url(user, invite_token_generator.make_token(user)), password="123")
    assert response.status_code == HTTPStatus.OK
    assert "This password is too short." in " ".join(response.context["form"].errors["new_password2"])
    user.refresh_from_db()
    assert not user.has_usable_password()


def test_an_invite_link_works_only_once(client):
    user = InvitedUserFactory()
    link = accept_url(user, invite_token_generator.make_token(user))
    set_password(client, link)
    client.logout()
    response = client.get(link)
    assert response.status_code == HTTPStatus.OK
    assert "This invite link does not work" in response.text
    assert "Send a new invite" not in response.text


def test_a_tampered_invite_link_is_refused_without_offering_a_fresh_one(client):
    user = InvitedUserFactory()
    token = invite_token_generator.make_token(user)
    response = client.get(accept_url(user, token[:-1] + ("0" if token[-1] != "0" else "1")))
    assert "This invite link does not work" in response.text
    assert "Send a new invite" not in response.text


def test_a_password_reset_token_is_not_an_invite_token(client):
    from django.contrib.auth.tokens import default_token_generator

    user = InvitedUserFactory()
    response = client.get(accept_url(user, default_token_generator.make_token(user)))
    assert "This invite link does not work" in response.text


def test_an_invite_link_for_an_unknown_user_does_not_work(client):
    response = client.get(reverse("invites:accept", args=["OTk5OTk5", "abc-def"]))
    assert response.status_code == HTTPStatus.OK
    assert "This invite link does not work" in response.text


def test_an_expired_invite_link_offers_a_fresh_invite(client):
    user = InvitedUserFactory()
    response = client.get(accept_url(user, expired_invite_token(user)))
    assert "This invite has expired" in response.text
    assert "Send a new invite" in response.text


def test_asking_for_a_fresh_invite_mails_a_new_link_that_works(client):
    user = InvitedUserFactory(email="ada@example.com")
    token = expired_invite_token(user)
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    response = client.post(reverse("invites:resend", args=[uidb64, token]), follow=True)
    assert "A new invite link is on its way to ada@example.com." in messages_of(response)
    set_password(client, url_mailed_to("ada@example.com"))
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_a_fresh_invite_is_not_sent_for_a_forged_link(client):
    user = InvitedUserFactory()
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    response = client.post(reverse("invites:resend", args=[uidb64, "abc-0123456789"]), follow=True)
    assert "This link does not work; ask an administrator to invite you again." in response.text
    assert not OutgoingEmail.objects.exists()


def test_a_fresh_invite_is_not_sent_once_the_password_is_set(client):
    user = InvitedUserFactory()
    token = expired_invite_token(user)
    user.set_password(PASSWORD)
    user.save()
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    client.post(reverse("invites:resend", args=[uidb64, token]))
    assert not OutgoingEmail.objects.exists()


def test_resending_an_invite_by_get_is_not_allowed(client):
    user = InvitedUserFactory()
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    response = client.get(reverse("invites:resend", args=[uidb64, expired_invite_token(user)]))
    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert not OutgoingEmail.objects.exists()


def test_an_administrator_sends_a_pending_invite_again(admin_client):
    user = InvitedUserFactory(email="ada@example.com")
    response = admin_client.post(reverse("adminarea:user_reinvite", args=[user.pk]), follow=True)
    assert "A new invite is on its way to ada@example.com." in messages_of(response)
    assert OutgoingEmail.objects.filter(to="ada@example.com").count() == 1


def test_no_invite_is_sent_to_a_user_who_has_a_password(admin_client):
    user = UserFactory()
    response = admin_client.post(reverse("adminarea:user_reinvite", args=[user.pk]), follow=True)
    assert f"{user} has already set a password; there is no invite to send." in messages_of(response)
    assert not OutgoingEmail.objects.exists()
