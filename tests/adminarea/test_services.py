"""The admin area's rules, called directly: no request, no form."""

import pytest

from core.adminarea import services
from core.models import OutgoingEmail, Role, User
from core.services import ServiceError
from tests.factories import PASSWORD, AdminFactory, UserFactory

pytestmark = pytest.mark.django_db


def refusal_code(call, **arguments):
    with pytest.raises(ServiceError) as refused:
        call(**arguments)
    return refused.value.code


def test_create_user_makes_a_confirmed_account_with_the_password():
    user = services.create_user(
        email="Ada@Example.com",
        first_name="Ada",
        last_name="Lovelace",
        role=Role.default_role(),
        password=PASSWORD,
    )
    user.refresh_from_db()
    assert user.email == "ada@example.com" and user.confirmed and user.check_password(PASSWORD)


def test_update_user_changes_only_the_given_fields():
    actor, member = AdminFactory(), UserFactory(first_name="Ada", last_name="Byron")
    services.update_user(actor=actor, user=member, last_name="Lovelace")
    member.refresh_from_db()
    assert (member.first_name, member.last_name) == ("Ada", "Lovelace")
    assert not OutgoingEmail.objects.exists()


def test_update_user_only_asks_the_new_address_and_tells_the_old_one():
    actor, member = AdminFactory(), UserFactory(email="ada@example.com")
    services.update_user(actor=actor, user=member, email="ada@new.example", site_url="https://example.org/")
    member.refresh_from_db()
    assert member.email == "ada@example.com"
    assert sorted(OutgoingEmail.objects.values_list("to", flat=True)) == [
        "ada@example.com",
        "ada@new.example",
    ]
    assert (
        "https://example.org/account/email/change/"
        in OutgoingEmail.objects.get(to="ada@new.example").body_text
    )


def test_update_user_promotes_a_user_to_administrator():
    actor, member = AdminFactory(), UserFactory()
    services.update_user(actor=actor, user=member, role=Role.administrator())
    member.refresh_from_db()
    assert member.is_admin


def test_update_user_refuses_to_demote_the_actor():
    actor = AdminFactory()
    AdminFactory()
    code = refusal_code(services.update_user, actor=actor, user=actor, role=Role.default_role())
    assert code == "own_account"
    assert User.objects.get(pk=actor.pk).is_admin


def test_update_user_refuses_to_change_another_administrators_email():
    actor, other = AdminFactory(), AdminFactory(email="other@example.com")
    code = refusal_code(services.update_user, actor=actor, user=other, email="attacker@example.com")
    assert code == "admin_email"
    assert User.objects.get(pk=other.pk).email == "other@example.com"
    assert not OutgoingEmail.objects.exists()


def test_update_user_refuses_to_demote_the_last_administrator():
    administrator, acting = AdminFactory(), AdminFactory()
    User.objects.filter(pk=acting.pk).update(role=Role.default_role())
    code = refusal_code(services.update_user, actor=acting, user=administrator, role=Role.default_role())
    assert code == "last_administrator"
    assert User.objects.get(pk=administrator.pk).is_admin


def test_delete_user_deletes_a_member():
    actor, member = AdminFactory(), UserFactory()
    services.delete_user(actor=actor, user=member)
    assert not User.objects.filter(pk=member.pk).exists()


def test_delete_user_refuses_the_actors_own_account():
    actor = AdminFactory()
    AdminFactory()
    assert refusal_code(services.delete_user, actor=actor, user=actor) == "own_account"
    assert User.objects.filter(pk=actor.pk).exists()


def test_delete_user_refuses_an_actor_no_longer_administrator():
    acting, other = AdminFactory(), AdminFactory()
    AdminFactory()
    User.objects.filter(pk=acting.pk).update(role=Role.default_role())
    assert refusal_code(services.delete_user, actor=acting, user=other) == "not_administrator"
    assert User.objects.filter(pk=other.pk).exists()
