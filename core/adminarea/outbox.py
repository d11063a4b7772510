"""The outbox page: every stored email with its delivery status, and sending one again."""

from django.conf import settings
from django.db.models import Case, Q, Value, When

from core.mail.models import OutgoingEmail
from core.services import ServiceError

# status -> the emails that have it. "failed": tried and not delivered (a retry may still be waiting).
STATUSES = {
    "pending": Q(sent_at=None, attempts=0),
    "sent": Q(sent_at__isnull=False),
    "failed": Q(sent_at=None, attempts__gt=0),
}


def emails_with_status(status=None):
    """Every stored email, newest first, annotated with `status`; only those of `status` if given."""
    emails = OutgoingEmail.objects.annotate(
        status=Case(*(When(condition, then=Value(name)) for name, condition in STATUSES.items()))
    ).order_by("-created_at", "-pk")
    return emails.filter(STATUSES[status]) if status else emails


def resend_email(*, email_id):
    """Hand an unsent email to a worker again now, with a fresh retry policy.

    Its old job (failed, or waiting for a retry) is deleted first, so it is delivered once and the failed
    list does not keep a stale entry. Refuses an email already sent or being sent at this moment.
    """
    from core.mail import tasks  # imports rq: only when an administrator asks

    email = OutgoingEmail.objects.filter(pk=email_id).first()
    if email is None:
        raise ServiceError("There is no such email in the outbox.", code="not_found")
    if email.sent_at is not None:
        raise ServiceError(f"The email to {email.to} was sent already.", code="already_sent")
    if not settings.JOBS_RUN_INLINE:
        from core.adminarea import jobqueues

        if not jobqueues.discard_job(tasks.delivery_job_id(email.pk)):
            raise ServiceError(f"The email to {email.to} is being sent right now.", code="sending")
    tasks.enqueue_delivery(email.pk)
    return email
