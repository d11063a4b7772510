"""The second step of logging in: after the right password the user is only *pending* (in the
session, not logged in) until a right code; "remember me" and a safe `next` wait with them."""

import time

from django.conf import settings
from django.contrib.auth import login
from django.shortcuts import redirect

from core.accounts.models import User
from core.twofactor.services import is_enabled

PENDING = "twofactor_pending"


def needs_code(user):
    return is_enabled(user)


def begin(request, user, *, remember, next_url):
    """Remember who gave the right password, and send them to the code page."""
    request.session[PENDING] = {
        "user": user.pk,
        "backend": user.backend,
        "remember": bool(remember),
        "next": next_url or "",
        "since": time.time(),
    }
    return redirect("twofactor:login")


def pending_user(request):
    """The user between the two steps, or None if there is none or they took too long."""
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["since"] > settings.TWO_FACTOR_LOGIN_TIMEOUT:
        return None
    return User.objects.filter(pk=pending["user"], is_active=True).first()


def finish(request, user):
    """Log the pending user in, as the password step would have; returns where they go next."""
    pending = request.session.pop(PENDING)
    login(request, user, backend=pending["backend"])
    if not pending["remember"]:
        request.session.set_expiry(0)  # ends when the browser closes
    return pending["next"] or user.role.home_url()
