"""Commands that invent data or wipe it run only in environments made for that."""

from django.conf import settings
from django.core.management.base import CommandError

DISPOSABLE_ENVIRONMENTS = {"development", "testing"}


def refuse_outside_development(what_it_does):
    """Stop a command, changing nothing, unless development or testing settings are in force."""
    if settings.ENVIRONMENT not in DISPOSABLE_ENVIRONMENTS:
        raise CommandError(
            f"{what_it_does}, so it refuses to run under {settings.ENVIRONMENT} settings "
            f"({settings.SETTINGS_MODULE}). Nothing was changed."
        )
