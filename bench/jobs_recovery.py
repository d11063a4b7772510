"""How long until a job is recovered after its worker was SIGKILLed mid-job (figures in docs/jobs.md).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<scratch db> REDIS_URL=redis://127.0.0.1:6379/<n> \\
      .venv/bin/python bench/jobs_recovery.py

Uses the production timings of settings.JOBS and the real retry policy. It migrates the database it is
given and flushes the Redis database it is given: point both at scratch ones.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings.testing")
os.environ.setdefault("ENV_FILE", os.devnull)

import django  # noqa: E402

django.setup()

import django_rq  # noqa: E402
from rq.job import Job, JobStatus  # noqa: E402

from core.mail.models import OutgoingEmail  # noqa: E402
from core.mail.outbox import send_email  # noqa: E402
from core.mail.tasks import delivery_job_id  # noqa: E402
from tests import jobs  # noqa: E402
from tests.support import Mailbox, ManagePy, SilentSMTPServer, WorkerProcess, wait_until  # noqa: E402

CONTEXT = {
    "user": {"first_name": "Ada", "email": "ada@example.com"},
    "link": "https://x.test/",
    "expires_in": "1",
}


class Workers:
    """Starts worker processes and stops every one of them at the end, whatever happened."""

    def __init__(self):
        self.started = []

    def start(self, manage, log_path, env=None):
        worker = WorkerProcess(manage, log_path, env=env)
        self.started.append(worker)
        return worker

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        for worker in self.started:
            worker.stop()


def kill_mid_delivery_then_restart(folder):
    """A worker dies while delivering an e-mail; a new worker starts at once. Seconds until sent."""
    with Workers() as workers:
        smtp = SilentSMTPServer()
        manage = ManagePy(extra_env={"EMAIL_URL": f"file://{folder / 'mail'}"})
        email = send_email("ada@example.com", "confirm_account", CONTEXT)
        job = Job.fetch(delivery_job_id(email.pk), connection=django_rq.get_connection("default"))
        doomed = workers.start(manage, folder / "doomed.log", env={"EMAIL_URL": smtp.url})
        wait_until(lambda: smtp.connections, "the delivery to start", explain=doomed.log)
        killed_at = time.monotonic()
        doomed.kill_everything()
        rescuer = workers.start(manage, folder / "rescuer.log")
        wait_until(lambda: job.get_status() != JobStatus.STARTED, "the abandoned job", 600, 0.2, rescuer.log)
        noticed = time.monotonic() - killed_at
        wait_until(
            lambda: OutgoingEmail.objects.get(pk=email.pk).sent_at, "the delivery", 600, 0.2, rescuer.log
        )
        delivered = time.monotonic() - killed_at
        assert len(Mailbox(folder / "mail").to("ada@example.com")) == 1
        smtp.close()
        return noticed, delivered


def kill_mid_job_while_another_worker_runs(folder):
    """A job without retries; its worker dies while a second worker keeps running. Seconds until failed."""
    with Workers() as workers:
        manage = ManagePy()
        doomed = workers.start(manage, folder / "doomed.log")
        job = django_rq.get_queue("default").enqueue(jobs.work_slowly, str(folder), 3600, job_timeout=7200)
        wait_until(lambda: (folder / "started").exists(), "the job to start", explain=doomed.log)
        survivor = workers.start(manage, folder / "survivor.log")
        wait_until(lambda: "Listening on" in survivor.log(), "the second worker", explain=survivor.log)
        killed_at = time.monotonic()
        doomed.kill_everything()
        wait_until(lambda: job.get_status() == JobStatus.FAILED, "the failed job", 900, 0.2, survivor.log)
        return time.monotonic() - killed_at


def main():
    manage = ManagePy()
    result = manage("migrate", "--noinput")
    assert result.returncode == 0, result.stderr
    django_rq.get_connection("default").flushdb()
    with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
        noticed, delivered = kill_mid_delivery_then_restart(Path(first))
        print(
            f"email delivery, worker SIGKILLed, new worker started at once: abandoned job noticed after "
            f"{noticed:.0f} s, email delivered after {delivered:.0f} s"
        )
        django_rq.get_connection("default").flushdb()
        failed = kill_mid_job_while_another_worker_runs(Path(second))
        print(
            f"job without retries, its worker SIGKILLed, another worker running: failed after {failed:.0f} s"
        )


if __name__ == "__main__":
    main()
