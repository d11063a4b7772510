"""What readiness means: the database answers, Redis answers, and a worker was seen lately.

Each check returns "ok" (or "inline" when development runs jobs without Redis), or raises
CheckFailed with a sentence for the operator. Redis gets JOBS["REQUEST_REDIS_TIMEOUT"] per call, so a
probe answers fast even when Redis hangs.
"""

from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from core.jobs.connection import request_redis


class CheckFailed(Exception):
    pass


def database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # noqa: BLE001 - any failure means not ready
        raise CheckFailed(f"database unreachable: {error}".strip()) from error
    return "ok"


def redis_server():
    if settings.JOBS_RUN_INLINE:
        return "inline"
    from redis import RedisError

    try:
        request_redis().ping()
    except RedisError as error:
        raise CheckFailed(f"Redis unreachable: {error}") from error
    return "ok"


def worker():
    """A worker heartbeat within the last WORKER_TTL + 60 s (rq's own limit before it calls it dead)."""
    if settings.JOBS_RUN_INLINE:
        return "inline"
    from redis import RedisError
    from rq import Worker

    limit = timezone.now() - timedelta(seconds=settings.JOBS["WORKER_TTL"] + 60)
    try:
        workers = Worker.all(connection=request_redis())
    except RedisError as error:
        raise CheckFailed(f"Redis unreachable: {error}") from error
    if not any(w.last_heartbeat and w.last_heartbeat >= limit for w in workers):
        raise CheckFailed("no worker seen lately: start one with `python manage.py rqworker default`")
    return "ok"


READINESS_CHECKS = {"database": database, "redis": redis_server, "worker": worker}
