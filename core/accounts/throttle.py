"""Buttons and forms that mail a link to an address (password reset, "send a new link", a fresh invite,
registering an address in use) send at most MAILED_LINKS_PER_HOUR per address and kind: otherwise
anyone could flood someone's inbox. Counted in the cache (Redis in production, shared by all workers)."""

import logging

from django.conf import settings
from django.core.cache import cache

from core.accounts.models import User

logger = logging.getLogger(__name__)

WINDOW = 60 * 60
TOO_MANY_LINKS = (
    "Several links were sent to this address in the last hour. Check your inbox (and spam folder), "
    "or try again later."
)


def may_mail(kind, address):
    """Count one more e-mail of `kind` to `address`; False once the hour's allowance is used.

    With the cache down (Redis unreachable, or silent for JOBS["REQUEST_REDIS_TIMEOUT"]) it allows: the
    e-mail waits in the outbox, and a page's answer must never depend on the cache (the register page
    would tell taken addresses apart).
    """
    from redis.exceptions import RedisError  # only here: a process that mails nothing never loads redis

    key = f"mailed-links:{kind}:{User.objects.normalize_email(address)}"
    try:
        cache.add(key, 0, WINDOW)  # starts the hour on the first e-mail
        try:
            sent = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, WINDOW)
            sent = 1
    except RedisError as error:
        logger.warning("Mailed-link limit not checked: the cache is unreachable (%s)", error)
        return True
    return sent <= settings.MAILED_LINKS_PER_HOUR
