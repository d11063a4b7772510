"""Where background jobs go: the django-rq "default" queue, or inline when no REDIS_URL is set.

`enqueue_on_commit` is the one place that waits for the database: a worker never looks for a row that
does not exist yet, and a rolled-back request sends nothing. (django-rq's own COMMIT_MODE is "auto", so
it does not wait a second time.) `enqueue_now` hands a job over at once, for code that runs after the
commit already (the sweep).
"""

import logging

from django.conf import settings
from django.db import transaction

from core.jobs.connection import request_redis

logger = logging.getLogger(__name__)


def enqueue_on_commit(func, *args, **job_options):
    """Run `func(*args)` in a worker once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: enqueue_now(func, *args, **job_options), robust=True)


def enqueue_now(func, *args, **job_options):
    """Hand `func(*args)` to the queue now; returns the rq Job (None if run inline or Redis is down).

    `job_options` are rq's (job_id, retry, ...); lifetimes default to settings.JOBS. Redis gets
    JOBS["REQUEST_REDIS_TIMEOUT"] to answer: a request never waits long for a Redis that hangs.
    """
    if settings.JOBS_RUN_INLINE:
        func(*args)
        return None
    import django_rq
    from redis.exceptions import RedisError

    job_options.setdefault("result_ttl", settings.JOBS["RESULT_TTL"])
    job_options.setdefault("failure_ttl", settings.JOBS["FAILURE_TTL"])
    try:
        return django_rq.get_queue("default", connection=request_redis()).enqueue(func, *args, **job_options)
    except RedisError as error:
        # The outbox row stays unsent; the sweep enqueues it once Redis is back.
        logger.warning("Could not enqueue %s: Redis is unreachable (%s)", func.__qualname__, error)
        return None
