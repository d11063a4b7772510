"""django-rq's `rqstats` command, listed by core: django-rq is not an installed app."""

from django_rq.management.commands.rqstats import Command  # noqa: F401
