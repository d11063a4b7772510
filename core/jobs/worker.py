"""The worker class `manage.py rqworker` runs: rq's forking Worker, tuned so that no job is lost.

- Its timings come from settings.JOBS (read here, so the command adds nothing to django-rq's).
- A job whose worker died (SIGKILL, lost machine) is noticed within HEARTBEAT_INTERVAL + grace
  instead of rq's fixed 60-second margin, and picked up at the next maintenance pass.
- Maintenance (cleaning registries, the periodic jobs in settings.JOBS["PERIODIC"]) runs every
  MAINTENANCE_INTERVAL; the periodic jobs are enqueued once per interval across all workers.
- Redis going away (stopped, restarted, hung past the socket timeout) at any point of the loop does not
  end the worker: each step waits for the next pass, and an idle worker retries at most
  RECONNECT_MAX_WAIT apart (rq doubles up to 60 s). Plain rq quits, with status 0, on the first
  Redis error outside its wait for a job.
- Any other error that ends rq's loop ends the command with a failure status (rq returns as if done),
  so a supervisor that restarts on failure restarts it.
- The scheduler process ends with its worker, releasing its lock (rq's lives on after a SIGKILL of
  the worker, holding the lock, so no new worker could run one).
- The worker registers again when Redis forgot it (restarted without persistence), so it stays
  visible in the dashboard and to /health/ready.

Imported only by worker processes (RQ["WORKER_CLASS"]), so it may import rq and redis at the top.
"""

import contextlib
import ctypes
import os
import signal
import sys
import time

import redis
from django.conf import settings
from django.utils.module_loading import import_string
from rq import Worker as RQWorker
from rq.defaults import DEFAULT_LOGGING_DATE_FORMAT, DEFAULT_LOGGING_FORMAT
from rq.exceptions import StopRequested
from rq.scheduler import RQScheduler

PERIODIC_LOCK_KEY = "django-base:jobs:periodic-lock"
# What a Redis that went away raises; anything else is a real error.
REDIS_OUTAGES = (redis.ConnectionError, redis.TimeoutError)


class WorkerStopped(Exception):
    """rq's work loop ended on an error (it logged the traceback)."""


