"""django-rq's `rqcron` command, listed by core: django-rq is not an installed app."""

from django_rq.management.commands.rqcron import Command  # noqa: F401
