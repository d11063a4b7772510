"""The Redis of the jobs as seen from a request: every call gives up after JOBS["REQUEST_REDIS_TIMEOUT"].

redis-py waits 5 s by default, and a request may make two calls (the mailed-link limit, the enqueue):
a hung Redis held each page 10 s, for nothing, since the outbox delivers later anyway.
"""

from functools import cache

from django.conf import settings


def request_redis():
    """A client of the "default" queue's Redis with short connect and read timeouts (one per process)."""
    return _client(settings.RQ_QUEUES["default"]["URL"], settings.JOBS["REQUEST_REDIS_TIMEOUT"])


@cache
def _client(url, timeout):
    import redis

    return redis.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout)
