"""What every request of a signed-in user goes through: users who have not confirmed their e-mail stay
on the "unconfirmed" page, and no page shown to a signed-in user is kept in a cache."""

from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers

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


class UnconfirmedUserGateMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.confirmed:
            return None
        match = request.resolver_match
        if match.namespace == "accounts" and match.url_name in OPEN_TO_UNCONFIRMED:
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
