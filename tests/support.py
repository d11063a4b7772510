"""Helpers for tests that drive the project through its real entry points."""

import email
import email.policy
import os
import re
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.db import connection

from project.env import BASE_DIR

MESSAGE_SEPARATOR = "-" * 79


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


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def outbox_to(address):
    """The e-mails the app stored in its outbox for `address`, oldest first."""
    from core.mail.models import OutgoingEmail

    return list(OutgoingEmail.objects.filter(to=address).order_by("pk"))


def link_mailed_to(address):
    """The path of the link in the last e-mail to `address`, for the test client to open."""
    emails = outbox_to(address)
    assert emails, f"no e-mail was stored for {address}"
    return urlsplit(re.search(r"https?://\S+", emails[-1].body_text).group()).path


class SignedAt(signing.TimestampSigner):
    """Signs as if the clock said `when`: makes the link a user was mailed back then."""

    def __init__(self, when, **kwargs):
        super().__init__(**kwargs)
        self.when = when

    def timestamp(self):
        return signing.b62_encode(int(self.when.timestamp()))
