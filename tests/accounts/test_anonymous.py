"""A visitor may do nothing, and says so like a user does (flask-base's test_anonymous)."""

import pytest

from core.accounts.models import AnonymousUser
from core.models import RolePermission


@pytest.mark.parametrize("permission", list(RolePermission))
def test_an_anonymous_user_can_do_nothing(permission):
    user = AnonymousUser()
    assert user.can(permission) is False
    assert user.is_admin is False


@pytest.mark.django_db
def test_a_visitor_is_that_anonymous_user_in_views_and_templates(client):
    response = client.get("/")

    for user in (response.wsgi_request.user, response.context["user"]):
        assert user.is_authenticated is False
        assert user.can(RolePermission.GENERAL) is False and user.is_admin is False


@pytest.mark.django_db
def test_a_signed_in_user_is_still_the_user(client):
    from tests.factories import AdminFactory

    admin = AdminFactory()
    client.force_login(admin)

    user = client.get("/").wsgi_request.user
    assert user.pk == admin.pk and user.is_admin is True
