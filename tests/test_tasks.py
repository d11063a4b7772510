"""The e-mail job: stored with the decision, enqueued on commit, delivered by a real worker."""

import django_rq
import pytest
from django.core import mail
from django.db import transaction
from rq import Queue

from core.mail.models import OutgoingEmail
from core.mail.outbox import send_email
from core.mail.tasks import deliver_email
from tests.support import RedisServer, body

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
