"""The e-mails accounts send; each carries an absolute, expiring link and goes through the outbox."""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince

from core.accounts.tokens import make_confirmation_token, make_email_change_token
from core.mail.outbox import send_email


def send_confirmation_email(request, user):
    path = reverse("accounts:confirm", args=[make_confirmation_token(user)])
    send_email(
        user.email,
        "confirm_account",
        {
            "user": user,
            "link": request.build_absolute_uri(path),
            "expires_in": lifetime(settings.ACCOUNT_CONFIRMATION_TIMEOUT),
        },
    )


def send_account_exists_email(request, user):
    """Someone tried to register an address that has an account: tell its owner, not the visitor."""
    send_email(
        user.email,
        "account_exists",
        {
            "user": user,
            "login_link": request.build_absolute_uri(reverse("accounts:login")),
            "reset_link": request.build_absolute_uri(reverse("accounts:password_reset")),
        },
    )


def send_password_reset_email(request, user, path):
    send_email(
        user.email,
        "reset_password",
        {
            "user": user,
            "link": request.build_absolute_uri(path),
            "expires_in": lifetime(settings.PASSWORD_RESET_TIMEOUT),
        },
    )


def send_email_change_email(request, user, new_email):
    """Sent to the new address: the change happens only when its owner opens the link."""
    path = reverse("accounts:change_email_confirm", args=[make_email_change_token(user, new_email)])
    send_email(
        new_email,
        "change_email",
        {
            "user": user,
            "new_email": new_email,
            "link": request.build_absolute_uri(path),
            "expires_in": lifetime(settings.EMAIL_CHANGE_TIMEOUT),
        },
    )


def lifetime(seconds):
    """Seconds in words, e.g. "1 hour" or "1 week"."""
    now = timezone.now()
    return timesince(now - timedelta(seconds=seconds), now).replace("\xa0", " ")
