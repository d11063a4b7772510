"""What readiness means: the database answers, Redis answers, and a worker was seen lately.

Each check returns "ok" (or "inline" when development runs jobs without Redis), or raises
CheckFailed with a sentence for the operator. Each costs one round trip with a short timeout.
"""

from datetime import timedelta
from functools import cache

from django.conf import settings
from django.db import connection
from django.utils import timezone

# redis and rq are imported in the checks: the URLconf imports this module in every web process.

# Probes must answer fast even when a service hangs.
REDIS_TIMEOUT = 2


class CheckFailed(Exception):
    pass


@cache
def redis_client(url):
    import redis

    return redis.Redis.from_url(url, socket_connect_timeout=REDIS_TIMEOUT, socket_timeout=REDIS_TIMEOUT)


def jobs_redis():
    return redis_client(settings.RQ_QUEUES["default"]["URL"])


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
    import redis

    try:
        jobs_redis().ping()
    except redis.RedisError as error:
        raise CheckFailed(f"Redis unreachable: {error}") from error
    return "ok"


def worker():
    """A worker heartbeat within the last WORKER_TTL + 60 s (rq's own limit before it calls it dead)."""
    if settings.JOBS_RUN_INLINE:
        return "inline"
    import redis
    from rq import Worker

    limit = timezone.now() - timedelta(seconds=settings.JOBS["WORKER_TTL"] + 60)
    try:
        workers = Worker.all(connection=jobs_redis())
    except redis.RedisError as error:
        raise CheckFailed(f"Redis unreachable: {error}") from error
    if not any(w.last_heartbeat and w.last_heartbeat >= limit for w in workers):
        raise CheckFailed("no worker seen lately: start one with `python manage.py rqworker default`")
    return "ok"


READINESS_CHECKS = {"database": database, "redis": redis_server, "worker": worker}
