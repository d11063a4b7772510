"""The rules of a person's own account: registering without telling anyone which addresses have an
account, confirming the address, changing it only through a link mailed to the new one, and the
self-service pages (name, deleting the account, a copy of one's data)."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from core import jobs
from core.accounts import emails
from core.accounts.models import User
from core.accounts.tasks import send_password_reset
from core.accounts.throttle import TOO_MANY_LINKS, may_mail
from core.adminarea.services import administrators
from core.mail.models import OutgoingEmail
from core.mail.outbox import send_email
from core.services import ServiceError


def register_user(*, email, first_name, last_name, password, site_url):
    """Create an unconfirmed account and mail its confirmation link. If the address has an account,
    its owner is told by e-mail instead: the caller's answer must be the same either way. Either e-mail
    counts towards the address's MAILED_LINKS_PER_HOUR."""
    may_send = may_mail("register", email)
    try:
        with transaction.atomic():
            user = User.objects.create_user(email, password, first_name=first_name, last_name=last_name)
            if may_send:  # else the owner asks for a new link once logged in
                emails.send_confirmation_email(user=user, site_url=site_url)
    except IntegrityError:  # the address has an account (or got one a moment ago)
        owner = User.objects.with_email(email).first()
        if owner is not None and may_send:
            emails.send_account_exists_email(user=owner, site_url=site_url)


def resend_confirmation(*, user, site_url):
    """Mail a fresh confirmation link, at most MAILED_LINKS_PER_HOUR an hour."""
    if user.confirmed:
        raise ServiceError("Your account is already confirmed.", code="already_confirmed")
    if not may_mail("confirmation", user.email):
        raise ServiceError(TOO_MANY_LINKS, code="too_many_links")
    emails.send_confirmation_email(user=user, site_url=site_url)


def request_password_reset(*, email, site_url):
    """Hand the whole reset to a worker: the request costs the same whether or not `email` has an
    account (core/accounts/tasks.py)."""
    email = User.objects.normalize_email(email)
    job = jobs.enqueue_now(send_password_reset, email, site_url)
    if job is None and not settings.JOBS_RUN_INLINE:
        # Redis is unreachable: send from here rather than lose the request (the outbox keeps the
        # e-mail until Redis is back). Only then does a known address cost more.
        send_password_reset(email, site_url)


def confirm_account(*, user):
    user.confirmed = True
    user.save(update_fields=["confirmed"])
    return user


def request_email_change(*, user, new_email, site_url):
    """Mail a link to the new address; the address changes only when its owner opens it. If another
    account has the address, its owner is told instead: the caller's answer is the same either way.
    At most MAILED_LINKS_PER_HOUR to one address, and from one account."""
    if not may_mail("change_email", new_email):
        raise ServiceError(TOO_MANY_LINKS, code="too_many_links")
    if not may_mail("change_email_from", str(user.pk)):
        raise ServiceError(
            "You asked for several links in the last hour. Check the inboxes you named, or try again later.",
            code="too_many_links",
        )
    owner = User.objects.with_email(new_email).exclude(pk=user.pk).first()
    if owner is not None:
        emails.send_email_in_use_email(user=owner, site_url=site_url)
    else:
        emails.send_email_change_email(user=user, new_email=new_email, site_url=site_url)


def apply_email_change(*, user, new_email):
    """Give `user` the address their mailed link was for, unless another account took it meanwhile."""
    new_email = User.objects.normalize_email(new_email)
    if User.objects.with_email(new_email).exclude(pk=user.pk).exists():
        raise ServiceError("Another account uses this e-mail address.", code="email_taken")
    user.email = new_email
    user.email_changed_at = timezone.now()  # spends every other change link mailed so far
    user.save(update_fields=["email", "email_changed_at"])
    return user


def update_profile(*, user, first_name, last_name):
    """A person's own name; nothing else about the account changes here."""
    user.first_name, user.last_name = first_name, last_name
    user.save(update_fields=["first_name", "last_name"])
    return user


@transaction.atomic
def delete_own_account(*, user, password):
    """Delete `user` after they typed their password, unless they are the last administrator.

    Every session of the account ends with it: Django finds no user behind them on their next request.
    The address is told, so a stolen session cannot delete an account unnoticed."""
    if not user.check_password(password):
        raise ServiceError("The password is not correct.", code="wrong_password")
    # Lock the administrators' rows so that the last two cannot both delete themselves at once.
    remaining = list(administrators().select_for_update().values_list("pk", flat=True))
    if remaining == [user.pk]:
        raise ServiceError(
            "You are the last administrator: make someone else an administrator before you delete "
            "your account.",
            code="last_administrator",
        )
    send_email(user.email, "account_deleted", {"user": user})
    user.delete()


def export_personal_data(*, user):
    """Everything the app keeps about `user`, as plain values ready for JSON."""
    emails_sent = OutgoingEmail.objects.filter(to=user.email).order_by("created_at")
    return {
        "profile": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "confirmed": user.confirmed,
            "two_factor": hasattr(user, "totp_device"),
        },
        "role": user.role.name,
        "dates": {
            "joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "emails": [
            {
                "subject": email.subject,
                "created_at": email.created_at.isoformat(),
                "sent_at": email.sent_at.isoformat() if email.sent_at else None,
                "text": email.body_text,
            }
            for email in emails_sent
        ],
    }
