"""django-rq's `rqscheduler` command, listed by core: django-rq is not an installed app."""

from django_rq.management.commands.rqscheduler import Command  # noqa: F401
