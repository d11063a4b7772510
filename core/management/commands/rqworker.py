import os
import sys

from django.conf import settings
from django.core.management.base import CommandError
from django_rq.management.commands import rqworker
from django_rq.utils import reset_db_connections
from django_rq.workers import get_worker
from redis.exceptions import ConnectionError
from rq.logutils import setup_loghandlers


class Command(rqworker.Command):
    help = (
        "Run a worker on the given queues (e.g. default) of the Redis that REDIS_URL names, with the "
        "scheduler that runs retries (see docs/jobs.md)."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # The scheduler runs retries and periodic jobs: on unless asked otherwise.
        parser.set_defaults(with_scheduler=True)
        parser.add_argument(
            "--without-scheduler",
            action="store_false",
            dest="with_scheduler",
            help="Do not run the scheduler in this worker (another worker must run it for retries).",
        )
        parser.set_defaults(worker_ttl=settings.JOBS["WORKER_TTL"])
        parser.add_argument(
            "--heartbeat-interval",
            type=int,
            default=settings.JOBS["HEARTBEAT_INTERVAL"],
            help="Seconds between the heartbeats of a running job (a job silent for longer is abandoned).",
        )
        parser.add_argument(
            "--maintenance-interval",
            type=int,
            default=settings.JOBS["MAINTENANCE_INTERVAL"],
            help="Seconds between maintenance passes (abandoned jobs, periodic jobs such as the sweep).",
        )

    def handle(self, *args, **options):
        if settings.JOBS_RUN_INLINE:
            raise CommandError(
                "REDIS_URL is not set, so jobs run inline in the web process and there is nothing for a "
                "worker to do. Set REDIS_URL (e.g. redis://127.0.0.1:6379/0) to use a worker."
            )
        if options["pid"]:
            with open(os.path.expanduser(options["pid"]), "w") as pid_file:
                pid_file.write(str(os.getpid()))
        level = {0: "WARNING", 1: "INFO"}.get(options["verbosity"], "DEBUG")
        setup_loghandlers(level)
        try:
            worker = get_worker(
                *args,
                worker_class=options["worker_class"],
                queue_class=options["queue_class"],
                job_class=options["job_class"],
                name=options["name"],
                serializer=options["serializer"],
                worker_ttl=options["worker_ttl"],
                job_monitoring_interval=options["heartbeat_interval"],
                maintenance_interval=options["maintenance_interval"],
            )
            # Close the database connection before the worker forks: each job opens its own.
            reset_db_connections()
            worker.work(
                burst=options["burst"],
                with_scheduler=options["with_scheduler"],
                logging_level=level,
                max_jobs=options["max_jobs"],
                max_idle_time=options["max_idle_time"],
            )
        except ConnectionError as error:
            self.stderr.write(str(error))
            sys.exit(1)
