"""What the test suite (tests/) and the benchmarks (bench/) both need around the project: free ports,
polling, gunicorn on loopback, and the check that PostgreSQL and Redis answer, with how to start them.

Plain Python (no pytest, no Django settings), so that the bench can use it too.
"""

import os
import random
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

HOST = "127.0.0.1"
BASE_DIR = Path(__file__).resolve().parent
# How to start the local services (Debian's packages, as in CI: .ci/run).
START_POSTGRES = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
START_REDIS = (
    "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save '' --appendonly no "
    "--dir /var/lib/redis --logfile /var/log/redis/ci.log"
)


class HarnessError(Exception):
    """A process or service did not start or answer; the message says what, and how to fix it."""


# Ports are handed out below Linux's ephemeral range (32768-60999 by default), from which the kernel takes
# the local port of every outgoing connection and of every server bound to port 0. A server stopped and
# started again on a port of that range (a test's Redis restart) could find it taken in between by such a
# socket, or by a client reconnecting to it that the kernel connected to itself (TCP self-connect).
PORTS = range(20000, 32768)


def free_port():
    """A TCP port on loopback that nothing listens on at the moment, outside the ephemeral range."""
    for port in random.sample(PORTS, 200):
        with socket.socket() as probe:
            try:
                probe.bind((HOST, port))
            except OSError:
                continue
            return port
    raise HarnessError(f"No free TCP port between {PORTS.start} and {PORTS.stop - 1} on {HOST}.")


def wait_until(condition, what, timeout=60, interval=0.1, explain=None):
    """Poll `condition()` until it returns something truthy, and return that; raise HarnessError naming
    `what` after `timeout` seconds (with `explain()`, e.g. a worker's log, in the message)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    details = f":\n{explain()}" if explain else ""
    raise HarnessError(f"Gave up after {timeout} s waiting for {what}{details}")


def check_postgres(*, host, port, user=None, password=None, shown_as=None):
    """Raise HarnessError, saying how to start it, unless the PostgreSQL server answers."""
    import psycopg2

    try:
        psycopg2.connect(
            dbname="postgres", host=host, port=port, user=user, password=password, connect_timeout=3
        ).close()
    except psycopg2.OperationalError as error:
        where = f" at {shown_as}" if shown_as else ""
        raise HarnessError(
            f"PostgreSQL{where} is not reachable ({str(error).strip()}). Start it with: {START_POSTGRES}"
        ) from None


def check_redis(url):
    """Raise HarnessError, saying how to start it, unless Redis at `url` answers."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        raise HarnessError(
            f"Redis at {url} is not reachable ({error}). Start it with: {START_REDIS}"
        ) from None


def process_running(pid):
    """Whether `pid` is a live process (a zombie waiting to be reaped counts as ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


class Gunicorn:
    """gunicorn as the Procfile runs it (`<module>.wsgi --workers N --access-logfile -`) on a free
    loopback port; a context manager that returns once every worker is up and the port answers."""

    def __init__(self, wsgi="project.wsgi", *, env, cwd=BASE_DIR, workers=1, log_path=None):
        self.port = free_port()
        self.command = [
            str(Path(sys.executable).parent / "gunicorn"), wsgi, "--bind", f"{HOST}:{self.port}",
            "--workers", str(workers), "--access-logfile", "-",
        ]  # fmt: skip
        self.env, self.cwd, self.workers, self.log_path = env, cwd, workers, log_path
        self.process = None

    def url(self, path):
        return f"http://{HOST}:{self.port}{path}"

    def __enter__(self):
        self.log = open(self.log_path or os.devnull, "w")  # noqa: SIM115 - closed in __exit__
        self.process = subprocess.Popen(
            self.command, env=self.env, cwd=self.cwd, stdout=self.log, stderr=subprocess.STDOUT
        )
        try:
            wait_until(self._ready, f"gunicorn to answer on port {self.port}", timeout=60)
        except HarnessError:
            self.__exit__()
            raise
        return self

    def _ready(self):
        if self.process.poll() is not None:
            raise HarnessError(f"gunicorn exited at start-up{self._log_hint()}")
        return len(self.worker_pids()) == self.workers and self._answers()

    def _answers(self):
        try:
            with socket.create_connection((HOST, self.port), timeout=1):
                return True
        except OSError:
            return False

    def _log_hint(self):
        if not self.log_path:
            return ""
        return f"; see {self.log_path}:\n{Path(self.log_path).read_text()[-3000:]}"

    def worker_pids(self):
        """The worker processes: the children of gunicorn's master."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def worker_rss_mb(self):
        """Resident memory (VmRSS) of each worker, in MiB."""
        sizes = []
        for pid in self.worker_pids():
            status = Path(f"/proc/{pid}/status").read_text()
            kilobytes = int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE).group(1))
            sizes.append(kilobytes / 1024)
        return sizes

    def __exit__(self, *exc_info):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
