"""The admin dashboard: recent sign-ups, pending invites and the health of the jobs at a glance."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core import jobs
from tests.adminarea.job_functions import fail_with
from tests.factories import InvitedUserFactory, UserFactory

DASHBOARD = reverse("adminarea:dashboard")


@pytest.mark.django_db
def test_the_dashboard_lists_the_five_newest_sign_ups_newest_first(admin_client, redis_db):
    for days in range(7):
        UserFactory(email=f"day{days}@example.com", date_joined=timezone.now() - timedelta(days=days + 1))
    response = admin_client.get(DASHBOARD)
    newest = [user.email for user in response.context["recent_sign_ups"]]
    assert newest == [
        "boss@example.com",
        "day0@example.com",
        "day1@example.com",
        "day2@example.com",
        "day3@example.com",
    ]


@pytest.mark.django_db
def test_the_dashboard_lists_pending_invites_and_counts_them(admin_client, redis_db):
    InvitedUserFactory(email="invited@example.com", first_name="Ada", last_name="Lovelace")
    response = admin_client.get(DASHBOARD)
    assert [user.email for user in response.context["pending_invites"]] == ["invited@example.com"]
    assert response.context["counts"]["invites"] == 1
    assert "Ada Lovelace" in response.text
    assert f"{reverse('adminarea:users')}?status=invited" in response.text


@pytest.mark.django_db(transaction=True)
def test_the_dashboard_shows_waiting_and_failed_jobs_and_workers_seen(admin_client, worker):
    jobs.enqueue_now(fail_with, "boom")
    worker()
    jobs.enqueue_now(fail_with, "waiting")
    response = admin_client.get(DASHBOARD)
    assert response.context["jobs"] == {"queued": 1, "failed": 1, "scheduled": 0, "workers": 0}
    assert "none: emails wait until a worker starts" in response.text
