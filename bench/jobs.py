"""Jobs: the Procfile's worker against rq's own Worker class (Django loaded) and plain `rq worker`, and
e-mail from enqueue to backend with one worker and with two on the same queue.

All workers drain the same number of no-op jobs (bench.tasks.noop), enqueued the same way, from
the same Redis database, in burst mode; each is timed from start to exit, as a deploy pays it,
once per round (--job-rounds).
"""

import shlex
import subprocess
import time

import redis
from rq import Queue
from rq.job import Job, JobStatus

from bench.common import BIN, PYTHON, BenchError, Row, in_django, timed
from project.env import BASE_DIR

SECTION = "jobs"


def procfile_worker():
    """The Procfile's worker command, run in burst mode with this virtualenv's python."""
    for line in (BASE_DIR / "Procfile").read_text().splitlines():
        name, _, command = line.partition(":")
        if name.strip() == "worker":
            words = shlex.split(command)
            return [PYTHON if words[0] == "python" else words[0], *words[1:], "--burst"]
    raise BenchError(f"{BASE_DIR / 'Procfile'} has no worker line.")


def enqueue_noops(connection, number):
    queue = Queue("default", connection=connection)
    return [
        job.id for job in queue.enqueue_many([Queue.prepare_data("bench.tasks.noop") for _ in range(number)])
    ]


def drain(connection, command, env, number):
    """Enqueue `number` no-op jobs and drain them with `command`; returns the seconds it took."""
    connection.flushdb()
    job_ids = enqueue_noops(connection, number)
    seconds = timed(command, env=env, timeout=600)
    # Count our jobs only: the app's worker also runs its periodic jobs (the outbox sweep) on this queue.
    jobs = Job.fetch_many(job_ids, connection=connection)
    unfinished = sum(1 for job in jobs if job is None or job.get_status(refresh=False) != JobStatus.FINISHED)
    if unfinished:
        raise BenchError(f"{shlex.join(command)} left {unfinished} of {number} jobs unfinished.")
    return seconds


def timed_together(command, *, copies, env, timeout=600):
    """Wall-clock seconds from starting `copies` processes of `command` at once until the last exits."""
    started = time.perf_counter()
    processes = [
        subprocess.Popen(
            command, env=env, cwd=BASE_DIR, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        for _ in range(copies)
    ]
    outputs = [process.communicate(timeout=timeout)[0] for process in processes]
    seconds = time.perf_counter() - started
    for process, output in zip(processes, outputs, strict=True):
        if process.returncode:
            raise BenchError(f"{shlex.join(command)} failed ({process.returncode}):\n{output[-2000:]}")
    return seconds


def send_emails(number, worker, *, workers, env):
    """E-mails/s from the first send_email to the last message handed to the backend, by `workers` workers."""
    enqueued = in_django("enqueue-emails", number, env=env)
    worker_seconds = timed_together(worker, copies=workers, env=env)
    sent = in_django("emails-sent", env=env)
    if sent["sent"] != number or not sent["seconds"]:
        raise BenchError(f"{sent['sent']} of {number} emails were sent ({sent['unsent']} unsent).")
    note = (
        f"first send_email to last message handed to locmem: {enqueued['seconds']:.1f} s of send_email, "
        f"then {worker_seconds:.1f} s of {workers} worker(s) from start to exit"
    )
    return number / sent["seconds"], note


def run(context):
    options = context.options
    connection = redis.Redis.from_url(context.redis_url)
    env = context.app_env(context.database_url(context.main_database))
    worker = procfile_worker()
    workers = {
        "plain": [str(BIN / "rq"), "worker", "--burst", "--url", context.redis_url, "default"],
        "app": worker,
        # Where the gap to plain rq comes from: the same command with rq's own forking Worker class
        # (Django loaded, none of django-base's tuning), and with rq's SimpleWorker, which runs every
        # job in the worker's own process instead of a fork of it.
        "rq.Worker": [*worker, "--worker-class", "rq.Worker"],
        "rq.SimpleWorker": [*worker, "--worker-class", "rq.SimpleWorker"],
    }
    try:
        # Rounds alternate the order (ABCD, DCBA ...), so a slow spell hits all alike.
        seconds = dict.fromkeys(workers, 0.0)
        for round_number in range(options.job_rounds):
            order = list(workers) if round_number % 2 == 0 else list(reversed(workers))
            for name in order:
                seconds[name] += drain(connection, workers[name], env, options.jobs)
        rates = {name: options.jobs * options.job_rounds / spent for name, spent in seconds.items()}
        connection.flushdb()
        emails, one_note = send_emails(options.emails, worker, workers=1, env=env)
        connection.flushdb()
        # Scaling out: two workers on the same queue, as `heroku ps:scale worker=2` would run them.
        two_workers, two_note = send_emails(options.emails, worker, workers=2, env=env)
    finally:
        connection.flushdb()
    app = rates["app"]
    return [
        Row(
            SECTION, f"{options.jobs} no-op jobs, jobs/s", app, "jobs/s", "rq.Worker, Django loaded",
            rates["rq.Worker"], target=">= 0.95",
            note=f"{shlex.join(['python', *worker[1:]])} (the Procfile's, burst mode)",
        ),
        Row(SECTION, f"{options.jobs} no-op jobs, jobs/s", app, "jobs/s", "plain rq worker", rates["plain"]),
        Row(
            SECTION, f"{options.jobs} no-op jobs, --worker-class rq.Worker", rates["rq.Worker"], "jobs/s",
            "plain rq worker", rates["plain"],
            note="the Procfile's worker command with rq's own Worker class: Django loaded, no tuning of ours",
        ),
        Row(
            SECTION, f"{options.jobs} no-op jobs, --worker-class rq.SimpleWorker", rates["rq.SimpleWorker"],
            "jobs/s", "plain rq worker", rates["plain"], note="no fork: every job runs in the worker itself",
        ),
        Row(
            SECTION, f"{options.emails} emails end to end, emails/s", emails, "emails/s",
            "no-op jobs, same worker", app, note=one_note,
        ),
        Row(
            SECTION, f"{options.emails} emails end to end, two workers", two_workers, "emails/s",
            "one worker", emails, note=two_note,
        ),
    ]  # fmt: skip
