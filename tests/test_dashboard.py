"""django-rq's dashboard at /admin/rq/: administrators see queues, workers and failed jobs, and requeue."""

from http import HTTPStatus

import django_rq
import pytest
from django.urls import reverse
from rq.job import Job, JobStatus

from core import jobs
from core.mail.tasks import deliver_email
from tests.factories import AdminFactory, OutgoingEmailFactory, UserFactory


@pytest.mark.django_db
def test_an_administrator_sees_the_queues(client, redis_db):
    client.force_login(AdminFactory())

    response = client.get(reverse("django_rq:home"))

    assert response.status_code == HTTPStatus.OK
    assert "default" in response.text


@pytest.mark.django_db
def test_the_dashboard_may_run_its_inline_scripts_while_the_site_may_not(client, redis_db):
    client.force_login(AdminFactory())

    dashboard = client.get(reverse("django_rq:home")).headers["Content-Security-Policy"]
    site = client.get(reverse("pages:home")).headers["Content-Security-Policy"]

    assert "script-src 'self' 'unsafe-inline'" in dashboard
    assert "unsafe-inline" not in site


@pytest.mark.django_db
def test_a_user_who_is_not_an_administrator_is_sent_to_log_in(client, redis_db):
    client.force_login(UserFactory())

    response = client.get(reverse("django_rq:home"))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.django_db
def test_a_visitor_is_sent_to_log_in(client, redis_db):
    response = client.get(reverse("django_rq:failed_jobs", args=[0]))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.django_db(transaction=True)
def test_an_administrator_requeues_a_failed_email_and_a_worker_delivers_it(
    client, worker, smtp_down, mailbox
):
    email = OutgoingEmailFactory(to="ada@example.com")
    job = jobs.enqueue_now(deliver_email, email.pk)  # without a retry policy: it fails at once
    worker(env={"EMAIL_URL": smtp_down})
    assert job.get_status() == JobStatus.FAILED
    client.force_login(AdminFactory())
    failed_page = client.get(reverse("django_rq:failed_jobs", args=[0]))
    assert job.id in failed_page.text

    response = client.post(reverse("django_rq:requeue_job", args=[0, job.id]))

    assert response.status_code == HTTPStatus.FOUND
    assert Job.fetch(job.id, connection=django_rq.get_connection("default")).get_status() == JobStatus.QUEUED
    worker()
    assert len(mailbox.to("ada@example.com")) == 1
