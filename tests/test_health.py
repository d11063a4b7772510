"""The load balancer's view: /health/live and /health/ready, with every dependency up or down."""

import json
from http import HTTPStatus

import django_rq
import pytest
from django.urls import reverse
from rq import Worker

from tests.support import free_port, gunicorn, wait_until
from tests.test_settings import production_env


def test_liveness_answers_ok(client):
    response = client.get(reverse("health:live"))
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db(transaction=True)
def test_readiness_is_ok_with_the_database_redis_and_a_running_worker(client, start_worker):
    start_worker()
    wait_until(lambda: Worker.all(connection=django_rq.get_connection("default")), "the worker to register")

    response = client.get(reverse("health:ready"))

    assert response.status_code == HTTPStatus.OK
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "redis": "ok", "worker": "ok"}}


@pytest.mark.django_db
def test_readiness_fails_when_no_worker_was_seen(client, redis_db, caplog):
    response = client.get(reverse("health:ready"))

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json()["checks"] == {"database": "ok", "redis": "ok", "worker": "failing"}
    assert "Readiness check 'worker' failed: no worker seen lately" in caplog.text


@pytest.mark.django_db
def test_readiness_fails_when_redis_is_unreachable(client, settings):
    settings.RQ_QUEUES = {"default": {"URL": f"redis://127.0.0.1:{free_port()}/0"}}

    response = client.get(reverse("health:ready"))

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json()["checks"] == {"database": "ok", "redis": "failing", "worker": "failing"}
    assert "127.0.0.1" not in response.text


@pytest.mark.django_db
def test_readiness_reports_jobs_run_inline_when_there_is_no_redis(client, settings):
    settings.JOBS_RUN_INLINE = True

    response = client.get(reverse("health:ready"))

    assert response.status_code == HTTPStatus.OK
    assert response.json()["checks"] == {"database": "ok", "redis": "inline", "worker": "inline"}


def test_with_the_database_down_liveness_answers_and_readiness_fails(manage):
    database_down = f"postgres://postgres@127.0.0.1:{free_port()}/nowhere"
    with gunicorn(manage, env={"DATABASE_URL": database_down, "ALLOWED_HOSTS": "127.0.0.1"}) as get:
        live_status, live_body = get(reverse("health:live"))
        ready_status, ready_body = get(reverse("health:ready"))

    assert (live_status, json.loads(live_body)) == (HTTPStatus.OK, {"status": "ok"})
    assert ready_status == HTTPStatus.SERVICE_UNAVAILABLE
    # Anyone may ask: the answer names the failing check, not the host, port or driver's message.
    assert json.loads(ready_body)["checks"]["database"] == "failing"
    assert "127.0.0.1" not in ready_body and "port" not in ready_body


@pytest.mark.django_db
def test_production_answers_health_probes_over_plain_http_and_redirects_pages(manage):
    with gunicorn(manage, env=production_env()) as get:
        page_status, _ = get(reverse("pages:home"), host="example.org")
        live_status, _ = get(reverse("health:live"), host="example.org")

    assert page_status == HTTPStatus.MOVED_PERMANENTLY
    assert live_status == HTTPStatus.OK
