"""The rules of a person's own account: registering without telling anyone which addresses have an
account, confirming the address, changing it only through a link mailed to the new one, and the
self-service pages (name, deleting the account, a copy of one's data)."""

from django.db import IntegrityError, transaction

from core.accounts import emails
from core.accounts.models import User
from core.accounts.throttle import TOO_MANY_LINKS, may_mail
from core.adminarea.services import administrators
from core.mail.models import OutgoingEmail
from core.mail.outbox import send_email
from core.services import ServiceError


def register_user(*, email, first_name, last_name, password, site_url):
    """Create an unconfirmed account and mail its confirmation link. If the address has an account,
    its owner is told by e-mail instead: the caller's answer must be the same either way."""
    try:
        with transaction.atomic():
            user = User.objects.create_user(email, password, first_name=first_name, last_name=last_name)
            emails.send_confirmation_email(user=user, site_url=site_url)
    except IntegrityError:  # the address has an account (or got one a moment ago)
        owner = User.objects.with_email(email).first()
        if owner is not None and may_mail("account_exists", email):
            emails.send_account_exists_email(user=owner, site_url=site_url)


def resend_confirmation(*, user, site_url):
    """Mail a fresh confirmation link, at most MAILED_LINKS_PER_HOUR an hour."""
    if user.confirmed:
        raise ServiceError("Your account is already confirmed.", code="already_confirmed")
    if not may_mail("confirmation", user.email):
        raise ServiceError(TOO_MANY_LINKS, code="too_many_links")
    emails.send_confirmation_email(user=user, site_url=site_url)


def confirm_account(*, user):
    user.confirmed = True
    user.save(update_fields=["confirmed"])
    return user


def request_email_change(*, user, new_email, site_url):
    """Mail a link to the new address; the address changes only when its owner opens it."""
    emails.send_email_change_email(user=user, new_email=new_email, site_url=site_url)


def apply_email_change(*, user, new_email):
    """Give `user` the address their mailed link was for, unless another account took it meanwhile."""
    new_email = User.objects.normalize_email(new_email)
    if User.objects.with_email(new_email).exclude(pk=user.pk).exists():
        raise ServiceError("Another account uses this e-mail address.", code="email_taken")
    user.email = new_email
    user.save(update_fields=["email"])
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
