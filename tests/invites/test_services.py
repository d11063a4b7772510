"""The invite rules, called directly: no request, no form."""

import pytest

from core.invites import services
from core.invites.tokens import encode_uid, invite_token_generator, user_from_uid
from core.models import OutgoingEmail, Role
from core.services import ServiceError
from tests.factories import PASSWORD, UserFactory
from tests.support import expired_invite_token, link_start

pytestmark = pytest.mark.django_db

SITE_URL = "https://example.org/"


def invite(email="ada@example.com"):
    return services.invite_user(
        email=email, first_name="Ada", last_name="Lovelace", role=Role.default_role(), site_url=SITE_URL
    )


def test_invite_user_creates_a_pending_account_and_mails_a_link_on_the_site():
    user = invite()
    assert services.is_pending(user) and not user.confirmed
    assert (
        link_start("invites:accept", args=2, site="https://example.org")
        in OutgoingEmail.objects.get(to="ada@example.com").body_text
    )


def test_reinvite_user_refuses_once_a_password_is_set():
    user = UserFactory()
    with pytest.raises(ServiceError) as refused:
        services.reinvite_user(user=user, site_url=SITE_URL)
    assert refused.value.code == "not_pending"
    assert not OutgoingEmail.objects.exists()


def test_resend_expired_invite_mails_a_fresh_link_for_a_genuine_expired_token(redis_db):
    user = invite()
    services.resend_expired_invite(user=user, token=expired_invite_token(user), site_url=SITE_URL)
    assert OutgoingEmail.objects.filter(to="ada@example.com").count() == 2


def test_resend_expired_invite_refuses_a_forged_token():
    user = invite()
    with pytest.raises(ServiceError) as refused:
        services.resend_expired_invite(user=user, token="1-forged", site_url=SITE_URL)
    assert refused.value.code == "invalid_link"


def test_resend_expired_invite_refuses_when_no_user_matches():
    with pytest.raises(ServiceError) as refused:
        services.resend_expired_invite(user=None, token="1-forged", site_url=SITE_URL)
    assert refused.value.code == "invalid_link"


def test_accept_invite_sets_the_password_and_confirms_the_address():
    user = invite()
    token = invite_token_generator.make_token(user)
    services.accept_invite(user=user, password=PASSWORD)
    user.refresh_from_db()
    assert user.check_password(PASSWORD) and user.confirmed and not services.is_pending(user)
    assert not invite_token_generator.check_token(user, token)  # the link is spent


@pytest.mark.parametrize("uidb64", ["", "!!!", "MTIzNDU2Nzg5", "bm90LWEtbnVtYmVy"])
def test_user_from_uid_is_none_for_a_bad_or_unknown_uid(uidb64):
    assert user_from_uid(uidb64) is None


def test_user_from_uid_finds_the_encoded_user():
    user = UserFactory()
    assert user_from_uid(encode_uid(user)) == user
