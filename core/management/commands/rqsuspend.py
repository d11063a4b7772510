"""django-rq's `rqsuspend` command, listed by core: django-rq is not an installed app."""

from django_rq.management.commands.rqsuspend import Command  # noqa: F401
