"""The e-mail job: stored with the decision, enqueued on commit, delivered by a real worker."""

from datetime import timedelta

import django_rq
import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from rq import Queue
from rq.job import Job, JobStatus

from core.mail import tasks
from core.mail.models import OutgoingEmail
from core.mail.outbox import send_email
from core.mail.tasks import (
    RETRY_INTERVALS,
    deliver_email,
    delivery_job_id,
    enqueue_delivery,
    enqueue_pending_emails,
)
from tests.factories import OutgoingEmailFactory
from tests.support import RedisServer, body, wait_until

CONTEXT = {
    "user": {"first_name": "Ada", "email": "ada@example.com"},
    "link": "https://x.test/c/abc",
    "expires_in": "7 days",
}


def queued_jobs():
    return django_rq.get_queue("default").count


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_delivers_the_email_with_text_and_html_parts(worker, mailbox):
    email = send_email("ada@example.com", "confirm_account", CONTEXT)
    assert queued_jobs() == 1

    result = worker()

    assert "Job OK" in result.stdout + result.stderr
    [message] = mailbox.to("ada@example.com")
    assert message["Subject"] == "Confirm your django-base account"
    assert "https://x.test/c/abc" in body(message, "plain")
    assert '<a href="https://x.test/c/abc">' in body(message, "html")
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 1
    assert queued_jobs() == 0


@pytest.mark.django_db(transaction=True)
def test_the_job_is_enqueued_only_when_the_transaction_commits(redis_db):
    with transaction.atomic():
        send_email("ada@example.com", "confirm_account", CONTEXT)
        assert queued_jobs() == 0
    assert queued_jobs() == 1


@pytest.mark.django_db(transaction=True)
def test_a_delivery_dispatched_inside_a_transaction_is_queued_at_once(redis_db):
    with transaction.atomic():
        job = enqueue_delivery(123, on_commit=False)
        assert queued_jobs() == 1
    assert job.id == delivery_job_id(123)


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_sends_nothing(redis_db):
    with pytest.raises(RuntimeError), transaction.atomic():
        send_email("ada@example.com", "confirm_account", CONTEXT)
        raise RuntimeError("the request failed")
    assert queued_jobs() == 0
    assert not OutgoingEmail.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_an_email_already_sent_is_not_sent_again():
    email = send_email("ada@example.com", "confirm_account", CONTEXT)
    assert deliver_email(email.pk) == "sent"
    assert deliver_email(email.pk) == "already sent"
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_without_redis_jobs_run_inline_after_commit(settings):
    settings.JOBS_RUN_INLINE = True
    with transaction.atomic():
        send_email("ada@example.com", "confirm_account", CONTEXT)
        assert mail.outbox == []
    [message] = mail.outbox
    assert message.to == ["ada@example.com"]
    assert OutgoingEmail.objects.get().sent_at is not None


@pytest.fixture
def redis_with_password(tmp_path):
    """A redis-server of the test's own that requires a password."""
    server = RedisServer(tmp_path, "--requirepass", "s3cret")
    server.start()
    yield server.port, server.client(password="s3cret", db=2)
    server.stop()


@pytest.mark.django_db(transaction=True)
def test_the_worker_uses_the_password_and_database_number_in_redis_url(manage, redis_with_password):
    port, client = redis_with_password
    Queue("default", connection=client).enqueue(deliver_email, 0)

    wrong = manage("rqworker", "default", "--burst", env={"REDIS_URL": f"redis://:wrong@127.0.0.1:{port}/2"})
    assert wrong.returncode == 1
    assert "invalid username-password pair" in wrong.stderr

    right = manage("rqworker", "default", "--burst", env={"REDIS_URL": f"redis://:s3cret@127.0.0.1:{port}/2"})
    assert right.returncode == 0, right.stderr
    assert "Job OK" in right.stdout + right.stderr
    assert Queue("default", connection=client).count == 0


def delivery_job(email):
    return Job.fetch(delivery_job_id(email.pk), connection=django_rq.get_connection("default"))


def an_hour_ago():
    return timezone.now() - timedelta(hours=1)


@pytest.mark.django_db(transaction=True)
def test_a_failing_send_is_recorded_and_scheduled_for_a_retry(worker, smtp_down):
    email = send_email("ada@example.com", "confirm_account", CONTEXT)

    worker(env={"EMAIL_URL": smtp_down})

    email.refresh_from_db()
    assert email.sent_at is None and email.attempts == 1
    assert "ConnectionRefusedError" in email.last_error
    job = delivery_job(email)
    assert job in django_rq.get_queue("default").scheduled_job_registry
    assert job.retries_left == len(RETRY_INTERVALS) - 1


