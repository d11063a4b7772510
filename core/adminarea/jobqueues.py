"""What the admin area shows and does with background jobs, on rq's own API (registries, Worker.all).

Imports rq and redis: import this module inside the functions that need it, never from a module
the URLconf loads (issue #14: a process that shows no jobs must not import them).
"""

from dataclasses import dataclass
from datetime import datetime

import django_rq
from django.conf import settings
from redis.exceptions import RedisError
from rq import Worker
from rq.exceptions import InvalidJobOperation, NoSuchJobError
from rq.job import Job
from rq.results import Result

from core.services import ServiceError

# How many jobs of a registry one page lists (newest first); the count above it is always exact.
JOBS_SHOWN = 50


class JobsUnavailable(ServiceError):
    """Redis is not configured (jobs run inline) or does not answer."""


@dataclass(frozen=True)
class QueueSummary:
    name: str
    queued: int
    started: int
    scheduled: int
    failed: int
    finished: int


@dataclass(frozen=True)
class WorkerSummary:
    name: str
    state: str
    queues: list
    last_heartbeat: datetime | None
    current_job_id: str | None
    successful: int
    failed: int


@dataclass(frozen=True)
class JobSummary:
    id: str
    description: str
    enqueued_at: datetime | None
    ended_at: datetime | None
    when: datetime | None  # failed: when it ended; scheduled: when it runs next
    retries_left: int | None
    traceback: str

    @property
    def error(self):
        """The traceback's last line: the exception and its message."""
        lines = self.traceback.strip().splitlines()
        return lines[-1] if lines else ""


def queue_names():
    """The queues this site defines (settings.RQ_QUEUES); a name outside them is unknown."""
    return list(settings.RQ_QUEUES)


def _queue(name):
    if settings.JOBS_RUN_INLINE:
        raise JobsUnavailable(
            "Redis is not configured (no REDIS_URL): jobs run inline in the web process, so there are no "
            "queues, workers or failed jobs to show.",
            code="inline",
        )
    if name not in settings.RQ_QUEUES:
        raise ServiceError(f"There is no queue named {name!r}.", code="not_found")
    return django_rq.get_queue(name)


def _unavailable(error):
    return JobsUnavailable(
        f"Redis does not answer ({error}); start it, then reload this page.", code="redis_down"
    )


def summarize_queues():
    """Counts of every registry of every queue, and every worker with its last heartbeat."""
    try:
        queues = [_summarize(_queue(name)) for name in queue_names()]
        connection = django_rq.get_connection(queue_names()[0])
        workers = [_summarize_worker(worker) for worker in Worker.all(connection=connection)]
    except RedisError as error:
        raise _unavailable(error) from error
    return queues, sorted(workers, key=lambda worker: worker.name)


def _summarize(queue):
    return QueueSummary(
        name=queue.name,
        queued=queue.count,
        started=queue.started_job_registry.get_job_count(cleanup=False),
        scheduled=queue.scheduled_job_registry.get_job_count(cleanup=False),
        failed=queue.failed_job_registry.get_job_count(cleanup=False),
        finished=queue.finished_job_registry.get_job_count(cleanup=False),
    )


def _summarize_worker(worker):
    return WorkerSummary(
        name=worker.name,
        state=worker.get_state(),
        queues=worker.queue_names(),
        last_heartbeat=worker.last_heartbeat,
        current_job_id=worker.get_current_job_id(),
        successful=worker.successful_job_count,
        failed=worker.failed_job_count,
    )


def job_health():
    """The dashboard's glance: jobs waiting, jobs failed, retries waiting, workers seen."""
    queues, workers = summarize_queues()
    return {
        "queued": sum(queue.queued for queue in queues),
        "failed": sum(queue.failed for queue in queues),
        "scheduled": sum(queue.scheduled for queue in queues),
        "workers": len(workers),
    }


