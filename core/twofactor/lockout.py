"""Wrong codes count as failed logins for django-axes, like wrong passwords: the same limit, the
same lockout page."""

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth.signals import user_login_failed


def _credentials(user):
    return {"username": user.get_username()}


def is_locked_out(request, user):
    return AxesProxyHandler.is_locked(request, _credentials(user))


def count_wrong_code(request, user):
    """Record a failure; once over the limit axes marks the request and its middleware answers with
    the lockout page."""
    user_login_failed.send(sender=__name__, credentials=_credentials(user), request=request)
