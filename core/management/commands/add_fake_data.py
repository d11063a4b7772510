import random
from datetime import UTC

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.management.guards import refuse_outside_development
from core.models import Role, User

BATCH_SIZE = 1000
# Every fake user can log in with this password in development.
FAKE_PASSWORD = "password"


class Command(BaseCommand):
    help = "Add realistic fake users (never administrators) for development and load tests."

    def add_arguments(self, parser):
        parser.add_argument(
            "--number-users", type=int, default=10, help="How many users to add (default: 10)."
        )
        parser.add_argument("--seed", type=int, default=None, help="Seed for repeatable fake data.")

    def handle(self, *, number_users, seed, **options):
        refuse_outside_development("add_fake_data creates users whose password is public")
        try:
            from faker import Faker  # a development requirement: production installs do not have it
        except ImportError as error:
            raise CommandError(
                "add_fake_data needs Faker, a development requirement: pip install -r requirements-dev.txt"
            ) from error
        if number_users < 0:
            raise CommandError("--number-users must be zero or more.")
        fake = Faker()
        if seed is not None:
            Faker.seed(seed)
            random.seed(seed)
        role = Role.default_role()
        password = make_password(FAKE_PASSWORD)  # hashed once: hashing per user would take minutes
        created = 0
        while created < number_users:
            batch = []
            for _ in range(min(BATCH_SIZE, number_users - created)):
                first, last = fake.first_name(), fake.last_name()
                email = f"{first}.{last}{fake.random_number(digits=4)}@{fake.free_email_domain()}"
                batch.append(
                    User(
                        first_name=first,
                        last_name=last,
                        email=email.lower(),
                        password=password,
                        role=role,
                        confirmed=random.random() < 0.8,
                        date_joined=fake.date_time_between("-2y", tzinfo=UTC),
                    )
                )
            with transaction.atomic():
                before = User.objects.count()
                # An address that exists already (a rerun) is skipped, and the loop makes another.
                User.objects.bulk_create(batch, ignore_conflicts=True)
                created += User.objects.count() - before
            self.stdout.write(f"  {created}/{number_users} users")
        self.stdout.write(self.style.SUCCESS(f"Added {created} fake users (password: {FAKE_PASSWORD!r})."))
