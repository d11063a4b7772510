"""The worker under deploys, crashes and Redis outages: real worker processes, real Redis."""

import os
import re
import signal
import time

import django_rq
import pytest
from rq import Queue, Worker
from rq.job import Job, JobStatus
from rq.scheduler import RQScheduler

from core.mail import tasks
from core.mail.outbox import send_email
from harness import process_running
from tests import jobs
from tests.factories import OutgoingEmailFactory
from tests.support import FAST_RECOVERY, SilentSMTPServer, SlowSMTPServer, wait_until

CONTEXT = {
    "user": {"first_name": "Ada", "email": "ada@example.com"},
    "link": "https://x.test/c/abc",
    "expires_in": "7 days",
}


def refreshed(instance):
    instance.refresh_from_db()
    return instance


def registered_workers(connection=None):
    return Worker.all(connection=connection or django_rq.get_connection("default"))


@pytest.fixture
def silent_smtp():
    server = SilentSMTPServer()
    yield server
    server.close()


def wait_for_status(job, status, worker):
    """Until rq records `status` for the job: the job's own effects (a file, a mail) come first."""
    wait_until(lambda: job.get_status() == status, f"the job to be marked {status.value}", explain=worker.log)


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
    # (The mail file is written just before the row's commit: wait for the commit.)
    wait_until(lambda: refreshed(email).sent_at, "the second worker to deliver", explain=rescuer.log)
    # The killed attempt rolled back with its transaction; the e-mail went out once.
    assert email.attempts == 1
    assert len(mailbox.messages()) == 1
    wait_for_status(job, JobStatus.FINISHED, rescuer)


def test_after_sigkill_a_job_without_retries_is_shown_failed(start_worker, tmp_path):
    job = django_rq.get_queue("default").enqueue(jobs.work_slowly, str(tmp_path), 60)
    doomed = start_worker(*FAST_RECOVERY)
    wait_until(lambda: (tmp_path / "started").exists(), "the job to start", explain=doomed.log)

    doomed.kill_everything()

    rescuer = start_worker(*FAST_RECOVERY)
    wait_for_status(job, JobStatus.FAILED, rescuer)
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
    # (The job's file is written before the work horse records the job finished.)
    wait_for_status(job, JobStatus.FINISHED, worker)
    [listed] = wait_until(
        lambda: registered_workers(private_redis.client()),
        "the worker to be listed again",
        explain=worker.log,
    )
    assert listed.pid == worker.pid and listed.queue_names() == ["default"]


def test_a_worker_whose_redis_restarts_mid_job_is_listed_again_after_the_job(
    start_worker, private_redis, tmp_path
):
    worker = start_worker(*FAST_RECOVERY, "--without-scheduler", env={"REDIS_URL": private_redis.url})
    Queue("default", connection=private_redis.client()).enqueue(jobs.work_slowly, str(tmp_path), 4)
    wait_until(lambda: (tmp_path / "started").exists(), "the job to start", explain=worker.log)

    # Redis forgets the worker; the job's heartbeats go on meanwhile, writing to the worker's key again.
    private_redis.stop()
    private_redis.start()

    wait_until(lambda: (tmp_path / "finished").exists(), "the job to finish", explain=worker.log)
    [listed] = wait_until(
        lambda: registered_workers(private_redis.client()),
        "the worker to be listed again",
        timeout=15,
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
    wait_for_status(job, JobStatus.FINISHED, worker)
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


# Redis faults at any point of the worker's loop (issue #11) ------------------------------------------


@pytest.fixture
def slow_smtp():
    server = SlowSMTPServer(delay=3)
    yield server
    server.close()


def deliver_on(redis_server, email):
    """Enqueue the delivery of a stored e-mail on `redis_server` (a private Redis the worker uses)."""
    queue = Queue("default", connection=redis_server.client())
    return queue.enqueue(tasks.deliver_email, email.pk, job_id=tasks.delivery_job_id(email.pk))


def test_a_worker_survives_redis_stopped_mid_job_and_delivers_once_it_returns(
    start_worker, private_redis, slow_smtp
):
    first, second = OutgoingEmailFactory(to="ada@example.com"), OutgoingEmailFactory(to="bob@example.com")
    worker = start_worker(*FAST_RECOVERY, env={"REDIS_URL": private_redis.url, "EMAIL_URL": slow_smtp.url})
    deliver_on(private_redis, first)
    assert slow_smtp.data_received.wait(timeout=30), worker.log()

    private_redis.stop()  # the SMTP server answers 3 s later; the job ends while Redis is away
    wait_until(lambda: refreshed(first).sent_at, "the first e-mail to be sent", explain=worker.log)
    time.sleep(2)  # rq's own loop quits at the first Redis error around the job; ours goes on
    assert worker.process.poll() is None, worker.log()

    private_redis.start()
    deliver_on(private_redis, second)

    wait_until(lambda: len(slow_smtp.messages) == 2, "the delivery after Redis returned", explain=worker.log)
    assert [message["To"] for message in slow_smtp.messages] == ["ada@example.com", "bob@example.com"]
    assert worker.process.poll() is None


def test_a_worker_stopped_by_an_error_exits_with_a_failure_status(start_worker, private_redis):
    worker = start_worker(*FAST_RECOVERY, "--without-scheduler", env={"REDIS_URL": private_redis.url})
    wait_until(
        lambda: registered_workers(private_redis.client()), "the worker to register", explain=worker.log
    )

    # A Redis whose access rules refuse the command that takes a job: an error, not an outage.
    private_redis.client().acl_setuser("default", enabled=True, commands=["-blmove", "-lmove"])

    returncode = worker.process.wait(timeout=30)
    assert returncode != 0, worker.log()
    assert "The worker stopped after an error" in worker.log()


def test_after_sigkill_of_the_worker_its_scheduler_ends_and_a_new_worker_runs_one(start_worker):
    doomed = start_worker()
    started = wait_until(
        lambda: re.search(r"Scheduler for default started with PID (\d+)", doomed.log()),
        "the scheduler",
        explain=doomed.log,
    )
    scheduler_pid = int(started.group(1))

    os.kill(doomed.pid, signal.SIGKILL)
    doomed.process.wait(timeout=10)

    wait_until(lambda: not process_running(scheduler_pid), "the orphaned scheduler to end", timeout=15)
    successor = start_worker()
    wait_until(
        lambda: "Scheduler for default started" in successor.log(),
        "the new worker's scheduler",
        timeout=15,
        explain=successor.log,
    )


def test_an_idle_worker_picks_up_a_job_within_seconds_of_redis_returning(
    start_worker, private_redis, tmp_path
):
    # Production timings: after its first sweep the worker stays idle until the next one, 15 s later.
    worker = start_worker(env={"REDIS_URL": private_redis.url})
    wait_until(lambda: "Job OK" in worker.log(), "the first sweep to finish", explain=worker.log)
    private_redis.stop()
    wait_until(
        lambda: "could not connect to Redis" in worker.log(), "the worker to notice", explain=worker.log
    )
    time.sleep(8)  # long enough for rq's doubling backoff to reach 8 s between attempts

    private_redis.start()
    returned = time.monotonic()
    Queue("default", connection=private_redis.client()).enqueue(jobs.work_slowly, str(tmp_path), 0)

    wait_until(lambda: (tmp_path / "started").exists(), "the job to start", explain=worker.log)
    assert time.monotonic() - returned < 5, worker.log()
