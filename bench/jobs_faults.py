"""What a worker and a request do when Redis fails, with production timings (the fault table of docs/jobs.md).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<scratch db> REDIS_URL=redis://127.0.0.1:6379/<n> \\
      .venv/bin/python bench/jobs_faults.py

Each scenario runs a redis-server of its own (stopped, restarted or paused with SIGSTOP at will), real
worker processes with settings.JOBS as in production, and a real SMTP conversation or mail folder. It
migrates the database it is given: point DATABASE_URL at a scratch one.
"""

import os
import re
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings.testing")
os.environ.setdefault("ENV_FILE", os.devnull)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from rq import Queue, Retry  # noqa: E402

from core.accounts.models import User  # noqa: E402
from core.mail import tasks  # noqa: E402
from core.mail.models import OutgoingEmail  # noqa: E402
from harness import process_running  # noqa: E402
from tests import jobs  # noqa: E402
from tests.support import (  # noqa: E402
    Mailbox,
    ManagePy,
    RedisServer,
    SlowSMTPServer,
    WorkerProcess,
    wait_until,
)


class Scenario:
    """A private Redis and the workers of one scenario, all stopped at the end whatever happened."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.redis = RedisServer(self.folder)
        self.workers = []

    def __enter__(self):
        self.redis.start()
        return self

    def __exit__(self, *exc_info):
        self.redis.resume()
        for worker in self.workers:
            worker.stop()
        self.redis.stop()

    def start_worker(self, name, **env):
        manage = ManagePy(extra_env={"EMAIL_URL": f"file://{self.folder / 'mail'}"})
        worker = WorkerProcess(manage, self.folder / f"{name}.log", env={"REDIS_URL": self.redis.url, **env})
        self.workers.append(worker)
        wait_until(lambda: "Listening on" in worker.log(), f"{name} to start", explain=worker.log)
        return worker

    def deliver(self, to):
        """Store an e-mail and enqueue its delivery on this scenario's Redis, with the real retry policy."""
        email = OutgoingEmail.objects.create(to=to, subject="Hello", body_text="Hello")
        retry = Retry(max=len(tasks.RETRY_INTERVALS), interval=tasks.RETRY_INTERVALS)
        Queue("default", connection=self.redis.client()).enqueue(
            tasks.deliver_email, email.pk, job_id=tasks.delivery_job_id(email.pk), retry=retry
        )
        return email


def redis_stopped_mid_delivery(folder, outage=10):
    """Redis stops while the SMTP server takes 3 s to accept a message, and returns `outage` s later."""
    smtp = SlowSMTPServer(delay=3)
    with Scenario(folder) as scenario:
        worker = scenario.start_worker("worker", EMAIL_URL=smtp.url)
        scenario.deliver("ada@example.com")
        assert smtp.data_received.wait(timeout=30), worker.log()
        smtp.delay = 0  # only the first message is slow
        scenario.redis.stop()
        time.sleep(outage)
        alive = worker.process.poll() is None
        scenario.redis.start()
        returned = time.monotonic()
        scenario.deliver("bob@example.com")
        wait_until(lambda: len(smtp.messages) >= 2, "the delivery after Redis returned", 120, 0.1, worker.log)
        seconds = time.monotonic() - returned
        time.sleep(5)
        copies = sum(message["To"] == "ada@example.com" for message in smtp.messages)
    smtp.close()
    return alive, seconds, copies


def redis_stopped_while_idle(folder, outage=30):
    """Redis stops while the worker waits for a job, and returns `outage` s later with a job waiting."""
    with Scenario(folder) as scenario:
        worker = scenario.start_worker("worker")
        scenario.redis.stop()
        time.sleep(outage)
        scenario.redis.start()
        returned = time.monotonic()
        Queue("default", connection=scenario.redis.client()).enqueue(jobs.work_slowly, str(folder), 0)
        wait_until(lambda: (Path(folder) / "started").exists(), "the job", 120, 0.1, worker.log)
        return worker.process.poll() is None, time.monotonic() - returned


