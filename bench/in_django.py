"""The steps the bench takes inside Django, each in a process configured by its environment.

    python -m bench.in_django session                 # roles + an administrator; prints his session cookie
    python -m bench.in_django queries COOKIE PATH...  # queries and status per request of each path
    python -m bench.in_django enqueue-emails N        # N e-mails through core.mail.outbox.send_email
    python -m bench.in_django emails-sent             # how many were sent; first enqueue to last send

Each prints one JSON object on stdout.
"""

import json
import os
import sys
import time

ADMIN_EMAIL = "bench-admin@example.com"


def session():
    """A signed-in administrator: a session row holding the keys django.contrib.auth reads."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from core.models import Role, TOTPDevice, User
    from core.twofactor.services import new_secret

    Role.insert_roles()
    admin, _ = User.objects.ensure_administrator(ADMIN_EMAIL, "bench-password-not-for-production")
    # Production settings require two-factor of administrators: this one has set it up.
    TOTPDevice.objects.get_or_create(user=admin, defaults={"secret": new_secret()})
    store = SessionStore()
    store[SESSION_KEY] = str(admin.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    store[HASH_SESSION_KEY] = admin.get_session_auth_hash()
    store.create()
    return {"cookie": f"{settings.SESSION_COOKIE_NAME}={store.session_key}"}


def queries(cookie, *paths):
    """Count the queries of one request to each path, after one warm-up request (as a served page
    would be: connection open, content types cached)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(headers={"Cookie": cookie}, SERVER_NAME="127.0.0.1")
    counted = {}
    for path in paths:
        client.get(path, secure=True)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path, secure=True)
        counted[path] = {"status": response.status_code, "queries": len(captured)}
    return counted


def enqueue_emails(number):
    """Send `number` e-mails through the outbox, after deleting the e-mails of an earlier step."""
    from core.mail.models import OutgoingEmail
    from core.mail.outbox import send_email

    OutgoingEmail.objects.all().delete()
    context = {
        "user": {"first_name": "Ada", "email": "ada@example.org"},
        "link": "https://example.org/confirm/x",
        "expires_in": "3 days",
    }
    started = time.perf_counter()
    for index in range(int(number)):
        send_email(f"reader{index}@example.org", "confirm_account", context)
    return {"enqueued": int(number), "seconds": time.perf_counter() - started}


def emails_sent():
    from django.db.models import Max, Min

    from core.mail.models import OutgoingEmail

    emails = OutgoingEmail.objects.all()
    span = emails.aggregate(first=Min("created_at"), last=Max("sent_at"))
    seconds = (span["last"] - span["first"]).total_seconds() if span["last"] else None
    return {
        "sent": emails.exclude(sent_at=None).count(),
        "unsent": emails.filter(sent_at=None).count(),
        "seconds": seconds,
    }


STEPS = {"session": session, "queries": queries, "enqueue-emails": enqueue_emails, "emails-sent": emails_sent}


def main(step, *args):
    import django

    from project.env import load_env_file

    load_env_file()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    print(json.dumps(STEPS[step](*args)))


if __name__ == "__main__":
    main(*sys.argv[1:])
