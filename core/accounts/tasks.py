"""Jobs for accounts. The reset request only enqueues one: looking the address up, making the token and
storing the e-mail cost time only when the address has an account, so a request doing them would tell
addresses apart by how long it takes."""

from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.accounts.emails import send_password_reset_email
from core.accounts.throttle import may_mail


def send_password_reset(email, site_url):
    """Mail a reset link to the active account with this address, if any (at most MAILED_LINKS_PER_HOUR)."""
    for user in PasswordResetForm().get_users(email):  # Django's rules: active, usable password
        if not may_mail("password_reset", user.email):
            continue
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        path = reverse(
            "accounts:password_reset_confirm", args=[uid, default_token_generator.make_token(user)]
        )
        send_password_reset_email(user=user, path=path, site_url=site_url)
