"""The account's two-factor pages, and administrators being sent to set it up where it is required."""

import re
from http import HTTPStatus

import pyotp
import pytest
from django.urls import reverse

from core.twofactor import services
from tests.factories import AdminFactory, UserFactory, turn_on_two_factor

pytestmark = pytest.mark.django_db

SETUP = reverse("twofactor:setup")


@pytest.fixture
def ada(client):
    user = UserFactory(email="ada@example.com")
    client.force_login(user)
    return user


def test_the_account_page_links_to_two_factor_and_says_it_is_off(client, ada):
    page = client.get(reverse("accounts:manage")).text
    assert f'<a href="{reverse("twofactor:manage")}">Two-factor authentication</a> (off)' in page


def test_the_setup_page_shows_an_inline_qr_code_and_the_secret_as_text(client, ada):
    page = client.get(SETUP).text
    secret = client.session["twofactor_setup_secret"]
    assert 'src="data:image/svg+xml' in page
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in page
    assert client.get(SETUP).context["secret"].replace(" ", "") == secret  # the same until confirmed


def test_a_right_first_code_turns_it_on_and_shows_the_recovery_codes_once(client, ada):
    client.get(SETUP)
    secret = client.session["twofactor_setup_secret"]
    response = client.post(SETUP, {"code": pyotp.TOTP(secret).now()}, follow=True)
    assert response.redirect_chain == [(reverse("twofactor:recovery_codes"), HTTPStatus.FOUND)]
    assert "Two-factor authentication is on." in response.text
    assert len(response.context["codes"]) == 10
    assert services.is_enabled(ada)
    again = client.get(reverse("twofactor:recovery_codes"))
    assert again.headers["Location"] == reverse("twofactor:manage")


def test_a_wrong_first_code_is_a_form_error_and_keeps_it_off(client, ada):
    client.get(SETUP)
    response = client.post(SETUP, {"code": "12345x"})
    assert response.status_code == HTTPStatus.OK
    assert "This code is not right" in response.text
    assert not services.is_enabled(ada)


def test_turning_it_off_from_the_account(client, ada):
    secret, _ = turn_on_two_factor(ada)
    response = client.post(reverse("twofactor:disable"), {"code": pyotp.TOTP(secret).now()}, follow=True)
    assert "Two-factor authentication is off." in response.text
    assert not services.is_enabled(ada)


def test_new_recovery_codes_from_the_account(client, ada):
    _, codes = turn_on_two_factor(ada)
    response = client.post(reverse("twofactor:regenerate_codes"), {"code": codes[0]}, follow=True)
    assert "Your old recovery codes no longer work." in response.text
    assert set(response.context["codes"]).isdisjoint(codes)


def test_the_pages_need_a_login(client):
    assert client.get(reverse("twofactor:manage")).headers["Location"].startswith(reverse("accounts:login"))


@pytest.fixture
def boss(client):
    admin = AdminFactory(email="boss@example.com")
    client.force_login(admin)
    return admin


@pytest.mark.parametrize(
    "path",
    [
        reverse("adminarea:dashboard"),
        reverse("adminarea:users"),
        reverse("adminarea:audit"),
        reverse("adminarea:jobs"),
        reverse("adminarea:outbox"),
        reverse("admin:index"),
    ],
)
def test_an_administrator_without_two_factor_is_sent_to_set_it_up_where_required(
    client, boss, settings, path
):
    settings.TWO_FACTOR_REQUIRED_FOR_ADMINS = True
    response = client.get(path, follow=True)
    assert response.redirect_chain == [(SETUP, HTTPStatus.FOUND)]
    assert "Administrators must turn on two-factor authentication first." in response.text


def test_an_administrator_with_two_factor_reaches_the_admin_area_where_required(client, boss, settings):
    settings.TWO_FACTOR_REQUIRED_FOR_ADMINS = True
    turn_on_two_factor(boss)
    assert client.get(reverse("adminarea:dashboard")).status_code == HTTPStatus.OK


def test_without_the_requirement_an_administrator_reaches_the_admin_area(client, boss, settings):
    settings.TWO_FACTOR_REQUIRED_FOR_ADMINS = False
    assert client.get(reverse("adminarea:dashboard")).status_code == HTTPStatus.OK


def test_a_required_administrator_is_not_offered_to_turn_it_off(client, boss, settings):
    settings.TWO_FACTOR_REQUIRED_FOR_ADMINS = True
    turn_on_two_factor(boss)
    page = client.get(reverse("twofactor:manage")).text
    assert "Turn off two-factor" not in page
    assert "Administrators must keep two-factor authentication on." in page


@pytest.mark.process
def test_the_requirement_is_on_by_default_in_production_only():
    import subprocess
    import sys

    from tests.support import subprocess_env

    def required(settings_module):
        code = "from django.conf import settings; print(settings.TWO_FACTOR_REQUIRED_FOR_ADMINS)"
        env = subprocess_env(
            DJANGO_SETTINGS_MODULE=settings_module,
            SECRET_KEY="x" * 60,
            ALLOWED_HOSTS="example.com",
            TWO_FACTOR_REQUIRED_FOR_ADMINS=None,
        )
        run = subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {code}"],
            env=env,
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stderr
        return run.stdout.strip()

    assert required("project.settings.production") == "True"
    assert required("project.settings.testing") == "False"
    assert required("project.settings.development") == "False"


def test_an_administrator_turns_off_a_users_two_factor_recorded_and_mailed(client, boss):
    from core.audit.models import AdminAction
    from tests.support import outbox_to

    ada = UserFactory(email="ada@example.com")
    turn_on_two_factor(ada)
    page = client.get(reverse("adminarea:user", args=[ada.pk])).text
    assert re.search(r"<dt>Two-factor</dt>\s*<dd>\s*on\s*</dd>", page)
    response = client.post(reverse("adminarea:user_two_factor_off", args=[ada.pk]), follow=True)
    assert "Two-factor authentication is off for" in response.text
    assert not services.is_enabled(ada)
    [action] = AdminAction.objects.all()
    assert (action.actor, action.action, action.target) == (
        boss,
        AdminAction.Action.TWO_FACTOR_TURNED_OFF,
        ada,
    )
    [mail] = outbox_to("ada@example.com")
    assert "turned off two-factor authentication" in mail.body_text


def test_an_administrator_cannot_turn_off_their_own_two_factor_from_the_admin_area(client, boss):
    turn_on_two_factor(boss)
    response = client.post(reverse("adminarea:user_two_factor_off", args=[boss.pk]), follow=True)
    assert "Turn off your own two-factor from your account page." in response.text
    assert services.is_enabled(boss)


def test_only_administrators_turn_off_someone_elses_two_factor(client, ada):
    bob = UserFactory()
    turn_on_two_factor(bob)
    assert (
        client.post(reverse("adminarea:user_two_factor_off", args=[bob.pk])).status_code
        == HTTPStatus.FORBIDDEN
    )
    assert services.is_enabled(bob)
