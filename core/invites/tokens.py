"""Invite links: Django's password-reset tokens with their own salt and lifetime.

A token stops working once the invited user has set a password (the password hash is part of it),
and after INVITE_MAX_AGE. Unlike check_token(), state() tells an expired link from a forged one,
so that only a genuine expired link can ask for a fresh invite.
"""

import enum
from datetime import timedelta

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_decode, urlsafe_base64_encode

from core.accounts.models import User

INVITE_MAX_AGE = timedelta(days=7)


class TokenState(enum.Enum):
    VALID = "valid"
    EXPIRED = "expired"
    INVALID = "invalid"


class InviteTokenGenerator(PasswordResetTokenGenerator):
    # The module's old path, kept so that links mailed before the move still work.
    key_salt = "core.adminarea.tokens.InviteTokenGenerator"

    def state(self, user, token):
        try:
            timestamp = base36_to_int(token.split("-")[0])
        except (AttributeError, ValueError):
            return TokenState.INVALID
        if user is None or not any(
            constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        ):
            return TokenState.INVALID
        if self._num_seconds(self._now()) - timestamp > INVITE_MAX_AGE.total_seconds():
            return TokenState.EXPIRED
        return TokenState.VALID

    def check_token(self, user, token):
        return self.state(user, token) is TokenState.VALID


invite_token_generator = InviteTokenGenerator()


def encode_uid(user):
    return urlsafe_base64_encode(force_bytes(user.pk))


def user_from_uid(uidb64):
    """The user a link's `uidb64` names, or None (decoded as Django's PasswordResetConfirmView does)."""
    try:
        pk = User._meta.pk.to_python(urlsafe_base64_decode(uidb64).decode())
        return User.objects.get(pk=pk)
    except (TypeError, ValueError, OverflowError, User.DoesNotExist, ValidationError):
        return None
