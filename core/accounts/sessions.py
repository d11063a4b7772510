"""How long a login lasts on the server. "Remember me" keeps it for REMEMBER_ME_AGE; without it the
cookie ends with the browser and the server forgets the session after SESSION_COOKIE_AGE without a
visit, so a cookie copied from a shared computer stops working the next day."""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

# A session's lifetime restarts at most this often (one write), not on every request.
REFRESH_EVERY = 60 * 60
REFRESHED = "_session_refreshed"


def start_session(request, *, remember):
    """Give the session a just logged-in user got the lifetime they asked for."""
    if remember:
        request.session.set_expiry(settings.REMEMBER_ME_AGE)
    else:
        request.session.set_expiry(0)  # the cookie ends when the browser closes


@receiver(user_logged_in, dispatch_uid="core.accounts.sessions.mark_refreshed")
def mark_refreshed(sender, request, **kwargs):
    """Every login (any view, an invite, a test client's) saves its session: its lifetime starts now."""
    if request is not None and hasattr(request, "session"):
        request.session[REFRESHED] = int(time.time())


class SlidingSessionMiddleware:
    """Restart a signed-in session's server-side lifetime while it is used: saving the session moves its
    expiry date to SESSION_COOKIE_AGE from now (or REMEMBER_ME_AGE for "remember me")."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        signed_in = session is not None and request.user.is_authenticated
        if signed_in and not session.modified and time.time() - session.get(REFRESHED, 0) > REFRESH_EVERY:
            session[REFRESHED] = int(time.time())
        return response
