from django.core.management.base import BaseCommand, CommandError
from redis.exceptions import RedisError

from core.mail.tasks import enqueue_pending_emails


class Command(BaseCommand):
    help = (
        "Enqueue every stored email not yet sent (and not given up on) that has no live job: the sweep "
        "the workers run every few seconds, by hand."
    )

    def handle(self, *args, **options):
        try:
            count = enqueue_pending_emails()
        except RedisError as error:
            raise CommandError(f"Redis is unreachable ({error}): start it, or check REDIS_URL.") from error
        self.stdout.write(self.style.SUCCESS(f"Enqueued {count} pending email(s)."))
