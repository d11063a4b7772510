"""Background jobs in the admin area: real jobs failed by a real worker, seen, requeued and deleted."""

from http import HTTPStatus

import django_rq
import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from rq.job import Job, JobStatus

from core import jobs
from core.audit.models import AdminAction
from core.mail.tasks import deliver_email, delivery_job_id, enqueue_delivery
from tests.adminarea.job_functions import fail_with
from tests.factories import OutgoingEmailFactory
from tests.support import messages_of, wait_until

JOBS = reverse("adminarea:jobs")
QUEUE = reverse("adminarea:queue", args=["default"])
SCRIPT = "<script>alert('x')</script>"


def queue():
    return django_rq.get_queue("default")


@pytest.fixture
def failed_job(worker):
    """A job that a real worker ran and that failed, its message holding markup."""
    job = jobs.enqueue_now(fail_with, SCRIPT)
    worker()
    assert job.get_status() == JobStatus.FAILED
    return job


@pytest.mark.django_db(transaction=True)
def test_the_jobs_page_counts_each_queues_jobs(admin_client, failed_job):
    jobs.enqueue_now(fail_with, "waiting")
    response = admin_client.get(JOBS)
    assert response.status_code == HTTPStatus.OK
    [default] = response.context["queues"]
    assert (default.name, default.queued, default.failed) == ("default", 1, 1)


@pytest.mark.django_db(transaction=True)
def test_the_queue_page_shows_a_failed_job_with_its_traceback_escaped(admin_client, failed_job):
    response = admin_client.get(QUEUE)
    assert response.status_code == HTTPStatus.OK
    assert failed_job.id in response.text
    assert "ValueError: &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in response.text
    assert SCRIPT not in response.text


@pytest.mark.django_db(transaction=True)
def test_requeueing_a_failed_job_puts_it_back_on_its_queue(admin_client, failed_job, worker):
    response = admin_client.post(reverse("adminarea:failed_job", args=["default", failed_job.id, "requeue"]))
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == QUEUE
    assert failed_job.get_status() == JobStatus.QUEUED
    assert failed_job.id in queue().get_job_ids()
    worker()  # it fails again, for good this time: back in the failed registry
    assert failed_job.id in queue().failed_job_registry


@pytest.mark.django_db(transaction=True)
def test_an_administrator_requeues_a_failed_email_and_a_worker_delivers_it(
    admin_client, worker, smtp_down, mailbox
):
    email = OutgoingEmailFactory(to="ada@example.com")
    job = jobs.enqueue_now(
        deliver_email, email.pk, job_id=delivery_job_id(email.pk)
    )  # no retries: fails at once
    worker(env={"EMAIL_URL": smtp_down})
    assert "ConnectionRefusedError" in admin_client.get(QUEUE).text

    response = admin_client.post(
        reverse("adminarea:failed_job", args=["default", job.id, "requeue"]), follow=True
    )

    assert f"Requeued the job {job.id}; a worker runs it next." in messages_of(response)
    worker()
    assert len(mailbox.to("ada@example.com")) == 1
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 2


@pytest.mark.django_db(transaction=True)
def test_deleting_a_failed_job_removes_it_for_good(admin_client, failed_job):
    response = admin_client.post(reverse("adminarea:failed_job", args=["default", failed_job.id, "delete"]))
    assert response.url == QUEUE
    assert failed_job.id not in queue().failed_job_registry
    assert not Job.exists(failed_job.id, connection=queue().connection)


@pytest.mark.django_db(transaction=True)
def test_requeue_all_and_delete_all_act_on_every_failed_job(admin_client, worker):
    for number in range(3):
        jobs.enqueue_now(fail_with, f"failure {number}")
    worker()
    assert queue().failed_job_registry.count == 3

    response = admin_client.post(
        reverse("adminarea:all_failed_jobs", args=["default", "requeue"]), follow=True
    )
    assert "Requeued 3 failed jobs." in messages_of(response)
    assert queue().count == 3 and queue().failed_job_registry.count == 0

    worker()
    response = admin_client.post(
        reverse("adminarea:all_failed_jobs", args=["default", "delete"]), follow=True
    )
    assert "Deleted 3 failed jobs." in messages_of(response)
    assert queue().failed_job_registry.count == 0


@pytest.mark.django_db(transaction=True)
def test_the_queue_page_lists_retries_waiting_for_their_time(admin_client, worker, smtp_down):
    email = OutgoingEmailFactory(to="ada@example.com")
    enqueue_delivery(email.pk, on_commit=False)  # the real retry policy: next try in a minute
    worker(env={"EMAIL_URL": smtp_down})
    response = admin_client.get(QUEUE)
    [retry] = response.context["scheduled"]
    assert retry.id == delivery_job_id(email.pk)
    assert retry.retries_left == 4
    assert retry.when > timezone.now()


