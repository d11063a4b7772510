"""The workers' sweep, by hand: enqueue the stored e-mails no worker has picked up, and say what was left."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from redis.exceptions import RedisError

from core.mail.tasks import enqueue_pending_emails


class Command(BaseCommand):
    help = (
        "Enqueue every stored e-mail not yet sent that has no live job and attempts left (the sweep the "
        "workers run every few seconds, by hand). E-mails stored in the last minute are left to their own "
        "job unless --all is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            dest="include_fresh",
            help="Also enqueue e-mails stored moments ago (a live job is still never doubled).",
        )

    def handle(self, *args, include_fresh, **options):
        try:
            report = enqueue_pending_emails(include_fresh=include_fresh)
        except RedisError as error:
            raise CommandError(f"Redis is unreachable ({error}): start it, or check REDIS_URL.") from error
        self.stdout.write(self.style.SUCCESS(f"Enqueued {report.enqueued} pending e-mail(s)."))
        grace = settings.JOBS["SWEEP_GRACE"]
        skipped = [
            (
                report.fresh,
                f"stored less than {grace} s ago, their own job is on its way (--all includes them)",
            ),
            (report.live, "already have a job queued, running or waiting for a retry"),
            (report.given_up, "failed every attempt: requeue them from the failed jobs at /admin/rq/"),
        ]
        for count, reason in skipped:
            if count:
                self.stdout.write(self.style.WARNING(f"Skipped {count}: {reason}."))