def failed_jobs(queue_name):
    """(count, the newest JOBS_SHOWN failed jobs of the queue with their tracebacks)."""
    queue = _queue(queue_name)
    try:
        registry = queue.failed_job_registry
        ids = registry.get_job_ids(0, JOBS_SHOWN - 1, desc=True)
        jobs = [job for job in Job.fetch_many(ids, connection=queue.connection) if job is not None]
        return registry.get_job_count(cleanup=False), [_summarize_job(job, when=job.ended_at) for job in jobs]
    except RedisError as error:
        raise _unavailable(error) from error


def scheduled_jobs(queue_name):
    """(count, the next JOBS_SHOWN scheduled jobs: retries waiting for their time)."""
    queue = _queue(queue_name)
    try:
        registry = queue.scheduled_job_registry
        ids = registry.get_job_ids(0, JOBS_SHOWN - 1)
        jobs = [job for job in Job.fetch_many(ids, connection=queue.connection) if job is not None]
        summaries = [_summarize_job(job, when=_scheduled_time(registry, job)) for job in jobs]
        return registry.get_job_count(cleanup=False), summaries
    except RedisError as error:
        raise _unavailable(error) from error


def _scheduled_time(registry, job):
    try:
        return registry.get_scheduled_time(job)
    except NoSuchJobError:
        return None


def _summarize_job(job, *, when):
    result = job.latest_result()
    failed = result is not None and result.type == Result.Type.FAILED
    return JobSummary(
        id=job.id,
        description=job.description or job.id,
        enqueued_at=job.enqueued_at,
        ended_at=job.ended_at,
        when=when,
        retries_left=job.retries_left,
        traceback=(result.exc_string or "") if failed else "",
    )


def _failed_job(queue, job_id):
    """The job `job_id` of the queue's failed registry (not_found when it is not there)."""
    try:
        if job_id in queue.failed_job_registry:
            return Job.fetch(job_id, connection=queue.connection)
    except NoSuchJobError:
        pass
    raise ServiceError("This job is not among the failed jobs (any more).", code="not_found")


def requeue_failed_job(*, queue_name, job_id):
    """Put a failed job back on its queue (not_found: no such failed job)."""
    queue = _queue(queue_name)
    try:
        _failed_job(queue, job_id).requeue()
    except InvalidJobOperation:  # requeued or deleted a moment ago
        raise ServiceError("This job is not among the failed jobs (any more).", code="not_found") from None
    except RedisError as error:
        raise _unavailable(error) from error


def delete_failed_job(*, queue_name, job_id):
    """Delete a failed job for good (not_found: no such failed job)."""
    queue = _queue(queue_name)
    try:
        _failed_job(queue, job_id).delete()
    except RedisError as error:
        raise _unavailable(error) from error


def requeue_all_failed_jobs(*, queue_name):
    """Requeue every failed job of the queue; returns how many went back."""
    return _each_failed_job(queue_name, lambda registry, job_id: registry.requeue(job_id))


def delete_all_failed_jobs(*, queue_name):
    """Delete every failed job of the queue; returns how many were deleted."""
    return _each_failed_job(queue_name, lambda registry, job_id: registry.remove(job_id, delete_job=True))


def _each_failed_job(queue_name, act):
    """Call act(registry, job_id) for every failed job of the queue; returns for how many it worked.
    A job whose data has expired is only taken off the registry: there is nothing left to act on."""
    registry = _queue(queue_name).failed_job_registry
    done = 0
    try:
        for job_id in registry.get_job_ids():
            try:
                act(registry, job_id)
            except (InvalidJobOperation, NoSuchJobError):
                registry.remove(job_id)
                continue
            done += 1
    except RedisError as error:
        raise _unavailable(error) from error
    return done


def discard_job(job_id, *, queue_name="default"):
    """Delete the job `job_id` unless a worker is running it; returns False when it is running."""
    queue = _queue(queue_name)
    try:
        job = Job.fetch(job_id, connection=queue.connection)
    except NoSuchJobError:
        return True
    except RedisError as error:
        raise _unavailable(error) from error
    if job.is_started:
        return False
    job.delete()
    return True
