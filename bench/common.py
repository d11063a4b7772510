"""What every measurement shares: the environment, servers, the load generator, timing and results.

The bench process never sets Django up: everything measured runs in its own process (gunicorn,
wrk, workers, manage.py), and the few steps taken inside Django go through
`python -m bench.in_django`, so each process is configured by its environment alone.
"""

import http.client
import json
import os
import re
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import asdict, dataclass, field
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

import psycopg2
from psycopg2 import sql

from harness import HOST, Gunicorn, HarnessError, check_postgres, check_redis  # noqa: F401 - sections import Gunicorn from here
from project.env import BASE_DIR

PYTHON = sys.executable
BIN = Path(PYTHON).parent
# Production redirects plain HTTP to HTTPS; the load says it came through a TLS-terminating proxy
# (as the platform's router does), so the settings under test stay exactly production's.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
WRK_SCRIPT = Path(__file__).with_name("status.lua")


class BenchError(HarnessError):
    """A step of the bench failed; the message says which and how to look into it."""


@dataclass
class Row:
    """One figure against its baseline. `ratio` is value / baseline unless given (a median of
    per-round ratios, say); `target` reads like '>= 0.6'."""

    section: str
    name: str
    value: float | None
    unit: str
    baseline_name: str = ""
    baseline: float | None = None
    target: str = ""
    status: str = "measured"
    note: str = ""
    ratio: float | None = field(default=None)
    met: bool | None = field(default=None)

    def __post_init__(self):
        if self.ratio is None and self.value is not None and self.baseline:
            self.ratio = self.value / self.baseline
        if self.ratio is not None and self.target:
            operator, threshold = self.target.split()
            self.met = self.ratio >= float(threshold) if operator == ">=" else self.ratio <= float(threshold)

    def as_dict(self):
        return asdict(self)


def status_label(status):
    """The status of a row whose page did not answer 200, so was not measured."""
    return "missing (404)" if status == HTTPStatus.NOT_FOUND else f"answered {status}, not 200"


@dataclass
class Context:
    """What the sections share: options, the services and the scratch folder of this run."""

    options: object
    postgres_url: str
    redis_url: str
    workdir: Path
    main_database: str

    @property
    def growth_database(self):
        return f"{self.main_database}_growth"

    @property
    def baseline_database(self):
        """The growth database as it was at its smallest size, served beside it as the baseline."""
        return f"{self.main_database}_baseline"

    def database_url(self, name):
        return f"{self.postgres_url.rstrip('/')}/{name}"

    def app_env(self, database_url, **overrides):
        """The environment of every app process: bench.settings (production's) on the bench services."""
        env = {
            **os.environ,
            "ENV_FILE": os.devnull,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
            "ALLOWED_HOSTS": HOST,
            "DATABASE_URL": database_url,
            "REDIS_URL": self.redis_url,
            "EMAIL_URL": "locmem://",
            "BENCH_STATIC_ROOT": str(self.workdir / "static"),
            "PYTHONUNBUFFERED": "1",
            "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        }
        env.update(overrides)
        return {name: value for name, value in env.items() if value is not None}


# --- processes -------------------------------------------------------------------------------


def run(command, *, env, cwd=BASE_DIR, timeout=600, what=None):
    """Run a command to completion; raise BenchError with its output if it fails."""
    try:
        result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BenchError(f"{what or ' '.join(map(str, command))} took more than {timeout} s.") from None
    if result.returncode != 0:
        raise BenchError(
            f"{what or ' '.join(map(str, command))} exited with {result.returncode}:\n"
            f"{result.stdout[-2000:]}{result.stderr[-3000:]}"
        )
    return result


def timed(command, *, env, cwd=BASE_DIR, timeout=600):
    """Wall-clock seconds a command takes from start to exit."""
    started = time.perf_counter()
    run(command, env=env, cwd=cwd, timeout=timeout)
    return time.perf_counter() - started


# --- HTTP: the load generator and a sequential probe ----------------------------------------------


@dataclass
class Load:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    not_2xx: int
    socket_errors: int


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


def parse_wrk(output):
    """Read requests/s, p50/p99 (from --latency), and the non-2xx count from status.lua."""
    try:
        rps = float(re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE).group(1))
        p50 = _milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE).group(1))
        p99 = _milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE).group(1))
        requests = int(re.search(r"^\s+(\d+) requests in", output, re.MULTILINE).group(1))
        not_2xx = int(re.search(r"^not-2xx: (\d+)", output, re.MULTILINE).group(1))
    except AttributeError:
        raise BenchError(f"Could not read wrk's output:\n{output}") from None
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return Load(rps, p50, p99, requests, not_2xx, sum(map(int, errors.groups())) if errors else 0)