def redis_hung(folder, hang=40):
    """Redis hangs (SIGSTOP) for `hang` s: a password reset, a readiness probe, then the e-mail's fate."""
    with Scenario(folder) as scenario:
        worker = scenario.start_worker("worker")
        user = User.objects.create_user(email="hung@example.com", password="a long password 1")
        scenario.redis.pause()
        paused = time.monotonic()
        url = scenario.redis.url
        with override_settings(
            RQ_QUEUES={"default": {**settings.RQ_QUEUES["default"], "URL": url}},
            CACHES={"default": {**settings.CACHES["default"], "LOCATION": url}},
        ):
            client = Client()
            started = time.monotonic()
            response = client.post(reverse("accounts:password_reset"), {"email": user.email})
            request_seconds = time.monotonic() - started
            assert response.status_code == 302, response.status_code
            started = time.monotonic()
            probe = client.get("/health/ready")
            probe_seconds = time.monotonic() - started
        time.sleep(max(0, hang - (time.monotonic() - paused)))
        alive = worker.process.poll() is None
        scenario.redis.resume()
        resumed = time.monotonic()
        mailbox = Mailbox(Path(folder) / "mail")
        wait_until(lambda: mailbox.to(user.email), "the delivery after Redis resumed", 300, 0.2, worker.log)
        delivered = time.monotonic() - resumed
        user.delete()
        return (
            request_seconds,
            probe.status_code,
            probe_seconds,
            alive,
            delivered,
            len(mailbox.to(user.email)),
        )


def worker_sigkilled(folder):
    """The worker's main process is SIGKILLed and a new worker started at once: its scheduler's fate."""
    with Scenario(folder) as scenario:
        doomed = scenario.start_worker("doomed")
        found = wait_until(
            lambda: re.search(r"Scheduler for default started with PID (\d+)", doomed.log()), "the scheduler"
        )
        scheduler_pid = int(found.group(1))
        os.kill(doomed.pid, signal.SIGKILL)
        killed = time.monotonic()
        successor = WorkerProcess(
            ManagePy(), Path(folder) / "successor.log", env={"REDIS_URL": scenario.redis.url}
        )
        scenario.workers.append(successor)
        wait_until(lambda: not process_running(scheduler_pid), "the old scheduler to end", 600)
        scheduler_ended = time.monotonic() - killed
        wait_until(lambda: "Scheduler for default started" in successor.log(), "a new scheduler", 600, 0.1)
        return scheduler_ended, time.monotonic() - killed


def redis_refuses_a_command(folder):
    """Redis answers with an error that is no outage (an access rule refuses taking a job)."""
    with Scenario(folder) as scenario:
        worker = scenario.start_worker("worker")
        scenario.redis.client().acl_setuser("default", enabled=True, commands=["-blmove", "-lmove"])
        changed = time.monotonic()
        status = worker.process.wait(timeout=120)
        return status, time.monotonic() - changed


def main():
    result = ManagePy()("migrate", "--noinput")
    assert result.returncode == 0, result.stderr
    setup_test_environment()  # the test client's host name is allowed
    OutgoingEmail.objects.all().delete()
    scenarios = [
        (
            redis_stopped_mid_delivery,
            "Redis stopped mid-delivery for 10 s: worker alive {}, next email delivered {:.1f} s after "
            "Redis returned, copies of the interrupted email {}",
        ),
        (
            redis_stopped_while_idle,
            "Redis stopped for 30 s while idle: worker alive {}, job started {:.1f} s after Redis returned",
        ),
        (
            redis_hung,
            "Redis hung (SIGSTOP) for 40 s: password reset answered in {:.2f} s, /health/ready {} in "
            "{:.2f} s, worker alive {}, email delivered {:.0f} s after Redis resumed, copies {}",
        ),
        (
            worker_sigkilled,
            "worker SIGKILLed, new worker started at once: old scheduler ended after {:.1f} s, new worker's "
            "scheduler running after {:.1f} s",
        ),
        (redis_refuses_a_command, "Redis refuses BLMOVE: worker exited with status {} after {:.1f} s"),
    ]
    only = sys.argv[1:]
    for scenario, line in scenarios:
        if only and scenario.__name__ not in only:
            continue
        with tempfile.TemporaryDirectory() as folder:
            print(line.format(*scenario(folder)), flush=True)


if __name__ == "__main__":
    main()
