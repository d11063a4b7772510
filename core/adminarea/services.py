"""The rules that keep the site administrable, in one place: an administrator cannot demote or
delete themselves, the last administrator cannot be removed, and nobody changes another
administrator's e-mail (with it, a password reset would take over their account). An e-mail an
administrator types changes only once the new address's owner opens the link mailed to it (else
demoting an administrator, changing their e-mail and promoting them back takes their account over),
and the old address is told at once."""

from django.conf import settings
from django.db import transaction
from django.db.models import F

from core.accounts.emails import send_email_change_email
from core.audit.services import Action, record_admin_action, record_user_changes
from core.mail.outbox import send_email
from core.models import Role, RolePermission, User
from core.services import ServiceError


def administrator_roles():
    """Roles that grant every permission of ADMINISTER (a subquery, not a list)."""
    granted = F("permissions").bitand(int(RolePermission.ADMINISTER))
    return Role.objects.alias(granted=granted).filter(granted=int(RolePermission.ADMINISTER))


def administrators():
    return User.objects.filter(role__in=administrator_roles(), is_active=True)


def _refuse_losing_an_administrator(actor, user, verb):
    if user.pk == actor.pk:
        raise ServiceError(
            f"You cannot {verb} your own account; ask another administrator.", code="own_account"
        )
    # Lock the administrators' rows so that two administrators removing each other at the same
    # moment cannot both succeed.
    remaining = list(administrators().select_for_update().values_list("pk", flat=True))
    if user.pk in remaining and len(remaining) == 1:
        raise ServiceError(
            f"{user} is the last administrator and cannot be removed.", code="last_administrator"
        )
    if actor.pk not in remaining:
        raise ServiceError("Your account is no longer an administrator.", code="not_administrator")


@transaction.atomic
def create_user(*, email, first_name, last_name, role, password):
    """An account made by an administrator, who vouches for the address they typed: confirmed."""
    return User.objects.create_user(
        email, password, first_name=first_name, last_name=last_name, role=role, confirmed=True
    )


@transaction.atomic
def update_user(*, actor, user, site_url=None, first_name=None, last_name=None, role=None, email=None):
    """Change the given fields of `user` (None leaves one as stored), unless the change takes away an
    administrator the rules keep or another administrator's address. A new e-mail is only asked for:
    a link goes to it (made absolute against `site_url`, default SITE_URL), and `user.email` stays."""
    stored = User.objects.select_related("role").get(pk=user.pk)
    changes = {"first_name": first_name, "last_name": last_name, "role": role, "email": email}
    changes = {name: value for name, value in changes.items() if value is not None}
    if "email" in changes:
        changes["email"] = User.objects.normalize_email(changes["email"])
    was_admin = stored.is_admin
    if was_admin and not changes.get("role", stored.role).grants(RolePermission.ADMINISTER):
        _refuse_losing_an_administrator(actor, user, "remove the administrator role from")
    new_email = changes.pop("email", stored.email)
    email_changed = new_email != stored.email
    if was_admin and user.pk != actor.pk and email_changed:
        raise ServiceError(
            "Administrators change their own email address, from their account page.", code="admin_email"
        )
    for name, value in changes.items():
        setattr(user, name, value)
    user.email = stored.email
    user.save(update_fields=list(changes))
    record_user_changes(actor=actor, before=stored, after=user)
    if email_changed:
        _ask_for_email_change(actor=actor, user=user, new_email=new_email, site_url=site_url)
    return user


def _ask_for_email_change(*, actor, user, new_email, site_url):
    """Mail the confirmation link to the new address, and tell the old one at once: a changed address is
    how an account is taken over."""
    site_url = site_url or settings.SITE_URL
    if not site_url:
        raise ValueError("update_user() needs site_url to mail a link when SITE_URL is not set")
    send_email_change_email(user=user, new_email=new_email, site_url=site_url, by=actor)
    record_admin_action(
        actor=actor,
        action=Action.EMAIL_CHANGED,
        target=user,
        detail=f"{user.email} → {new_email} (once the new address confirms)",
    )
    send_email(user.email, "email_changed_by_admin", {"user": user, "new_email": new_email, "by": actor})


@transaction.atomic
def delete_user(*, actor, user):
    if user.is_admin or user.pk == actor.pk:
        _refuse_losing_an_administrator(actor, user, "delete")
    record_admin_action(actor=actor, action=Action.USER_DELETED, target=user, detail=str(user))
    user.delete()