@pytest.mark.django_db(transaction=True)
def test_the_jobs_page_shows_a_running_worker_with_its_last_heartbeat(admin_client, start_worker):
    # Without rq's scheduler: a scheduler process forked just before the test's SIGTERM would outlive it.
    started = start_worker("--without-scheduler")
    wait_until(lambda: admin_client.get(JOBS).context["workers"], "the worker registers", explain=started.log)
    response = admin_client.get(JOBS)
    [worker] = response.context["workers"]
    assert worker.last_heartbeat is not None
    assert worker.queues == ["default"]
    assert "ago</time>" in response.text


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "url",
    [
        reverse("adminarea:queue", args=["nosuchqueue"]),
    ],
)
def test_an_unknown_queue_is_404(admin_client, redis_db, url):
    assert admin_client.get(url).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("action", ["requeue", "delete"])
@pytest.mark.parametrize(
    ("queue_name", "job_id"), [("default", "no-such-job"), ("nosuchqueue", "no-such-job")]
)
def test_an_action_on_an_unknown_queue_or_job_is_404(admin_client, redis_db, action, queue_name, job_id):
    response = admin_client.post(reverse("adminarea:failed_job", args=[queue_name, job_id, action]))
    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.django_db
def test_failed_jobs_are_only_requeued_or_deleted(admin_client):
    url = reverse("adminarea:failed_job", args=["default", "some-job", "requeue"]).replace("requeue", "run")
    assert admin_client.post(url).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.django_db(transaction=True)
def test_a_job_that_is_not_failed_cannot_be_requeued_or_deleted_as_one(admin_client, redis_db):
    waiting = jobs.enqueue_now(fail_with, "waiting")
    for action in ("requeue", "delete"):
        response = admin_client.post(reverse("adminarea:failed_job", args=["default", waiting.id, action]))
        assert response.status_code == HTTPStatus.NOT_FOUND
    assert waiting.get_status() == JobStatus.QUEUED


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("failed_job", ["default", "some-job", "requeue"]),
        ("failed_job", ["default", "some-job", "delete"]),
        ("all_failed_jobs", ["default", "requeue"]),
        ("all_failed_jobs", ["default", "delete"]),
    ],
)
def test_job_actions_refuse_get(admin_client, failed_job, name, args):
    response = admin_client.get(reverse(f"adminarea:{name}", args=args))
    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert failed_job.id in queue().failed_job_registry


@pytest.mark.django_db(transaction=True)
def test_job_actions_need_the_csrf_token(admin_client, failed_job):
    admin_client.handler.enforce_csrf_checks = True
    response = admin_client.post(reverse("adminarea:failed_job", args=["default", failed_job.id, "delete"]))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert failed_job.id in queue().failed_job_registry


@pytest.mark.django_db
@override_settings(JOBS_RUN_INLINE=True)
def test_without_redis_the_jobs_pages_say_jobs_run_inline(admin_client):
    for url in (JOBS, QUEUE, reverse("adminarea:dashboard")):
        response = admin_client.get(url)
        assert response.status_code == HTTPStatus.OK
        assert "jobs run inline in the web process" in response.text


@pytest.mark.django_db
def test_when_redis_does_not_answer_the_jobs_pages_say_so(admin_client, settings):
    from tests.support import free_port

    dead = f"redis://127.0.0.1:{free_port()}/0"
    settings.RQ_QUEUES = {"default": {**settings.RQ_QUEUES["default"], "URL": dead}}
    for url in (JOBS, QUEUE, reverse("adminarea:dashboard")):
        response = admin_client.get(url)
        assert response.status_code == HTTPStatus.OK
        assert "Redis does not answer" in response.text
    response = admin_client.post(
        reverse("adminarea:all_failed_jobs", args=["default", "delete"]), follow=True
    )
    assert any("Redis does not answer" in message for message in messages_of(response))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/admin/rq/", "/admin/rq/queues/0/failed/", "/django-admin/django_rq/queue/"]
)
def test_django_rqs_own_dashboard_is_not_served(admin_client, url):
    assert admin_client.get(url).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.django_db
def test_djangos_admin_index_does_not_list_django_rqs_dashboard(admin_client):
    assert "django_rq" not in admin_client.get(reverse("admin:index")).text


@pytest.mark.django_db(transaction=True)
def test_requeueing_is_recorded_in_the_audit_trail(admin_client, administrator, failed_job, worker):
    admin_client.post(reverse("adminarea:failed_job", args=["default", failed_job.id, "requeue"]))
    jobs.enqueue_now(fail_with, "another")
    worker()
    admin_client.post(reverse("adminarea:all_failed_jobs", args=["default", "requeue"]))
    recorded = AdminAction.objects.filter(action=AdminAction.Action.JOB_REQUEUED).order_by("pk")
    assert [(action.actor, action.detail) for action in recorded] == [
        (administrator, f"job {failed_job.id} of the queue default"),
        (administrator, "2 failed jobs of the queue default"),
    ]
