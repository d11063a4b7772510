from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.management.guards import refuse_outside_development
from core.models import Role, User


class Command(BaseCommand):
    help = "Insert the roles and create the administrator from ADMIN_EMAIL / ADMIN_PASSWORD (development)."

    def handle(self, **options):
        refuse_outside_development(
            "setup_dev creates an administrator with a development password (use setup_prod)"
        )
        if not settings.ADMIN_PASSWORD:
            raise CommandError("Set ADMIN_PASSWORD to the administrator's password. Nothing was changed.")
        self.insert_roles_and_administrator()

    def insert_roles_and_administrator(self):
        Role.insert_roles()
        self.stdout.write(f"Roles: {', '.join(Role.objects.values_list('name', flat=True))}.")
        admin, created = User.objects.ensure_administrator(settings.ADMIN_EMAIL, settings.ADMIN_PASSWORD)
        if created:
            self.stdout.write(self.style.SUCCESS(f"Created the administrator {admin.email}."))
        elif admin.is_admin:
            self.stdout.write(f"The administrator {admin.email} exists already; left unchanged.")
        else:
            raise CommandError(
                f"{admin.email} (ADMIN_EMAIL) belongs to an account that is not an administrator, so no "
                "administrator was created. Give that account the Administrator role, or set ADMIN_EMAIL "
                "to another address."
            )
