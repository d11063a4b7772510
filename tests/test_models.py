"""Users, roles and what a role allows."""

import pytest

from core.models import Role, RolePermission, User
from tests.factories import AdminFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_roles_exist_after_migrate_and_inserting_them_again_changes_nothing():
    before = list(Role.objects.order_by("name").values())
    Role.insert_roles()
    Role.insert_roles()
    assert list(Role.objects.order_by("name").values()) == before
    assert [role["name"] for role in before] == ["Administrator", "User"]


def test_insert_roles_repairs_a_changed_role():
    Role.objects.filter(name="User").update(permissions=0, default=False)
    Role.insert_roles()
    assert Role.default_role().name == "User"
    assert Role.objects.get(name="User").permissions == RolePermission.GENERAL


def test_a_new_user_gets_the_default_role_as_in_the_seed_shell_example():
    me = User()
    me.save()
    assert me.id is not None
    assert me.role.name == "User"


def test_a_user_can_do_what_its_role_allows():
    user = UserFactory()
    assert user.can(RolePermission.GENERAL)
    assert not user.can(RolePermission.ADMINISTER)
    assert not user.is_admin


def test_an_administrator_can_do_everything_including_django_admin():
    admin = AdminFactory()
    assert admin.can(RolePermission.GENERAL) and admin.can(RolePermission.ADMINISTER)
    assert admin.is_admin and admin.is_staff
    assert admin.has_perm("core.delete_user") and admin.has_module_perms("core")


def test_a_deactivated_administrator_loses_django_admin():
    admin = AdminFactory(is_active=False)
    assert not admin.is_staff
    assert not admin.has_perm("core.delete_user")


def test_email_is_the_login_and_compared_without_case():
    user = UserFactory(email="  Ada.Lovelace@Example.COM ")
    assert user.email == "ada.lovelace@example.com"
    assert User.objects.get_by_natural_key("ADA.lovelace@example.com") == user


def test_createsuperuser_makes_an_administrator():
    admin = User.objects.create_superuser("root@example.com", "x", first_name="R", last_name="O")
    assert admin.is_admin and admin.confirmed and admin.check_password("x")
