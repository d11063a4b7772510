"""django-rq's `rqresume` command, listed by core: django-rq is not an installed app."""

from django_rq.management.commands.rqresume import Command  # noqa: F401
