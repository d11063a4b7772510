"""Invite links: Django's password-reset tokens with their own salt and lifetime.

A token stops working once the invited user has set a password (the password hash is part of it),
and after INVITE_MAX_AGE. Unlike check_token(), state() tells an expired link from a forged one,
so that only a genuine expired link can ask for a fresh invite.
"""

import enum
from datetime import timedelta

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int

INVITE_MAX_AGE = timedelta(days=7)


class TokenState(enum.Enum):
    VALID = "valid"
    EXPIRED = "expired"
    INVALID = "invalid"


class InviteTokenGenerator(PasswordResetTokenGenerator):
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
