"""The worker class `manage.py rqworker` runs: rq's forking Worker, tuned so that no job is lost.

- A job whose worker died (SIGKILL, lost machine) is noticed within HEARTBEAT_INTERVAL + grace
  instead of rq's fixed 60-second margin, and picked up at the next maintenance pass.
- Maintenance (cleaning registries, the periodic jobs in settings.JOBS["PERIODIC"]) runs every
  MAINTENANCE_INTERVAL; the periodic jobs are enqueued once per interval across all workers.
- The worker registers again when Redis forgot it (restarted without persistence), so it stays
  visible in the dashboard and to /health/ready.
- Redis going away between two jobs does not end the worker: rq retries the connection while it waits
  for a job, but quits if the outage hits its suspension check, maintenance or heartbeat; those wait
  for the next pass here instead.
"""

import contextlib

import redis
from django.conf import settings
from django.utils.module_loading import import_string
from rq import Worker as RQWorker

PERIODIC_LOCK_KEY = "django-base:jobs:periodic-lock"


class Worker(RQWorker):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("worker_ttl", settings.JOBS["WORKER_TTL"])
        kwargs.setdefault("job_monitoring_interval", settings.JOBS["HEARTBEAT_INTERVAL"])
        kwargs.setdefault("maintenance_interval", settings.JOBS["MAINTENANCE_INTERVAL"])
        super().__init__(*args, **kwargs)

    @property
    def heartbeat_grace(self):
        """How late a heartbeat may be before the job counts as abandoned (rq's own margin is 60 s)."""
        return max(5, self.job_monitoring_interval)

    def get_heartbeat_ttl(self, job):
        if job.timeout and job.timeout > 0:
            remaining = job.timeout - self.current_job_working_time
            return int(max(1, min(remaining, self.job_monitoring_interval))) + self.heartbeat_grace
        return self.job_monitoring_interval + self.heartbeat_grace

    @contextlib.contextmanager
    def redis_outage_tolerated(self, doing):
        try:
            yield
        except (redis.ConnectionError, redis.TimeoutError) as error:
            self.log.warning("Worker %s: Redis unreachable while %s (%s)", self.name, doing, error)

    def heartbeat(self, timeout=None, pipeline=None):
        if pipeline is not None:  # part of one of rq's transactions
            return super().heartbeat(timeout, pipeline=pipeline)
        with self.redis_outage_tolerated("sending its heartbeat"):
            # One round trip (rq's own heartbeat takes two): whether Redis still knows us, then the heartbeat.
            with self.connection.pipeline(transaction=False) as batch:
                batch.exists(self.key)
                super().heartbeat(timeout, pipeline=batch)
                registered = batch.execute()[0]
            if not registered and self.birth_date is not None:
                # Redis lost our registration (restarted without persistence): register again, over the
                # bare entry the heartbeat just wrote.
                self.log.info("Worker %s: registering again with Redis", self.name)
                self.connection.delete(self.key)
                self.register_birth()

    def check_for_suspension(self, burst):
        with self.redis_outage_tolerated("checking for suspension"):
            super().check_for_suspension(burst)

    def run_maintenance_tasks(self):
        with self.redis_outage_tolerated("cleaning registries"):
            super().run_maintenance_tasks()
            self.enqueue_periodic_jobs()

    def enqueue_periodic_jobs(self):
        """Enqueue settings.JOBS["PERIODIC"], at most once per maintenance interval for all workers."""
        if not self.connection.set(PERIODIC_LOCK_KEY, self.name, nx=True, ex=self.maintenance_interval):
            return
        queue = self.queues[0]
        for path in settings.JOBS["PERIODIC"]:
            self.log.info("Worker %s: enqueueing the periodic job %s", self.name, path)
            queue.enqueue(
                import_string(path),
                result_ttl=settings.JOBS["PERIODIC_RESULT_TTL"],
                failure_ttl=settings.JOBS["FAILURE_TTL"],
            )
