"""django-rq's `rqenqueue` command, listed by core: django-rq is not an installed app."""

from django_rq.management.commands.rqenqueue import Command  # noqa: F401
