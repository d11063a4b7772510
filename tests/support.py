"""Helpers for tests that drive the project through its real entry points, in one module (what the
bench needs too, ports, servers and polling, comes from harness.py and is importable from here)."""

import contextlib
import copy
import email
import email.policy
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import redis
from django.conf import settings
from django.core import signing
from django.db import connection
from django.urls import reverse

from harness import HOST, Gunicorn, free_port, wait_until
from project.env import BASE_DIR

MESSAGE_SEPARATOR = "-" * 79
# Worker options for tests that wait on recovery: a silent job is abandoned after ~6 s, and the worker
# looks for abandoned jobs every second (production values: settings.JOBS; see tests/jobs.py).
FAST_RECOVERY = ("--worker-class", "tests.jobs.FastRecoveryWorker", "--worker-ttl", "16")


def database_url(settings_dict=None):
    """A DATABASE_URL for the database this test process uses (the test database)."""
    db = settings_dict or connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{credentials}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def subprocess_env(**overrides):
    """The environment for a manage.py subprocess: the test services, no .env, testing settings."""
    env = {
        **os.environ,
        "ENV_FILE": os.devnull,
        "DJANGO_SETTINGS_MODULE": "project.settings.testing",
        "DATABASE_URL": database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "PYTHONUNBUFFERED": "1",
        # Set for the browser tests' own process only; a subprocess must keep Django's async checks.
        "DJANGO_ALLOW_ASYNC_UNSAFE": None,
        # The worker's REDIS_URL is passed as it is (project/settings/testing.py would lower it again).
        "PYTEST_XDIST_WORKER": None,
    }
    env.update(overrides)
    return {name: value for name, value in env.items() if value is not None}


class ManagePy:
    """Call as manage("command", "arg", env={...}, input="yes\\n"); returns CompletedProcess."""

    def __init__(self, extra_env=None):
        self.extra_env = extra_env or {}

    def command(self, *args):
        return [sys.executable, str(BASE_DIR / "manage.py"), *args]

    def env(self, env=None):
        return subprocess_env(**{**self.extra_env, **(env or {})})

    def __call__(self, *args, env=None, input=None, timeout=120):
        return subprocess.run(
            self.command(*args),
            env=self.env(env),
            input=input,
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=BASE_DIR,
        )

    def popen(self, *args, env=None, **kwargs):
        return subprocess.Popen(
            self.command(*args),
            env=self.env(env),
            cwd=BASE_DIR,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            **kwargs,
        )


class Mailbox:
    """Reads what Django's file-based mail backend wrote: one file per connection, messages
    separated by a line of 79 dashes."""

    def __init__(self, folder):
        self.folder = Path(folder)

    def messages(self):
        if not self.folder.exists():
            return []
        found = []
        for path in sorted(self.folder.iterdir(), key=lambda p: p.stat().st_mtime):
            for chunk in path.read_text().split(f"\n{MESSAGE_SEPARATOR}\n"):
                if chunk.strip():
                    found.append(email.message_from_string(chunk.strip() + "\n", policy=email.policy.default))
        return found

    def to(self, address):
        return [message for message in self.messages() if address in message["To"]]


def body(message, subtype="plain"):
    return message.get_body(preferencelist=(subtype,)).get_content()


def outbox_to(address):
    """The e-mails the app stored in its outbox for `address`, oldest first."""
    from core.mail.models import OutgoingEmail

    return list(OutgoingEmail.objects.filter(to=address).order_by("pk"))


def first_link(text):
    """The first absolute link in an e-mail's text."""
    found = re.search(r"https?://\S+", text)
    assert found, f"no link in:\n{text}"
    return found.group()


def url_mailed_to(address):
    """The absolute link in the last e-mail stored for `address`, as its reader sees it."""
    emails = outbox_to(address)
    assert emails, f"no e-mail was stored for {address}"
    return first_link(emails[-1].body_text)


def link_mailed_to(address):
    """The path of the link in the last e-mail to `address`, for the test client to open."""
    return urlsplit(url_mailed_to(address)).path


def link_start(url_name, args=1, site="http://testserver"):
    """How an absolute link to `url_name` starts: up to its first argument (a token), if it has `args`."""
    path = reverse(url_name, args=["ARG"] * args)
    return site + (path[: path.index("ARG")] if args else path)


def assert_link_in_text_and_html(email, start):
    """The e-mail carries the link in both its parts, clickable in the HTML one."""
    assert start in email.body_text
    assert f'href="{start}' in email.body_html


def messages_of(response):
    """The flash messages shown on a response's page."""
    return [str(message) for message in response.context["messages"]]


class SignedAt(signing.TimestampSigner):
    """Signs as if the clock said `when`: makes the link a user was mailed back then."""

    def __init__(self, when, **kwargs):
        super().__init__(**kwargs)
        self.when = when

    def timestamp(self):
        return signing.b62_encode(int(self.when.timestamp()))


