"""Who may open the admin area: administrators; others get 403, anonymous visitors the login page."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.factories import AdminFactory, UserFactory

pytestmark = pytest.mark.django_db

ADMIN_URLS = [
    ("adminarea:dashboard", {}),
    ("adminarea:users", {}),
    ("adminarea:invite", {}),
    ("adminarea:user_create", {}),
    ("adminarea:user", {"pk": "member"}),
    ("adminarea:user_edit", {"pk": "member"}),
    ("adminarea:user_delete", {"pk": "member"}),
    ("adminarea:user_reinvite", {"pk": "member"}),
    ("adminarea:content", {"slug": "about"}),
    ("adminarea:users_export", {}),
    ("adminarea:jobs", {}),
    ("adminarea:queue", {"queue": "default"}),
    ("adminarea:failed_job", {"queue": "default", "job_id": "some-job", "action": "requeue"}),
    ("adminarea:failed_job", {"queue": "default", "job_id": "some-job", "action": "delete"}),
    ("adminarea:all_failed_jobs", {"queue": "default", "action": "requeue"}),
    ("adminarea:all_failed_jobs", {"queue": "default", "action": "delete"}),
    ("adminarea:outbox", {}),
    ("adminarea:outbox_resend", {"pk": 1}),
]


def admin_url(name, kwargs, member):
    """The URL `name`, with "member" standing for the primary key of `member`."""
    return reverse(name, kwargs={k: member.pk if v == "member" else v for k, v in kwargs.items()})


@pytest.mark.parametrize(("name", "kwargs"), ADMIN_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_signed_in_user_without_the_administer_permission_gets_403(client, name, kwargs, method):
    member = UserFactory()
    client.force_login(UserFactory())
    response = getattr(client, method)(admin_url(name, kwargs, member))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "You do not have permission to see this page." in response.text


@pytest.mark.parametrize(("name", "kwargs"), ADMIN_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_anonymous_visitor_is_sent_to_login_from_every_admin_url(client, name, kwargs, method):
    url = admin_url(name, kwargs, UserFactory())
    response = getattr(client, method)(url)
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == f"{reverse('accounts:login')}?next={url}"


def test_an_administrator_sees_the_dashboard_with_counts(admin_client):
    UserFactory(confirmed=False)
    UserFactory()
    AdminFactory(is_active=False)  # a deactivated administrator administers nothing
    response = admin_client.get(reverse("adminarea:dashboard"))
    assert response.status_code == HTTPStatus.OK
    assert response.context["counts"] == {"users": 4, "unconfirmed": 1, "administrators": 1, "invites": 0}
    assert reverse("adminarea:invite") in response.text
    assert reverse("adminarea:jobs") in response.text


def test_djangos_admin_site_stays_available_to_administrators(admin_client):
    response = admin_client.get(reverse("admin:index"))
    assert response.status_code == HTTPStatus.OK


def test_djangos_admin_site_refuses_other_users(client):
    client.force_login(UserFactory())
    response = client.get(reverse("admin:index"))
    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("admin:login"))
