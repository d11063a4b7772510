"""Checking codes: the authenticator's within one step of drift and once only, recovery codes once
and stored hashed."""

import time

import pyotp
import pytest

from core.services import ServiceError
from core.twofactor import services
from core.twofactor.models import RecoveryCode, TOTPDevice
from tests.factories import AdminFactory, UserFactory, turn_on_two_factor

pytestmark = pytest.mark.django_db


def code_at(secret, offset_seconds=0):
    return pyotp.TOTP(secret).at(time.time() + offset_seconds)


def test_turning_on_needs_a_right_first_code_and_stores_nothing_otherwise():
    user = UserFactory()
    secret = services.new_secret()
    with pytest.raises(ServiceError) as refused:
        services.enable_two_factor(
            user=user, secret=secret, code="000000" if code_at(secret) != "000000" else "1"
        )
    assert refused.value.code == "wrong_code"
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_turning_on_returns_ten_recovery_codes_stored_only_hashed():
    user = UserFactory()
    secret = services.new_secret()
    codes = services.enable_two_factor(user=user, secret=secret, code=code_at(secret))
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(len(code) == 14 and code.count("-") == 2 for code in codes)
    stored = list(RecoveryCode.objects.filter(user=user).values_list("code_hash", flat=True))
    assert len(stored) == 10
    assert not any(code.replace("-", "") in hashed for code in codes for hashed in stored)


def test_the_current_code_logs_in_once_and_not_twice():
    user = UserFactory()
    secret, _ = turn_on_two_factor(user)
    code = code_at(secret)
    assert services.verify_second_factor(user=user, code=code) == "authenticator"
    with pytest.raises(ServiceError) as refused:
        services.verify_second_factor(user=user, code=code)
    assert refused.value.code == "wrong_code"


def test_a_code_one_step_old_is_accepted_but_not_one_older():
    user = UserFactory()
    secret, _ = turn_on_two_factor(user)
    with pytest.raises(ServiceError):
        services.verify_second_factor(user=user, code=code_at(secret, -60))
    assert services.verify_second_factor(user=user, code=code_at(secret, -30)) == "authenticator"


def test_an_older_code_is_refused_after_a_newer_one_was_used():
    user = UserFactory()
    secret, _ = turn_on_two_factor(user)
    services.verify_second_factor(user=user, code=code_at(secret, 30))
    with pytest.raises(ServiceError):
        services.verify_second_factor(user=user, code=code_at(secret))


def test_a_recovery_code_works_once_in_any_case_and_spacing():
    user = UserFactory()
    _, codes = turn_on_two_factor(user)
    typed = " " + codes[3].upper().replace("-", " ") + " "
    assert services.verify_second_factor(user=user, code=typed) == "recovery code"
    assert services.remaining_recovery_codes(user) == 9
    with pytest.raises(ServiceError) as refused:
        services.verify_second_factor(user=user, code=codes[3])
    assert refused.value.code == "wrong_code"


def test_another_users_recovery_code_is_refused():
    ada, bob = UserFactory(), UserFactory()
    turn_on_two_factor(ada)
    _, bobs_codes = turn_on_two_factor(bob)
    with pytest.raises(ServiceError):
        services.verify_second_factor(user=ada, code=bobs_codes[0])


def test_new_recovery_codes_replace_the_old_ones():
    user = UserFactory()
    secret, old_codes = turn_on_two_factor(user)
    new_codes = services.regenerate_recovery_codes(user=user, code=code_at(secret))
    assert set(new_codes).isdisjoint(old_codes)
    with pytest.raises(ServiceError):
        services.verify_second_factor(user=user, code=old_codes[0])
    assert services.verify_second_factor(user=user, code=new_codes[0]) == "recovery code"


def test_turning_off_needs_a_right_code_and_removes_the_secret_and_codes():
    user = UserFactory()
    secret, _ = turn_on_two_factor(user)
    with pytest.raises(ServiceError):
        services.disable_two_factor(user=user, code="12345")
    assert services.is_enabled(user)
    services.disable_two_factor(user=user, code=code_at(secret))
    assert not services.is_enabled(user)
    assert not RecoveryCode.objects.filter(user=user).exists()


def test_an_administrator_cannot_turn_it_off_where_it_is_required(settings):
    settings.TWO_FACTOR_REQUIRED_FOR_ADMINS = True
    admin = AdminFactory()
    secret, _ = turn_on_two_factor(admin)
    with pytest.raises(ServiceError) as refused:
        services.disable_two_factor(user=admin, code=code_at(secret))
    assert refused.value.code == "required"
    assert services.is_enabled(admin)


def test_turning_it_on_twice_is_refused():
    user = UserFactory()
    turn_on_two_factor(user)
    secret = services.new_secret()
    with pytest.raises(ServiceError) as refused:
        services.enable_two_factor(user=user, secret=secret, code=code_at(secret))
    assert refused.value.code == "already_enabled"


def test_the_provisioning_uri_names_the_site_and_the_account(settings):
    settings.SITE_NAME = "Acme"
    uri = services.provisioning_uri(email="ada@example.com", secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    assert uri.startswith("otpauth://totp/Acme:ada%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    assert "issuer=Acme" in uri
