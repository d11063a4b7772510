"""The e-mails accounts send; each carries an absolute, expiring link and goes through the outbox.

`site_url` is the site's address ("https://example.com/"): links are made absolute against it, so
these functions (and the services calling them) need no request."""

from datetime import timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince

from core.accounts.tokens import make_confirmation_token, make_email_change_token
from core.mail.outbox import send_email


def absolute_url(site_url, path):
    return urljoin(site_url, path)


def send_confirmation_email(*, user, site_url):
    path = reverse("accounts:confirm", args=[make_confirmation_token(user)])
    send_email(
        user.email,
        "confirm_account",
        {
            "user": user,
            "link": absolute_url(site_url, path),
            "expires_in": lifetime(settings.ACCOUNT_CONFIRMATION_TIMEOUT),
        },
    )


def send_account_exists_email(*, user, site_url):
    """Someone tried to register an address that has an account: tell its owner, not the visitor."""
    send_email(
        user.email,
        "account_exists",
        {
            "user": user,
            "login_link": absolute_url(site_url, reverse("accounts:login")),
            "reset_link": absolute_url(site_url, reverse("accounts:password_reset")),
        },
    )


def send_email_in_use_email(*, user, site_url):
    """Someone asked to move their account to an address that has one: tell its owner, not them."""
    send_email(
        user.email,
        "email_in_use",
        {"user": user, "reset_link": absolute_url(site_url, reverse("accounts:password_reset"))},
    )


def send_password_reset_email(*, user, path, site_url):
    send_email(
        user.email,
        "reset_password",
        {
            "user": user,
            "link": absolute_url(site_url, path),
            "expires_in": lifetime(settings.PASSWORD_RESET_TIMEOUT),
        },
    )


def send_email_change_email(*, user, new_email, site_url, by=None):
    """Sent to the new address: the change happens only when its owner opens the link. `by` is the
    administrator who asked, if it was not the user."""
    path = reverse("accounts:change_email_confirm", args=[make_email_change_token(user, new_email)])
    send_email(
        new_email,
        "change_email",
        {
            "user": user,
            "new_email": new_email,
            "by": by,
            "link": absolute_url(site_url, path),
            "expires_in": lifetime(settings.EMAIL_CHANGE_TIMEOUT),
        },
    )


def lifetime(seconds):
    """Seconds in words, e.g. "1 hour" or "1 week"."""
    now = timezone.now()
    return timesince(now - timedelta(seconds=seconds), now).replace("\xa0", " ")


def site_url_of(request):
    """The site's address for the links mailed while answering `request`: SITE_URL (always set in
    production), else the address this request reached (development, tests)."""
    return settings.SITE_URL or request.build_absolute_uri("/")
