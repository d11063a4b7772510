"""Turning two-factor authentication on and off, and checking a code: an authenticator's (TOTP,
RFC 6238) or a one-use recovery code."""

import base64
import hmac
import secrets

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils import timezone

from core.audit.services import Action, record_admin_action
from core.mail.outbox import send_email
from core.services import ServiceError
from core.twofactor.models import RecoveryCode, TOTPDevice

RECOVERY_CODE_COUNT = 10
# 31 characters nobody confuses (no 0/o, 1/l/i): 12 of them are about 59 bits.
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RECOVERY_CODE_LENGTH = 12
LOOKUP_LENGTH = 4
# Codes of the step before and after the current one are accepted too: phone clocks drift.
ALLOWED_DRIFT_STEPS = 1
WRONG_CODE = "This code is not right, or was already used."


def _totp(secret):
    import pyotp  # only logins with two-factor need it: not imported at start-up

    return pyotp.TOTP(secret)


def new_secret():
    return base64.b32encode(secrets.token_bytes(20)).decode()  # 160 bits, as RFC 4226 advises


def provisioning_uri(*, email, secret):
    """The otpauth:// address an authenticator app reads from the QR code."""
    return _totp(secret).provisioning_uri(name=email, issuer_name=settings.SITE_NAME)


def is_enabled(user):
    return TOTPDevice.objects.filter(user=user).exists()


def is_required(user):
    """Administrators must use two-factor where TWO_FACTOR_REQUIRED_FOR_ADMINS is on."""
    return settings.TWO_FACTOR_REQUIRED_FOR_ADMINS and user.is_admin


def remaining_recovery_codes(user):
    return RecoveryCode.objects.filter(user=user, used_at=None).count()


@transaction.atomic
def enable_two_factor(*, user, secret, code):
    """Turn two-factor on once `code` shows the app has `secret`; returns the new recovery codes."""
    if is_enabled(user):
        raise ServiceError("Two-factor authentication is already on.", code="already_enabled")
    step = _matching_step(secret, _normalize(code))
    if step is None:
        raise ServiceError(WRONG_CODE, code="wrong_code")
    TOTPDevice.objects.create(user=user, secret=secret, last_used_step=step)
    return _replace_recovery_codes(user)


@transaction.atomic
def disable_two_factor(*, user, code):
    """Turn two-factor off, proven by a current code; refused where it is required of the user."""
    if is_required(user):
        raise ServiceError("Administrators must keep two-factor authentication on.", code="required")
    verify_second_factor(user=user, code=code)
    TOTPDevice.objects.filter(user=user).delete()
    RecoveryCode.objects.filter(user=user).delete()


@transaction.atomic
def turn_off_for_user(*, actor, user):
    """An administrator turns off the two-factor of someone who lost their phone and recovery codes;
    recorded in the audit trail, and the user is told by e-mail."""
    if user.pk == actor.pk:
        raise ServiceError("Turn off your own two-factor from your account page.", code="own_account")
    if not TOTPDevice.objects.filter(user=user).delete()[0]:
        raise ServiceError(f"Two-factor authentication is already off for {user}.", code="not_enabled")
    RecoveryCode.objects.filter(user=user).delete()
    record_admin_action(actor=actor, action=Action.TWO_FACTOR_TURNED_OFF, target=user)
    send_email(user.email, "two_factor_turned_off_by_admin", {"user": user, "by": actor})


@transaction.atomic
def regenerate_recovery_codes(*, user, code):
    """New recovery codes, proven by a current code; the old ones stop working."""
    verify_second_factor(user=user, code=code)
    return _replace_recovery_codes(user)


@transaction.atomic
def verify_second_factor(*, user, code):
    """Accept `code` once: returns "authenticator" or "recovery code", or raises ServiceError."""
    code = _normalize(code)
    device = TOTPDevice.objects.select_for_update().filter(user=user).first()
    if device is None:
        raise ServiceError("Two-factor authentication is off for this account.", code="not_enabled")
    if len(code) == 6 and code.isdigit():
        step = _matching_step(device.secret, code)
        if step is None or step <= device.last_used_step:
            raise ServiceError(WRONG_CODE, code="wrong_code")
        device.last_used_step = step
        device.save(update_fields=["last_used_step"])
        return "authenticator"
    if _use_recovery_code(user, code):
        return "recovery code"
    raise ServiceError(WRONG_CODE, code="wrong_code")


def format_recovery_code(code):
    """abcd-efgh-jkmn: easier to copy by hand than twelve letters in a row."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def _normalize(code):
    return "".join((code or "").split()).replace("-", "").lower()


def _matching_step(secret, code):
    """The time step whose code is `code`, within the allowed drift; None if none matches."""
    totp = _totp(secret)
    current = totp.timecode(timezone.now())
    for step in range(current - ALLOWED_DRIFT_STEPS, current + ALLOWED_DRIFT_STEPS + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _use_recovery_code(user, code):
    if len(code) != RECOVERY_CODE_LENGTH:
        return False
    candidates = RecoveryCode.objects.select_for_update().filter(
        user=user, lookup=code[:LOOKUP_LENGTH], used_at=None
    )
    for candidate in candidates:
        if check_password(code, candidate.code_hash):
            candidate.used_at = timezone.now()
            candidate.save(update_fields=["used_at"])
            return True
    if not candidates:
        make_password(code)  # the same work as a near miss: the time taken tells nothing
    return False


def _replace_recovery_codes(user):
    RecoveryCode.objects.filter(user=user).delete()
    codes = [
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_CODE_LENGTH))
        for _ in range(RECOVERY_CODE_COUNT)
    ]
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, lookup=code[:LOOKUP_LENGTH], code_hash=make_password(code)) for code in codes
    )
    return [format_recovery_code(code) for code in codes]
