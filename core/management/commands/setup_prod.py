from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from core.management.commands import setup_dev

# The development default; a production administrator must never have it.
DEVELOPMENT_PASSWORD = "password"


class Command(setup_dev.Command):
    help = "Insert the roles and create the administrator from ADMIN_EMAIL / ADMIN_PASSWORD (production)."

    def handle(self, **options):
        password = settings.ADMIN_PASSWORD
        if not password:
            raise CommandError(
                "Set ADMIN_PASSWORD to the first administrator's password. Nothing was changed."
            )
        if password == DEVELOPMENT_PASSWORD:
            raise CommandError(
                "ADMIN_PASSWORD is the development default; choose a real password. Nothing was changed."
            )
        try:
            validate_password(password)
        except ValidationError as error:
            raise CommandError(
                f"ADMIN_PASSWORD is too weak: {' '.join(error.messages)} Nothing was changed."
            ) from None
        self.insert_roles_and_administrator()
