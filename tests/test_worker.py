"""The worker under deploys, crashes and Redis outages: real worker processes, real Redis."""

import signal

import django_rq
import pytest
from rq import Queue, Worker
from rq.job import Job, JobStatus
from rq.scheduler import RQScheduler

from core.mail import tasks
from core.mail.outbox import send_email
from tests import jobs
from tests.support import FAST_RECOVERY, SilentSMTPServer, wait_until

CONTEXT = {
    "user": {"first_name": "Ada", "email": "ada@example.com"},
    "link": "https://x.test/c/abc",
    "expires_in": "7 days",
}


def registered_workers(connection=None):
    return Worker.all(connection=connection or django_rq.get_connection("default"))


@pytest.fixture
def silent_smtp():
    server = SilentSMTPServer()
    yield server
    server.close()


def test_sigterm_mid_job_lets_the_job_finish_then_the_worker_exits_cleanly(start_worker, tmp_path):
    job = django_rq.get_queue("default").enqueue(jobs.work_slowly, str(tmp_path), 3)
    worker = start_worker()
    wait_until(lambda: (tmp_path / "started").exists(), "the job to start", explain=worker.log)

    worker.process.send_signal(signal.SIGTERM)

    assert worker.process.wait(timeout=30) == 0, worker.log()
    assert (tmp_path / "finished").read_text() == "done"
    assert job.get_status() == JobStatus.FINISHED
    assert registered_workers() == []


def test_after_sigkill_mid_delivery_another_worker_delivers_the_email(
    start_worker, silent_smtp, mailbox, monkeypatch
):
    # The first retry after 1 s instead of a minute, so that the test stays short.
    monkeypatch.setattr(tasks, "RETRY_INTERVALS", [1])
    email = send_email("ada@example.com", "confirm_account", CONTEXT)
    job = Job.fetch(tasks.delivery_job_id(email.pk), connection=django_rq.get_connection("default"))
    # This worker runs no scheduler: a killed scheduler holds its lock for 61 s (docs/jobs.md).
    doomed = start_worker(*FAST_RECOVERY, "--without-scheduler", env={"EMAIL_URL": silent_smtp.url})
    wait_until(lambda: silent_smtp.connections, "the delivery to reach the SMTP server", explain=doomed.log)

    doomed.kill_everything()

    assert job.get_status() == JobStatus.STARTED
    rescuer = start_worker(*FAST_RECOVERY)
    wait_until(lambda: mailbox.to("ada@example.com"), "the second worker to deliver", explain=rescuer.log)
    email.refresh_from_db()
    # The killed attempt rolled back with its transaction; the e-mail went out once.
    assert email.sent_at is not None and email.attempts == 1
    assert len(mailbox.messages()) == 1
    wait_until(
        lambda: job.get_status() == JobStatus.FINISHED, "the job to be marked finished", explain=rescuer.log
    )


def test_after_sigkill_a_job_without_retries_is_shown_failed(start_worker, tmp_path):
    job = django_rq.get_queue("default").enqueue(jobs.work_slowly, str(tmp_path), 60)
    doomed = start_worker(*FAST_RECOVERY)
    wait_until(lambda: (tmp_path / "started").exists(), "the job to start", explain=doomed.log)

    doomed.kill_everything()

    rescuer = start_worker(*FAST_RECOVERY)
    wait_until(
        lambda: job.get_status() == JobStatus.FAILED, "the job to be shown failed", explain=rescuer.log
    )
    assert job in django_rq.get_queue("default").failed_job_registry
    assert "AbandonedJobError" in job.latest_result().exc_string


def test_a_worker_reconnects_after_redis_restarts_and_processes_new_jobs(
    start_worker, private_redis, tmp_path
):
    worker = start_worker(*FAST_RECOVERY, env={"REDIS_URL": private_redis.url})
    wait_until(
        lambda: registered_workers(private_redis.client()), "the worker to register", explain=worker.log
    )

    private_redis.stop()
    wait_until(
        lambda: "could not connect to Redis" in worker.log(), "the worker to notice", explain=worker.log
    )
    private_redis.start()
    job = Queue("default", connection=private_redis.client()).enqueue(jobs.work_slowly, str(tmp_path), 0)

    wait_until(lambda: (tmp_path / "finished").exists(), "a job run after the restart", explain=worker.log)
    assert job.get_status() == JobStatus.FINISHED
    [listed] = wait_until(
        lambda: registered_workers(private_redis.client()),
        "the worker to be listed again",
        explain=worker.log,
    )
    assert listed.pid == worker.pid and listed.queue_names() == ["default"]


def test_a_worker_goes_on_after_its_redis_connection_is_dropped(start_worker, private_redis, tmp_path):
    worker = start_worker(*FAST_RECOVERY, env={"REDIS_URL": private_redis.url})
    wait_until(
        lambda: registered_workers(private_redis.client()), "the worker to register", explain=worker.log
    )

    private_redis.client().client_kill_filter(_type="normal", skipme=True)
    job = Queue("default", connection=private_redis.client()).enqueue(jobs.work_slowly, str(tmp_path), 0)

    wait_until(lambda: (tmp_path / "finished").exists(), "a job run after the drop", explain=worker.log)
    assert job.get_status() == JobStatus.FINISHED
    assert worker.process.poll() is None


def test_the_worker_runs_the_scheduler_by_default(start_worker):
    worker = start_worker()

    wait_until(lambda: "Scheduler for default started" in worker.log(), "the scheduler", explain=worker.log)
    lock = django_rq.get_connection("default").get(RQScheduler.get_locking_key("default"))
    assert lock is not None


def test_a_worker_started_without_the_scheduler_runs_none(start_worker):
    worker = start_worker("--without-scheduler")

    wait_until(lambda: "cleaning registries" in worker.log(), "the first maintenance", explain=worker.log)
    assert "Scheduler" not in worker.log()
    assert django_rq.get_connection("default").get(RQScheduler.get_locking_key("default")) is None
