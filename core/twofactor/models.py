"""A user's second factor: an authenticator app's shared secret, and one-use recovery codes."""

from django.conf import settings
from django.db import models


class TOTPDevice(models.Model):
    """The secret an authenticator app shares with us (RFC 6238). Two-factor is on while one exists."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="totp_device"
    )
    secret = models.CharField(max_length=64, help_text="Base32, as the authenticator app was given it.")
    # The time step of the last code accepted: a code (or an older one) never works twice.
    last_used_step = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Authenticator of {self.user}"


class RecoveryCode(models.Model):
    """One code to log in with when the authenticator is lost; stored hashed, like a password."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes"
    )
    # The code's first characters in clear, so a login checks one hash rather than all of them.
    lookup = models.CharField(max_length=8)
    code_hash = models.CharField(max_length=256)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "lookup"], name="recovery_code_lookup")]

    def __str__(self):
        return f"Recovery code of {self.user}"
