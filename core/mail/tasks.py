"""Jobs the worker runs for the outbox."""

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from core.mail.models import OutgoingEmail


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
