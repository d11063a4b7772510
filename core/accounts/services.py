"""The rules of a person's own account: registering without telling anyone which addresses have an
account, confirming the address, and changing it only through a link mailed to the new one."""

from django.db import IntegrityError, transaction

from core.accounts import emails
from core.accounts.models import User
from core.accounts.throttle import TOO_MANY_LINKS, may_mail
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
