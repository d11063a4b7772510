"""django-rq's `rqworker`, plus what this project adds: the scheduler on by default, timings from
settings.JOBS, a refusal when jobs run inline, and a failure status when the worker stops on an error.

django-rq builds the worker from RQ["WORKER_CLASS"] (core.jobs.worker.Worker, which reads the
heartbeat and maintenance intervals from settings.JOBS); everything else is django-rq's own handle().
"""

from django.conf import settings
from django.core.management.base import CommandError
from django_rq.management.commands import rqworker  # only a worker process imports this command


class Command(rqworker.Command):
    help = (
        "Run a worker on the given queues (e.g. default) of the Redis that REDIS_URL names, with the "
        "scheduler that runs retries (see docs/jobs.md)."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # The scheduler runs retries: on unless asked otherwise.
        parser.set_defaults(with_scheduler=True, worker_ttl=settings.JOBS["WORKER_TTL"])
        parser.add_argument(
            "--without-scheduler",
            action="store_false",
            dest="with_scheduler",
            help="Do not run the scheduler in this worker (another worker must run it for retries).",
        )

    def handle(self, *args, **options):
        if settings.JOBS_RUN_INLINE:
            raise CommandError(
                "REDIS_URL is not set, so jobs run inline in the web process and there is nothing for a "
                "worker to do. Set REDIS_URL (e.g. redis://127.0.0.1:6379/0) to use a worker."
            )
        from core.jobs.worker import WorkerStopped

        try:
            super().handle(*args, **options)
        except WorkerStopped as stopped:
            raise CommandError(f"{stopped} (the traceback is logged above). Restart the worker.") from stopped
