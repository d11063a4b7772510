"""django-rq's `rqworker-pool` command, listed by core: django-rq is not an installed app."""

from importlib import import_module

Command = import_module("django_rq.management.commands.rqworker-pool").Command
