"""Pages for a signed-in user are never cached by the browser or a proxy (ASVS 8.2.1)."""

import pytest
from django.urls import reverse
from django.utils.cache import get_max_age

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def cache_directives(response):
    return {part.strip() for part in response.headers.get("Cache-Control", "").split(",")}


@pytest.mark.parametrize(
    "url_name", ["accounts:manage", "accounts:change_email", "accounts:password_change", "pages:home"]
)
def test_a_signed_in_users_pages_are_private_and_not_stored(client, url_name):
    client.force_login(UserFactory())
    response = client.get(reverse(url_name))
    assert {"private", "no-store"} <= cache_directives(response)
    assert get_max_age(response) == 0


@pytest.mark.parametrize("url_name", ["adminarea:dashboard", "adminarea:users"])
def test_the_admin_area_is_private_and_not_stored(admin_client, url_name):
    response = admin_client.get(reverse(url_name))
    assert {"private", "no-store"} <= cache_directives(response)


def test_anonymous_pages_keep_their_own_caching(client):
    response = client.get(reverse("pages:about"))
    assert "no-store" not in cache_directives(response)
