"""Where background jobs go: the django-rq "default" queue, or inline when no REDIS_URL is set.

Jobs are handed over only once the surrounding database transaction commits, so a worker never
looks for a row that does not exist yet, and a rolled-back request sends nothing.
"""

import logging

from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)


def enqueue(func, *args, **job_options):
    """Run `func(*args)` in a worker once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: dispatch(func, *args, **job_options), robust=True)


def dispatch(func, *args, **job_options):
    """Hand `func(*args)` to the queue now; returns the rq Job (None if run inline or Redis is down).

    `job_options` are rq's (job_id, retry, ...); lifetimes default to settings.JOBS.
    """
    if settings.JOBS_RUN_INLINE:
        func(*args)
        return None
    import django_rq  # here, not at the top: a process that never enqueues never imports redis and rq
    from redis.exceptions import RedisError

    job_options.setdefault("result_ttl", settings.JOBS["RESULT_TTL"])
    job_options.setdefault("failure_ttl", settings.JOBS["FAILURE_TTL"])
    try:
        # "Now" means now: django-rq must not wait for a commit itself (inside a transaction it would, and a
        # Redis error would then escape this handler). enqueue() above is what waits for the commit.
        return django_rq.get_queue("default", commit_mode="auto").enqueue(func, *args, **job_options)
    except RedisError as error:
        # The outbox row stays unsent; the sweep enqueues it once Redis is back.
        logger.warning("Could not enqueue %s: Redis is unreachable (%s)", func.__qualname__, error)
        return None
