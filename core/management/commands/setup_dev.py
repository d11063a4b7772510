from django.conf import settings
from django.core.management.base import BaseCommand

from core.models import Role, User


class Command(BaseCommand):
    help = "Insert the roles and create the administrator from ADMIN_EMAIL / ADMIN_PASSWORD (development)."

    def handle(self, **options):
        Role.insert_roles()
        self.stdout.write(f"Roles: {', '.join(Role.objects.values_list('name', flat=True))}.")
        admin, created = User.objects.ensure_administrator(settings.ADMIN_EMAIL, settings.ADMIN_PASSWORD)
        if created:
            self.stdout.write(self.style.SUCCESS(f"Created the administrator {admin.email}."))
        else:
            self.stdout.write(f"The administrator {admin.email} exists already; left unchanged.")
