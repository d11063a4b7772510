"""Shared fixtures. The suite runs against the real PostgreSQL and Redis named by DATABASE_URL and
REDIS_URL (`make test` points them at the local services) and fails at once if either is down."""

import os

import pytest
import redis
from django.conf import settings

from harness import HarnessError, check_postgres, check_redis
from tests.factories import AdminFactory
from tests.support import Mailbox, ManagePy, RedisServer, WorkerProcess, free_port

# The browser suite's accessibility report, gathered across pytest-xdist's workers.
pytest_plugins = ["tests.browser.report"]


def pytest_sessionstart(session):
    """Fail the run, saying how to start it, when a service is missing: nothing is skipped."""
    database = settings.DATABASES["default"]
    try:
        check_postgres(
            host=database.get("HOST") or None,
            port=database.get("PORT") or None,
            user=database.get("USER") or None,
            password=database.get("PASSWORD") or None,
        )
        check_redis(settings.REDIS_URL)
    except HarnessError as error:
        pytest.exit(str(error), returncode=3)


# Fixtures that start a process of their own: manage.py (and through it a worker or a server), a
# redis-server, the browser tests' live server, the docs tests' project copy (make run, shell blocks).
# Tests that start one without them are marked by hand.
PROCESS_FIXTURES = {"manage", "worker", "start_worker", "private_redis", "live_server", "project_copy"}


def pytest_collection_modifyitems(items):
    """Mark what `make test-fast` leaves out (the markers are listed in pyproject.toml)."""
    for item in items:
        if PROCESS_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.process)
        if item.path.name == "test_bench.py":
            item.add_marker(pytest.mark.bench)


@pytest.fixture
def administrator(db):
    return AdminFactory(email="boss@example.com", first_name="Grace", last_name="Hopper")


@pytest.fixture
def admin_client(client, administrator):
    """A test client signed in as `administrator`; overrides pytest-django's admin_client, whose
    admin_user does not fit an e-mail login."""
    client.force_login(administrator)
    return client


@pytest.fixture
def jobs_inline(settings):
    """Jobs run in the request, as in development without Redis: a test reads their mail at once."""
    settings.JOBS_RUN_INLINE = True


@pytest.fixture
def redis_db():
    """The test Redis database, emptied before the test (only that database number is touched)."""
    connection = redis.Redis.from_url(settings.REDIS_URL)
    connection.flushdb()
    yield connection
    connection.flushdb()
    connection.close()


@pytest.fixture
def mailbox(tmp_path):
    """A folder a worker subprocess delivers e-mail into (EMAIL_URL=file://...), and a reader for it."""
    return Mailbox(tmp_path / "mail")


@pytest.fixture
def manage(tmp_path, mailbox):
    """Run `python manage.py ...` in a subprocess against the test database, as a user would."""
    return ManagePy(extra_env={"EMAIL_URL": f"file://{mailbox.folder}"})


@pytest.fixture
def worker(manage, redis_db, transactional_db):
    """Run a real worker in burst mode on the "default" queue: it drains the queue and exits."""

    def run_burst(*args, env=None, timeout=60):
        result = manage("rqworker", "default", "--burst", *args, env=env, timeout=timeout)
        assert result.returncode == 0, result.stderr
        return result

    return run_burst


@pytest.fixture
def start_worker(manage, tmp_path, redis_db, transactional_db):
    """Start real long-running workers: start_worker("--without-scheduler", env={...}).

    Each is stopped with SIGTERM (warm shutdown) at the end of the test if still running.
    """
    started = []

    def start(*args, env=None):
        worker = WorkerProcess(manage, tmp_path / f"worker-{len(started)}.log", *args, env=env)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


@pytest.fixture
def smtp_down():
    """An EMAIL_URL whose SMTP server refuses connections (nothing listens on the port)."""
    return f"smtp://127.0.0.1:{free_port()}"


@pytest.fixture
def private_redis(tmp_path):
    """A redis-server of the test's own, started; the test may stop() and start() it again."""
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _no_env_file(monkeypatch):
    """Tests never read the developer's .env; those that need one write their own."""
    monkeypatch.setenv("ENV_FILE", os.devnull)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache (the mailed-link counters live there)."""
    from django.core.cache import cache

    cache.clear()
