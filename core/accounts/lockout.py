"""How django-axes sees a login attempt (which e-mail, which address) and what a locked-out user sees."""

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from axes.utils import reset
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import render

from core.accounts.emails import lifetime
from core.accounts.models import User


class LockoutBackend(AxesStandaloneBackend):
    """Refuses logins for locked-out e-mails and addresses, as axes does, but lets authenticate() run
    without a request (the test client's login(), scripts): with no address there is nothing to count.
    Every login page passes the request, so every login a person makes is counted."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def attempted_email(request, credentials):
    """The e-mail a login attempt names, compared without case as the login itself does."""
    if credentials and credentials.get("username"):
        email = credentials["username"]
    else:
        email = getattr(request, "POST", {}).get("username", "")
    return User.objects.normalize_email(email) or None


def client_ip(request):
    """The client's address: REMOTE_ADDR, or the one TRUSTED_PROXY_COUNT proxies put in X-Forwarded-For.

    Each proxy appends the address it saw, so only the last TRUSTED_PROXY_COUNT entries can be trusted.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [part.strip() for part in header.split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response=None, credentials=None):
    """The styled page saying logins are refused for a while (HTTP 429 Too Many Requests)."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "wait": lifetime(cool_off.total_seconds()) if cool_off else None,
    }
    return render(request, "accounts/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


def forget_failures_of(email):
    """Clear the failed logins counted against `email` from every address: its owner proved who they are
    (logged in, or set a new password through a mailed link)."""
    return reset(username=User.objects.normalize_email(email))


@receiver(user_logged_in, dispatch_uid="core.accounts.lockout.forget_failures")
def forget_failures(sender, user, **kwargs):
    """A successful login clears the failures counted against its e-mail, and no others."""
    forget_failures_of(user.get_username())
