"""Signed, expiring, one-use links for confirming an account and a new e-mail address.

Password-reset links use Django's own token generator (PASSWORD_RESET_TIMEOUT); these two have their
own lifetimes, so they are signed with django.core.signing and made one-use by what they sign: the
state they change (`confirmed`; the current e-mail and when it last changed) is part of the token and
checked when it is used. The time matters: after a change and a change back the e-mail is the same.
"""

from django.conf import settings
from django.core import signing

from core.accounts.models import User

CONFIRM_ACCOUNT_SALT = "core.accounts.confirm-account"
CHANGE_EMAIL_SALT = "core.accounts.change-email"


def make_confirmation_token(user):
    return signing.dumps({"user": user.pk, "email": user.email}, salt=CONFIRM_ACCOUNT_SALT)


def user_to_confirm(token):
    """The unconfirmed user this token was made for, or None if it is forged, expired or used."""
    data = _load(token, CONFIRM_ACCOUNT_SALT, settings.ACCOUNT_CONFIRMATION_TIMEOUT)
    if data is None:
        return None
    return User.objects.filter(pk=data["user"], email=data["email"], confirmed=False).first()


def make_email_change_token(user, new_email):
    data = {"user": user.pk, "old": user.email, "new": new_email, "since": _changed_at(user)}
    return signing.dumps(data, salt=CHANGE_EMAIL_SALT)


def email_change_request(token):
    """(user, new e-mail) for this token, or (None, None) if it is forged, expired or used."""
    data = _load(token, CHANGE_EMAIL_SALT, settings.EMAIL_CHANGE_TIMEOUT)
    if data is None:
        return None, None
    user = User.objects.filter(pk=data["user"], email=data["old"]).first()
    if user is None or data.get("since") != _changed_at(user):
        return None, None
    return user, data["new"]


def _changed_at(user):
    return user.email_changed_at.isoformat() if user.email_changed_at else None


def _load(token, salt, max_age):
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:  # also SignatureExpired
        return None
