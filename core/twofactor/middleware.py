"""Administrators without two-factor are sent to set it up before any admin page, where
TWO_FACTOR_REQUIRED_FOR_ADMINS is on."""

from django.contrib import messages
from django.shortcuts import redirect

from core.middleware import SignedInUserGate
from core.twofactor.services import is_required

# Our admin area, django-rq's dashboard and Django's admin site.
ADMIN_NAMESPACES = {"adminarea", "admin"}


class AdminTwoFactorGateMiddleware(SignedInUserGate):
    def redirect_for(self, request, user):
        if not ADMIN_NAMESPACES.intersection(request.resolver_match.namespaces):
            return None
        # The device was loaded with the signed-in user (core/accounts/backends.py); hasattr() asks the
        # database only for a user loaded otherwise.
        if not is_required(user) or hasattr(user, "totp_device"):
            return None
        messages.warning(request, "Administrators must turn on two-factor authentication first.")
        return redirect("twofactor:setup")
