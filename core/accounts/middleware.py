"""Keep signed-in users who have not confirmed their e-mail on the "unconfirmed" page."""

from django.shortcuts import redirect

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
