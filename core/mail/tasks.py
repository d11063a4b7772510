"""Jobs the worker runs for the outbox: deliver one e-mail, and sweep up those never handed over."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_rq import get_connection
from rq import Retry
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus

from core import jobs
from core.mail.models import OutgoingEmail

# A failed delivery (SMTP down) is tried again after 1, 5, 15, 60 minutes and 6 hours; after the last
# attempt it stays in rq's failed registry, with its traceback, for an administrator to requeue.
RETRY_INTERVALS = [60, 300, 900, 3600, 6 * 3600]
# A job still waiting, running or scheduled for a retry is left alone by the sweep.
LIVE_JOB_STATUSES = {JobStatus.QUEUED, JobStatus.STARTED, JobStatus.SCHEDULED, JobStatus.DEFERRED}


def delivery_job_id(email_id):
    """One job id per e-mail, so that the sweep can see whether its job is still alive."""
    return f"deliver-email-{email_id}"


def enqueue_delivery(email_id, *, on_commit=True):
    """Hand deliver_email(email_id) to a worker, with the retry policy above."""
    options = {
        "job_id": delivery_job_id(email_id),
        "retry": Retry(max=len(RETRY_INTERVALS), interval=RETRY_INTERVALS),
    }
    if on_commit:
        jobs.enqueue_on_commit(deliver_email, email_id, **options)
        return None
    return jobs.enqueue_now(deliver_email, email_id, **options)


def deliver_email(email_id):
    """Send one stored e-mail unless it was sent already; record the attempt either way."""
    failure = None
    with transaction.atomic():
        # skip_locked: a second worker holding the same job leaves it to the first.
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, sent_at=None)
            .first()
        )
        if email is None:
            return "already sent"
        message = EmailMultiAlternatives(email.subject, email.body_text, to=[email.to])
        if email.body_html:
            message.attach_alternative(email.body_html, "text/html")
        email.attempts += 1
        try:
            message.send()
        except Exception as error:  # noqa: BLE001 - recorded here, re-raised for rq below
            failure = error
            email.last_error = f"{type(error).__name__}: {error}"
        else:
            email.sent_at = timezone.now()
            email.last_error = ""
        email.save(update_fields=["attempts", "sent_at", "last_error"])
    if failure is not None:
        raise failure
    return "sent"


@dataclass
class SweepReport:
    """What a sweep enqueued, and how many unsent e-mails it left alone for each reason."""

    enqueued: int = 0
    fresh: int = 0  # younger than JOBS["SWEEP_GRACE"]: the job enqueued when they were stored is on its way
    live: int = 0  # their job is still queued, running or waiting for a retry
    given_up: int = 0  # every attempt failed; rq's failed registry holds the last one, for a requeue


def enqueue_pending_emails(*, include_fresh=False):
    """The sweep: enqueue every unsent e-mail that has no live job and attempts left.

    Catches e-mails stored while Redis was down, and jobs lost with their Redis. Safe to run
    any time: deliver_email skips what is sent, and a live job is never doubled. E-mails younger
    than the sweep's grace are left to their own job unless `include_fresh`.
    """
    report = SweepReport()
    unsent = OutgoingEmail.objects.filter(sent_at=None)
    with_attempts_left = Q(attempts__lte=len(RETRY_INTERVALS))
    if not include_fresh:
        cutoff = timezone.now() - timedelta(seconds=settings.JOBS["SWEEP_GRACE"])
        report.fresh = unsent.filter(with_attempts_left, created_at__gt=cutoff).count()
        unsent = unsent.filter(created_at__lte=cutoff)
    report.given_up = OutgoingEmail.objects.filter(~with_attempts_left, sent_at=None).count()
    connection = None if settings.JOBS_RUN_INLINE else get_connection("default")
    for email_id in unsent.filter(with_attempts_left).values_list("pk", flat=True).iterator():
        if has_live_job(email_id, connection):
            report.live += 1
        else:
            enqueue_delivery(email_id, on_commit=False)
            report.enqueued += 1
    return report


def has_live_job(email_id, connection):
    """Whether the e-mail's delivery job is queued, running or waiting for a retry (never, inline)."""
    if connection is None:
        return False
    try:
        job = Job.fetch(delivery_job_id(email_id), connection=connection)
    except NoSuchJobError:
        return False
    return job.get_status(refresh=False) in LIVE_JOB_STATUSES