def token_made_at(generator, user, when):
    """A token of `generator` (Django's password-reset generator or a subclass) made as if the clock
    said `when`: the link a user was mailed back then."""
    clocked = copy.copy(generator)
    clocked._now = lambda: when
    return clocked.make_token(user)


def expired_invite_token(user):
    """The token of an invite mailed eight days ago (INVITE_MAX_AGE is a week)."""
    from core.invites.tokens import INVITE_MAX_AGE, invite_token_generator

    return token_made_at(invite_token_generator, user, datetime.now() - INVITE_MAX_AGE - timedelta(days=1))


class RedisServer:
    """A redis-server of the test's own on a free port (no persistence), to stop and start at will."""

    def __init__(self, folder, *args):
        self.folder = folder
        self.args = args
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://{HOST}:{self.port}/0"

    def client(self, **options):
        return redis.Redis(port=self.port, **options)

    def start(self):
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        command += ["--appendonly", "no", "--dir", str(self.folder), *self.args]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        wait_until(self.answers, f"redis-server on port {self.port} to answer", timeout=10, interval=0.05)

    def answers(self):
        try:
            return self.client(password=self.password, socket_connect_timeout=1).ping()
        except redis.AuthenticationError:
            return True
        except redis.ConnectionError:
            return False

    @property
    def password(self):
        return self.args[self.args.index("--requirepass") + 1] if "--requirepass" in self.args else None

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)  # a paused server cannot act on SIGTERM
            self.process.terminate()
            self.process.wait(timeout=10)

    def pause(self):
        """SIGSTOP: the server hangs, connections are accepted but never answered (a hung Redis)."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)


class WorkerProcess:
    """A long-running `manage.py rqworker default` subprocess; its output goes to a log file."""

    def __init__(self, manage, log_path, *args, env=None):
        self.log_path = log_path
        self.log_file = open(log_path, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            manage.command("rqworker", "default", *args),
            env=manage.env(env),
            cwd=BASE_DIR,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            text=True,
        )

    @property
    def pid(self):
        return self.process.pid

    def log(self):
        return Path(self.log_path).read_text()

    def children(self):
        """The worker's child processes: the work horse running a job, and the scheduler."""
        found = []
        for path in Path(f"/proc/{self.pid}/task").glob("*/children"):
            with contextlib.suppress(FileNotFoundError):
                found += [int(pid) for pid in path.read_text().split()]
        return found

    def kill_everything(self):
        """SIGKILL the worker and its children at once, as when the machine dies."""
        for pid in [self.pid, *self.children()]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        """Warm shutdown (SIGTERM); returns the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill_everything()
        self.log_file.close()
        return self.process.returncode


class SilentSMTPServer:
    """Accepts SMTP connections and never answers: a delivery hangs mid-job until the job is killed."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connections = []
        self.thread = threading.Thread(target=self.accept, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"

    def accept(self):
        with contextlib.suppress(OSError):
            while True:
                client = self.listener.accept()[0]
                self.connections.append(client)
                self.handle(client)

    def handle(self, client):
        """Say nothing."""

    def close(self):
        self.listener.close()
        for client in self.connections:
            client.close()


@contextlib.contextmanager
def gunicorn(manage, env=None):
    """Serve the project with gunicorn on a free port; yields a get(path, host=...) -> (status, body)."""
    with Gunicorn("project.wsgi", env=manage.env(env)) as server:

        def get(path, host=HOST):
            connection = http.client.HTTPConnection(HOST, server.port, timeout=10)
            try:
                connection.request("GET", path, headers={"Host": host})
                response = connection.getresponse()
                return response.status, response.read().decode()
            finally:
                connection.close()

        yield get


class SlowSMTPServer(SilentSMTPServer):
    """A minimal SMTP server that accepts every message, but only `delay` seconds after its data arrived:
    a delivery stays mid-job that long. `data_received` is set when the first message's data arrived."""

    def __init__(self, delay):
        self.delay = delay
        self.messages = []
        self.data_received = threading.Event()
        super().__init__()

    def handle(self, client):
        threading.Thread(target=self.converse, args=(client,), daemon=True).start()

    def converse(self, client):
        with contextlib.suppress(OSError), client, client.makefile("rb") as lines:
            client.sendall(b"220 slow.test ESMTP\r\n")
            for line in lines:
                command = line[:4].upper()
                if command == b"DATA":
                    client.sendall(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    data = b"".join(iter(lines.readline, b".\r\n"))
                    self.data_received.set()
                    time.sleep(self.delay)
                    self.messages.append(email.message_from_bytes(data, policy=email.policy.default))
                    client.sendall(b"250 Accepted\r\n")
                elif command == b"QUIT":
                    client.sendall(b"221 Bye\r\n")
                    return
                else:  # EHLO, MAIL, RCPT, RSET, NOOP
                    client.sendall(b"250 slow.test\r\n")
