from django.conf import settings
from django.core.management.base import CommandError
from django_rq.management.commands import rqworker


class Command(rqworker.Command):
    help = "Run a django-rq worker on the given queues (e.g. default) of the Redis that REDIS_URL names."

    def handle(self, *args, **options):
        if settings.JOBS_RUN_INLINE:
            raise CommandError(
                "REDIS_URL is not set, so jobs run inline in the web process and there is nothing for a "
                "worker to do. Set REDIS_URL (e.g. redis://127.0.0.1:6379/0) to use a worker."
            )
        super().handle(*args, **options)
