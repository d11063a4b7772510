"""Buttons and forms that mail a link to an address (password reset, "send a new link", a fresh invite,
registering an address in use) send at most MAILED_LINKS_PER_HOUR per address and kind: otherwise
anyone could flood someone's inbox. Counted in the cache (Redis in production, shared by all workers)."""

from django.conf import settings
from django.core.cache import cache

WINDOW = 60 * 60
TOO_MANY_LINKS = (
    "Several links were sent to this address in the last hour. Check your inbox (and spam folder), "
    "or try again later."
)


def may_mail(kind, address):
    """Count one more e-mail of `kind` to `address`; False once the hour's allowance is used."""
    key = f"mailed-links:{kind}:{address.lower()}"
    cache.add(key, 0, WINDOW)  # starts the hour on the first e-mail
    try:
        sent = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, WINDOW)
        sent = 1
    return sent <= settings.MAILED_LINKS_PER_HOUR
