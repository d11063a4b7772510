"""The outbox page: every stored email with its status, and sending an unsent one again."""

from http import HTTPStatus

import django_rq
import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from rq.job import JobStatus

from core import jobs
from core.mail.tasks import deliver_email, delivery_job_id
from tests.factories import OutgoingEmailFactory
from tests.support import free_port, messages_of

OUTBOX = reverse("adminarea:outbox")


def resend(email_id):
    return reverse("adminarea:outbox_resend", args=[email_id])


def listed(response):
    return [(email.to, email.status) for email in response.context["emails"]]


@pytest.fixture
def three_emails(db):
    OutgoingEmailFactory(to="sent@example.com", sent_at=timezone.now(), attempts=1)
    OutgoingEmailFactory(to="failed@example.com", attempts=2, last_error="ConnectionRefusedError: <refused>")
    OutgoingEmailFactory(to="pending@example.com")


def test_the_outbox_lists_every_email_newest_first_with_its_status(admin_client, three_emails):
    response = admin_client.get(OUTBOX)
    assert response.status_code == HTTPStatus.OK
    assert listed(response) == [
        ("pending@example.com", "pending"),
        ("failed@example.com", "failed"),
        ("sent@example.com", "sent"),
    ]
    assert "ConnectionRefusedError: &lt;refused&gt;" in response.text


@pytest.mark.parametrize("status", ["pending", "sent", "failed"])
def test_the_outbox_filters_by_status(admin_client, three_emails, status):
    assert listed(admin_client.get(OUTBOX, {"status": status})) == [(f"{status}@example.com", status)]


def test_the_outbox_ignores_a_status_it_does_not_know(admin_client, three_emails):
    assert len(listed(admin_client.get(OUTBOX, {"status": "bogus"}))) == 3


def test_only_unsent_emails_offer_to_be_sent_again(admin_client, three_emails):
    text = admin_client.get(OUTBOX).text
    assert text.count("Send again</button>") == 2


def test_a_page_past_the_end_of_the_outbox_shows_the_last_page(admin_client, three_emails):
    response = admin_client.get(OUTBOX, {"page": 99})
    assert response.status_code == HTTPStatus.OK
    assert len(listed(response)) == 3


@pytest.mark.django_db(transaction=True)
def test_sending_a_failed_email_again_replaces_its_failed_job_and_a_worker_delivers_it(
    admin_client, worker, smtp_down, mailbox
):
    email = OutgoingEmailFactory(to="ada@example.com")
    failed = jobs.enqueue_now(deliver_email, email.pk, job_id=delivery_job_id(email.pk))
    worker(env={"EMAIL_URL": smtp_down})
    assert failed.get_status() == JobStatus.FAILED

    response = admin_client.post(resend(email.pk), {"next": f"{OUTBOX}?status=failed"}, follow=True)

    assert response.redirect_chain[-1][0] == f"{OUTBOX}?status=failed"
    assert "The email to ada@example.com is queued to be sent again." in messages_of(response)
    queue = django_rq.get_queue("default")
    assert failed.id not in queue.failed_job_registry
    assert queue.get_job_ids() == [delivery_job_id(email.pk)]
    worker()
    assert len(mailbox.to("ada@example.com")) == 1
    email.refresh_from_db()
    assert email.sent_at is not None


@pytest.mark.django_db(transaction=True)
def test_sending_again_an_email_already_sent_is_refused(admin_client, redis_db):
    email = OutgoingEmailFactory(to="ada@example.com", sent_at=timezone.now())
    response = admin_client.post(resend(email.pk), follow=True)
    assert "The email to ada@example.com was sent already." in messages_of(response)
    assert django_rq.get_queue("default").count == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "next_url", ["https://evil.example/admin/outbox/", "//evil.example/admin/outbox/", "/admin/users/", ""]
)
def test_sending_again_redirects_only_to_an_outbox_page_of_this_site(admin_client, redis_db, next_url):
    email = OutgoingEmailFactory()
    response = admin_client.post(resend(email.pk), {"next": next_url})
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == OUTBOX


@pytest.mark.django_db
def test_sending_again_an_unknown_email_is_404(admin_client, redis_db):
    assert admin_client.post(resend(999_999)).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.django_db
def test_sending_again_refuses_get(admin_client, redis_db):
    email = OutgoingEmailFactory()
    assert admin_client.get(resend(email.pk)).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert django_rq.get_queue("default").count == 0


@pytest.mark.django_db(transaction=True)
@override_settings(JOBS_RUN_INLINE=True)
def test_without_redis_sending_again_delivers_at_once(admin_client, mailoutbox):
    email = OutgoingEmailFactory(to="ada@example.com", attempts=1, last_error="ConnectionRefusedError")
    response = admin_client.post(resend(email.pk), follow=True)
    assert "The email to ada@example.com is queued to be sent again." in messages_of(response)
    assert [message.to for message in mailoutbox] == [["ada@example.com"]]
    email.refresh_from_db()
    assert email.sent_at is not None


@pytest.mark.django_db
def test_when_redis_does_not_answer_sending_again_says_so_and_keeps_the_email(admin_client, settings):
    settings.RQ_QUEUES = {
        "default": {**settings.RQ_QUEUES["default"], "URL": f"redis://127.0.0.1:{free_port()}/0"}
    }
    email = OutgoingEmailFactory(to="ada@example.com")
    response = admin_client.post(resend(email.pk), follow=True)
    assert any("Redis does not answer" in message for message in messages_of(response))
    email.refresh_from_db()
    assert email.sent_at is None