def wrk(url, *, duration, connections, threads, headers):
    """Load `url` with wrk for `duration` seconds; wrk's own "Non-2xx or 3xx" misses 3xx, so
    status.lua counts every response outside 200-299."""
    command = [
        "wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "5s", "--latency",
        "-s", str(WRK_SCRIPT),
        *[arg for name, value in headers.items() for arg in ("-H", f"{name}: {value}")], url,
    ]  # fmt: skip
    result = run(command, env=os.environ, timeout=duration + 30, what="wrk")
    return parse_wrk(result.stdout)


def probe(url, *, headers, count):
    """Request `url` `count` times, one after another on one keep-alive connection.

    Returns (statuses, latencies in ms, headers of the last response).
    """
    split = urlsplit(url)
    connection = http.client.HTTPConnection(split.hostname, split.port, timeout=30)
    statuses, latencies, last_headers = [], [], {}
    try:
        for _ in range(count):
            started = time.perf_counter()
            connection.request(
                "GET", split.path + (f"?{split.query}" if split.query else ""), headers=headers
            )
            response = connection.getresponse()
            response.read()
            latencies.append((time.perf_counter() - started) * 1000)
            statuses.append(response.status)
            last_headers = dict(response.getheaders())
    finally:
        connection.close()
    return statuses, latencies, last_headers


# --- PostgreSQL and Redis ------------------------------------------------------------------------


def _admin_connection(postgres_url):
    split = urlsplit(postgres_url)
    connection = psycopg2.connect(
        dbname="postgres",
        user=split.username or None,
        password=split.password or None,
        host=split.hostname,
        port=split.port or 5432,
        connect_timeout=5,
    )
    connection.autocommit = True
    return connection


def create_database(postgres_url, name, template=None):
    """Create `name` afresh (dropping any left-over one), optionally as a copy of `template`."""
    drop_database(postgres_url, name)
    with closing(_admin_connection(postgres_url)) as connection, connection.cursor() as cursor:
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        cursor.execute(statement)


def drop_database(postgres_url, name):
    with closing(_admin_connection(postgres_url)) as connection, connection.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def analyze(database_url):
    """Refresh the planner's statistics after a bulk load, as autovacuum would soon do."""
    connection = psycopg2.connect(database_url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    connection.close()


def in_django(step, *args, env):
    """Run one step of bench.in_django in a process with `env`; returns its JSON answer."""
    result = run(
        [PYTHON, "-m", "bench.in_django", step, *map(str, args)], env=env, what=f"bench.in_django {step}"
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def manage(*args, env, cwd=BASE_DIR, timeout=600):
    return run(
        [PYTHON, "manage.py", *args], env=env, cwd=cwd, timeout=timeout, what=f"manage.py {' '.join(args)}"
    )


def check_services(postgres_url, redis_url):
    """Stop at once, saying how to start it, when PostgreSQL or Redis does not answer."""
    split = urlsplit(postgres_url)
    try:
        check_postgres(
            host=split.hostname,
            port=split.port or 5432,
            user=split.username or None,
            password=split.password or None,
            shown_as=postgres_url,
        )
        check_redis(redis_url)
    except HarnessError as error:
        raise BenchError(str(error)) from None