class Worker(RQWorker):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("worker_ttl", settings.JOBS["WORKER_TTL"])
        kwargs.setdefault("job_monitoring_interval", settings.JOBS["HEARTBEAT_INTERVAL"])
        kwargs.setdefault("maintenance_interval", settings.JOBS["MAINTENANCE_INTERVAL"])
        super().__init__(*args, **kwargs)
        self.max_connection_wait_time = settings.JOBS["RECONNECT_MAX_WAIT"]
        self.stopped_by = None

    def work(self, *args, **kwargs):
        worked = super().work(*args, **kwargs)
        if self.stopped_by is not None:
            raise WorkerStopped(
                f"The worker stopped after an error: {type(self.stopped_by).__name__}: {self.stopped_by}"
            ) from self.stopped_by
        return worked

    # Surviving Redis outages, and remembering other errors ---------------------------------------------

    @contextlib.contextmanager
    def loop_step(self, doing):
        """Outlive a Redis outage in this step of the loop; remember any other error, which ends it."""
        try:
            yield
        except REDIS_OUTAGES as error:
            self.log.warning("Worker %s: Redis unreachable while %s (%s)", self.name, doing, error)
        except StopRequested:
            raise
        except Exception as error:
            self.stopped_by = error
            raise

    def check_for_suspension(self, burst):
        with self.loop_step("checking for suspension"):
            super().check_for_suspension(burst)

    def run_maintenance_tasks(self):
        with self.loop_step("cleaning registries"):
            super().run_maintenance_tasks()
            self.enqueue_periodic_jobs()

    def dequeue_job_and_maintain_ttl(self, timeout, max_idle_time=None):
        """rq retries a refused connection here; also retry what it lets through (a hung Redis)."""
        wait = 1
        while True:
            with self.loop_step("waiting for a job"):
                return super().dequeue_job_and_maintain_ttl(timeout, max_idle_time)
            time.sleep(wait)
            wait = min(wait * 2, self.max_connection_wait_time)

    def execute_job(self, job, queue):
        with self.loop_step(f"running the job {job.id}"):
            try:
                super().execute_job(job, queue)
            finally:
                if self.horse_pid:  # the error came while the job still ran: let it end first
                    self.wait_for_horse()
                    self._horse_pid = 0

    def heartbeat(self, timeout=None, pipeline=None):
        if pipeline is not None:  # part of one of rq's transactions
            return super().heartbeat(timeout, pipeline=pipeline)
        with self.loop_step("sending its heartbeat"):
            # One round trip (rq's own heartbeat takes two): whether Redis still lists us, then the heartbeat.
            # Not whether our key exists: after a restart, the bookkeeping of a job that ran through the
            # outage (its heartbeats, working time, counters) writes a bare entry under it first.
            with self.connection.pipeline(transaction=False) as batch:
                batch.hexists(self.key, "birth")
                batch.sismember(self.redis_workers_keys, self.key)
                super().heartbeat(timeout, pipeline=batch)
                born, listed = batch.execute()[:2]
            if not (born and listed) and self.birth_date is not None:
                # Redis lost our registration (restarted without persistence): register again, over the
                # bare entry the heartbeat just wrote.
                self.log.info("Worker %s: registering again with Redis", self.name)
                self.connection.delete(self.key)
                self.register_birth()

    # Bookkeeping while a job runs or the worker stops: Redis may be away, the job goes on.

    def maintain_heartbeats(self, job):
        with self.tolerated("sending the job's heartbeat"):
            super().maintain_heartbeats(job)

    def set_current_job_working_time(self, current_job_working_time, pipeline=None):
        if pipeline is not None:
            return super().set_current_job_working_time(current_job_working_time, pipeline=pipeline)
        with self.tolerated("recording the job's working time"):
            super().set_current_job_working_time(current_job_working_time)

    def set_state(self, state, pipeline=None):
        if pipeline is not None:
            return super().set_state(state, pipeline=pipeline)
        with self.tolerated(f"recording its state ({state})"):
            super().set_state(state)

    def set_shutdown_requested_date(self):
        with self.tolerated("recording the shutdown request"):
            super().set_shutdown_requested_date()

    def teardown(self):
        # Stopping anyway: whatever Redis answers, the process ends (and says why, in work()).
        with self.tolerated("unregistering", errors=redis.RedisError):
            super().teardown()

    @contextlib.contextmanager
    def tolerated(self, doing, errors=REDIS_OUTAGES):
        try:
            yield
        except errors as error:
            self.log.warning("Worker %s: Redis failed while %s (%s)", self.name, doing, error)

    # Timings ----------------------------------------------------------------------------------------

    @property
    def heartbeat_grace(self):
        """How late a heartbeat may be before the job counts as abandoned (rq's own margin is 60 s)."""
        return max(5, self.job_monitoring_interval)

    def get_heartbeat_ttl(self, job):
        if job.timeout and job.timeout > 0:
            remaining = job.timeout - self.current_job_working_time
            return int(max(1, min(remaining, self.job_monitoring_interval))) + self.heartbeat_grace
        return self.job_monitoring_interval + self.heartbeat_grace

    # The scheduler and the periodic jobs --------------------------------------------------------------

    def _start_scheduler(
        self,
        burst=False,
        logging_level="INFO",
        date_format=DEFAULT_LOGGING_DATE_FORMAT,
        log_format=DEFAULT_LOGGING_FORMAT,
    ):
        """rq's, but the scheduler process ends with this one (rq has no setting for its class)."""
        if burst:  # enqueues what is due in this process, and forks nothing
            return super()._start_scheduler(burst, logging_level, date_format, log_format)
        self.scheduler = ParentBoundScheduler(
            self.queues,
            connection=self.connection,
            logging_level=logging_level if logging_level is not None else self.log.level,
            date_format=date_format,
            log_format=log_format,
            serializer=self.serializer,
        )
        self.scheduler.acquire_locks()
        if self.scheduler.acquired_locks:
            self.scheduler.start()
        return None

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


class ParentBoundScheduler(RQScheduler):
    """rq's scheduler process, ending with the worker that forked it and releasing its lock.

    rq's own lives on after its worker is SIGKILLed, holding the scheduler lock, so a new worker can
    never run a scheduler. Linux tells this one at once (PR_SET_PDEATHSIG); elsewhere it notices
    within a second, when its parent process changes.
    """

    def start(self):
        self.worker_pid = os.getpid()  # read in the forked process
        return super().start()

    def _install_signal_handlers(self):
        super()._install_signal_handlers()  # SIGTERM: stop after this pass, releasing the lock
        signal_on_parent_death(signal.SIGTERM)

    def heartbeat(self):
        if os.getppid() != self.worker_pid:
            self.log.warning("Scheduler: its worker (PID %s) is gone, stopping", self.worker_pid)
            self.request_stop()
        super().heartbeat()


PR_SET_PDEATHSIG = 1


def signal_on_parent_death(signum):
    """Ask Linux to send `signum` to this process when its parent dies (does nothing elsewhere)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signum, 0, 0, 0)