@pytest.mark.django_db(transaction=True)
def test_a_send_that_keeps_failing_lands_in_the_failed_registry_with_its_traceback(
    start_worker, smtp_down, monkeypatch
):
    # Two retries one second apart instead of minutes, so that the test stays short.
    monkeypatch.setattr(tasks, "RETRY_INTERVALS", [1, 1])
    email = send_email("ada@example.com", "confirm_account", CONTEXT)
    job = delivery_job(email)

    start_worker(env={"EMAIL_URL": smtp_down})

    wait_until(lambda: job.get_status() == JobStatus.FAILED, "the retries to run out")
    assert job in django_rq.get_queue("default").failed_job_registry
    assert "ConnectionRefusedError" in job.latest_result().exc_string
    email.refresh_from_db()
    assert email.sent_at is None and email.attempts == 3


@pytest.mark.django_db(transaction=True)
def test_with_redis_down_the_email_is_stored_and_delivered_once_redis_is_back(
    settings, private_redis, worker, mailbox, caplog
):
    settings.RQ_QUEUES = {"default": {**settings.RQ_QUEUES["default"], "URL": private_redis.url}}
    private_redis.stop()

    with transaction.atomic():
        email = send_email("ada@example.com", "confirm_account", CONTEXT)

    assert "Redis is unreachable" in caplog.text
    private_redis.start()
    # Later, past the sweep's grace period: a worker comes up and sweeps the outbox.
    OutgoingEmail.objects.filter(pk=email.pk).update(created_at=an_hour_ago())
    worker(env={"REDIS_URL": private_redis.url})
    [message] = mailbox.to("ada@example.com")
    assert message["Subject"] == "Confirm your django-base account"
    email.refresh_from_db()
    assert email.sent_at is not None


@pytest.mark.django_db(transaction=True)
def test_the_workers_periodic_sweep_delivers_an_email_that_never_reached_a_queue(worker, mailbox):
    email = OutgoingEmailFactory(to="ada@example.com", created_at=an_hour_ago())

    worker()

    [message] = mailbox.to("ada@example.com")
    assert message["Subject"] == email.subject
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 1


@pytest.mark.django_db(transaction=True)
def test_the_sweep_enqueues_only_old_unsent_emails_with_attempts_left(redis_db):
    pending = OutgoingEmailFactory(created_at=an_hour_ago())
    OutgoingEmailFactory()  # just stored: its own job is on the way
    OutgoingEmailFactory(created_at=an_hour_ago(), sent_at=timezone.now())
    OutgoingEmailFactory(created_at=an_hour_ago(), attempts=len(RETRY_INTERVALS) + 1)

    report = enqueue_pending_emails()

    assert (report.enqueued, report.fresh, report.live, report.given_up) == (1, 1, 0, 1)
    assert delivery_job(pending).get_status() == JobStatus.QUEUED
    assert queued_jobs() == 1


@pytest.mark.django_db(transaction=True)
def test_the_sweep_does_not_double_an_email_whose_job_is_still_alive(redis_db):
    email = OutgoingEmailFactory(created_at=an_hour_ago())
    enqueue_delivery(email.pk, on_commit=False)

    report = enqueue_pending_emails()

    assert (report.enqueued, report.live) == (0, 1)
    assert queued_jobs() == 1


@pytest.mark.django_db(transaction=True)
def test_the_sweep_includes_fresh_emails_when_asked(redis_db):
    fresh = OutgoingEmailFactory()

    report = enqueue_pending_emails(include_fresh=True)

    assert (report.enqueued, report.fresh) == (1, 0)
    assert delivery_job(fresh).get_status() == JobStatus.QUEUED


@pytest.mark.django_db(transaction=True)
def test_without_redis_the_sweep_sends_pending_emails_inline(settings):
    settings.JOBS_RUN_INLINE = True
    OutgoingEmailFactory(to="ada@example.com", created_at=an_hour_ago())

    assert enqueue_pending_emails().enqueued == 1

    [message] = mail.outbox
    assert message.to == ["ada@example.com"]
    assert OutgoingEmail.objects.get().sent_at is not None
