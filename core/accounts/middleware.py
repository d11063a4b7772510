"""Who the request is from: Django's authentication with our visitor class, the gate that keeps
signed-in users who have not confirmed their e-mail on the "unconfirmed" page, and no page shown to a
signed-in user kept in a cache."""

from functools import partial

from django.contrib.auth import middleware as auth_middleware
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.functional import SimpleLazyObject

from core.accounts.models import AnonymousUser
from core.middleware import SignedInUserGate

# Account pages an unconfirmed user still needs: to confirm, get a new link, log out or fix a password.
OPEN_TO_UNCONFIRMED = {
    "unconfirmed",
    "resend_confirmation",
    "confirm",
    "logout",
    "login",
    "register",
    "password_reset",
    "password_reset_confirm",
}


def as_visitor(user):
    """The signed-in user, or our AnonymousUser (whose can() is False) instead of Django's."""
    return user if user.is_authenticated else AnonymousUser()


async def auser(request):
    return as_visitor(await auth_middleware.auser(request))


class AuthenticationMiddleware(auth_middleware.AuthenticationMiddleware):
    """Django's, except that a visitor is core.accounts.models.AnonymousUser, in views and templates."""

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: as_visitor(auth_middleware.get_user(request)))
        request.auser = partial(auser, request)


class UnconfirmedUserGateMiddleware(SignedInUserGate):
    def redirect_for(self, request, user):
        if user.confirmed:
            return None
        match = request.resolver_match
        if match.namespace == "accounts" and match.url_name in OPEN_TO_UNCONFIRMED:
            return None
        if match.namespace == "mail":  # the development mail viewer, where the confirmation link is
            return None
        return redirect("accounts:unconfirmed")


class PrivatePagesMiddleware:
    """Pages for a signed-in user say `Cache-Control: private, no-store` (ASVS 8.2.1): no proxy or shared
    computer's browser keeps a copy of someone's account or the admin area."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response
