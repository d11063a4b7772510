"""Enqueueing and the other Redis calls made while answering a request, with Redis hung (issue #11)."""

import time
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from core.mail.models import OutgoingEmail
from tests.factories import UserFactory
from tests.support import FAST_RECOVERY, wait_until


@pytest.fixture
def hung_redis(private_redis, settings):
    """The app's Redis (queue and cache) is a private one, paused with SIGSTOP: it accepts connections
    and never answers."""
    settings.RQ_QUEUES = {"default": {**settings.RQ_QUEUES["default"], "URL": private_redis.url}}
    settings.CACHES = {
        "default": {**settings.CACHES["default"], "LOCATION": private_redis.url},
    }
    private_redis.pause()
    yield private_redis
    private_redis.resume()


# A request's Redis calls give up after JOBS["REQUEST_REDIS_TIMEOUT"] (0.5 s) each; without that, a hung
# Redis holds the request for good. The bound leaves room for a busy machine, not for a hang.
AT_ONCE = 5


def timed(call):
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


@pytest.mark.django_db(transaction=True)
def test_a_request_with_redis_hung_answers_at_once_and_the_email_goes_out_once_redis_resumes(
    client, hung_redis, start_worker, mailbox
):
    UserFactory(email="ada@example.com")

    response, seconds = timed(
        lambda: client.post(reverse("accounts:password_reset"), {"email": "ada@example.com"})
    )

    assert response.status_code == HTTPStatus.FOUND
    assert seconds < AT_ONCE, f"the request took {seconds:.1f} s"
    [email] = OutgoingEmail.objects.filter(to="ada@example.com")
    hung_redis.resume()
    # As if the sweep's grace period had passed: the worker's first maintenance pass hands it over.
    OutgoingEmail.objects.filter(pk=email.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    worker = start_worker(*FAST_RECOVERY, env={"REDIS_URL": hung_redis.url})
    # (The mail is written just before its row's commit: wait for the commit.)
    wait_until(
        lambda: OutgoingEmail.objects.get(pk=email.pk).sent_at,
        "the email to be delivered",
        explain=worker.log,
    )
    assert mailbox.to("ada@example.com")
    assert len(mailbox.messages()) == 1


@pytest.mark.django_db
def test_readiness_with_redis_hung_answers_at_once_that_redis_fails(client, hung_redis, caplog):
    response, seconds = timed(lambda: client.get(reverse("health:ready")))

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json()["checks"]["redis"] == "failing"
    assert "Readiness check 'redis' failed: Redis unreachable" in caplog.text
    assert seconds < AT_ONCE, f"the request took {seconds:.1f} s"
