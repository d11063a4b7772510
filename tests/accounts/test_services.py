"""The account rules, called directly: no request, no form."""

import pytest

from core.accounts import services
from core.accounts.throttle import TOO_MANY_LINKS
from core.models import OutgoingEmail, User
from core.services import ServiceError
from tests.factories import PASSWORD, UserFactory
from tests.support import link_start

pytestmark = pytest.mark.django_db

SITE = "https://example.org"
SITE_URL = SITE + "/"


def register(email="ada@example.com"):
    services.register_user(
        email=email, first_name="Ada", last_name="Lovelace", password=PASSWORD, site_url=SITE_URL
    )


def test_register_user_creates_an_unconfirmed_account_and_mails_its_link():
    register()
    user = User.objects.get(email="ada@example.com")
    assert not user.confirmed and user.check_password(PASSWORD) and user.get_full_name() == "Ada Lovelace"
    email = OutgoingEmail.objects.get(to="ada@example.com")
    assert link_start("accounts:confirm", site=SITE) in email.body_text


def test_register_user_with_a_taken_address_mails_its_owner_and_creates_nothing(redis_db):
    owner = UserFactory(email="ada@example.com")
    register(email="ADA@example.com")
    assert User.objects.with_email("ada@example.com").get() == owner
    email = OutgoingEmail.objects.get(to="ada@example.com")
    assert email.subject == "You already have a django-base account"
    assert link_start("accounts:login", args=0, site=SITE) in email.body_text


def test_resend_confirmation_refuses_a_confirmed_account():
    with pytest.raises(ServiceError) as refused:
        services.resend_confirmation(user=UserFactory(confirmed=True), site_url=SITE_URL)
    assert refused.value.code == "already_confirmed"
    assert not OutgoingEmail.objects.exists()


def test_resend_confirmation_stops_after_the_hours_allowance(redis_db, settings):
    settings.MAILED_LINKS_PER_HOUR = 1
    user = UserFactory(confirmed=False)
    services.resend_confirmation(user=user, site_url=SITE_URL)
    with pytest.raises(ServiceError) as refused:
        services.resend_confirmation(user=user, site_url=SITE_URL)
    assert (refused.value.code, refused.value.message) == ("too_many_links", TOO_MANY_LINKS)
    assert OutgoingEmail.objects.filter(to=user.email).count() == 1


def test_confirm_account_marks_the_user_confirmed():
    user = UserFactory(confirmed=False)
    services.confirm_account(user=user)
    user.refresh_from_db()
    assert user.confirmed


def test_request_email_change_mails_the_new_address_and_changes_nothing_yet():
    user = UserFactory(email="ada@example.com")
    services.request_email_change(user=user, new_email="ada@new.example", site_url=SITE_URL)
    user.refresh_from_db()
    assert user.email == "ada@example.com"
    assert (
        link_start("accounts:change_email_confirm", site=SITE)
        in OutgoingEmail.objects.get(to="ada@new.example").body_text
    )


def test_apply_email_change_stores_the_normalized_address():
    user = UserFactory(email="ada@example.com")
    services.apply_email_change(user=user, new_email=" Ada@New.Example ")
    user.refresh_from_db()
    assert user.email == "ada@new.example"


def test_apply_email_change_refuses_an_address_taken_meanwhile():
    user = UserFactory(email="ada@example.com")
    UserFactory(email="ada@new.example")
    with pytest.raises(ServiceError) as refused:
        services.apply_email_change(user=user, new_email="ada@new.example")
    assert refused.value.code == "email_taken"
    user.refresh_from_db()
    assert user.email == "ada@example.com"
