"""Inviting someone by e-mail: an account without a password, and a link to set one."""

from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.accounts.emails import lifetime
from core.adminarea.tokens import INVITE_MAX_AGE, invite_token_generator
from core.mail.outbox import send_email


def is_pending(user):
    """An invite is pending until the invited user has set a password."""
    return user.is_active and not user.has_usable_password()


def invite_link(request, user):
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = invite_token_generator.make_token(user)
    return request.build_absolute_uri(reverse("invites:accept", args=[uidb64, token]))


def send_invite(request, user):
    send_email(
        user.email,
        "invite",
        {
            "user": user,
            "link": invite_link(request, user),
            "expires_in": lifetime(INVITE_MAX_AGE.total_seconds()),
        },
    )
