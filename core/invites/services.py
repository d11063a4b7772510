"""Inviting someone by e-mail: an account without a password, a link to set one, and fresh links
while the invite is pending."""

from django.db import transaction
from django.urls import reverse

from core.accounts.emails import absolute_url, lifetime
from core.accounts.throttle import TOO_MANY_LINKS, may_mail
from core.invites.tokens import INVITE_MAX_AGE, TokenState, encode_uid, invite_token_generator
from core.mail.outbox import send_email
from core.models import User
from core.services import ServiceError


def is_pending(user):
    """An invite is pending until the invited user has set a password."""
    return user.is_active and not user.has_usable_password()


def may_resend(*, user, token):
    """A fresh link is mailed only for a pending invite, and only from a genuine (if expired) link."""
    return (
        user is not None
        and is_pending(user)
        and invite_token_generator.state(user, token) is not TokenState.INVALID
    )


def invite_link(*, user, site_url):
    path = reverse("invites:accept", args=[encode_uid(user), invite_token_generator.make_token(user)])
    return absolute_url(site_url, path)


def send_invite(*, user, site_url):
    send_email(
        user.email,
        "invite",
        {
            "user": user,
            "link": invite_link(user=user, site_url=site_url),
            "expires_in": lifetime(INVITE_MAX_AGE.total_seconds()),
        },
    )


@transaction.atomic
def invite_user(*, email, first_name, last_name, role, site_url):
    """Create the account without a password (following the link confirms the address) and mail it."""
    user = User(email=email, first_name=first_name, last_name=last_name, role=role, confirmed=False)
    user.set_unusable_password()
    user.save()
    send_invite(user=user, site_url=site_url)
    return user


def reinvite_user(*, user, site_url):
    """An administrator mails a pending invite again, with a fresh link."""
    if not is_pending(user):
        raise ServiceError(
            f"{user} has already set a password; there is no invite to send.", code="not_pending"
        )
    send_invite(user=user, site_url=site_url)


def resend_expired_invite(*, user, token, site_url):
    """The invited user asks, from a genuine but expired link, for a fresh one."""
    if not may_resend(user=user, token=token):
        raise ServiceError(
            "This link does not work; ask an administrator to invite you again.", code="invalid_link"
        )
    if not may_mail("invite", user.email):
        raise ServiceError(TOO_MANY_LINKS, code="too_many_links")
    send_invite(user=user, site_url=site_url)


def accept_invite(*, user, password):
    """The invited user chose a password: it is set, and the address counts as confirmed."""
    user.set_password(password)
    user.confirmed = True
    user.save()
    return user
