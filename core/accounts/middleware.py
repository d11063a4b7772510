"""Keep signed-in users who have not confirmed their e-mail on the "unconfirmed" page."""

from django.shortcuts import redirect

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


class UnconfirmedUserGateMiddleware(SignedInUserGate):
    def redirect_for(self, request, user):
        if user.confirmed:
            return None
        match = request.resolver_match
        if match.namespace == "accounts" and match.url_name in OPEN_TO_UNCONFIRMED:
            return None
        return redirect("accounts:unconfirmed")
