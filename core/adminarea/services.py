"""The rules that keep the site administrable, in one place: an administrator cannot demote or
delete themselves, the last administrator cannot be removed, and nobody changes another
administrator's e-mail (with it, a password reset would take over their account), and whenever an
administrator changes someone's e-mail the old address is told."""

from django.db import transaction
from django.db.models import F

from core.audit.services import Action, record_admin_action, record_user_changes
from core.mail.outbox import send_email
from core.models import Permission, Role, User


class AdministrationRefused(Exception):
    """A change the rules forbid; the message says why, for the person who asked."""

    def __init__(self, message, field="role"):
        super().__init__(message)
        self.field = field  # the form field the refusal is about


def administrator_roles():
    """Roles that grant every permission of ADMINISTER (a subquery, not a list)."""
    granted = F("permissions").bitand(int(Permission.ADMINISTER))
    return Role.objects.alias(granted=granted).filter(granted=int(Permission.ADMINISTER))


def administrators():
    return User.objects.filter(role__in=administrator_roles(), is_active=True)


def _refuse_losing_an_administrator(actor, user, verb):
    if user.pk == actor.pk:
        raise AdministrationRefused(f"You cannot {verb} your own account; ask another administrator.")
    # Lock the administrators' rows so that two administrators removing each other at the same
    # moment cannot both succeed.
    remaining = list(administrators().select_for_update().values_list("pk", flat=True))
    if user.pk in remaining and len(remaining) == 1:
        raise AdministrationRefused(f"{user} is the last administrator and cannot be removed.")
    if actor.pk not in remaining:
        raise AdministrationRefused("Your account is no longer an administrator.")


@transaction.atomic
def save_user(actor, form):
    """Save a ModelForm editing `form.instance`, unless it takes away an administrator the rules keep."""
    user = form.instance
    before = User.objects.select_related("role").get(pk=user.pk)  # for the audit trail
    was_admin = User.objects.filter(pk=user.pk, role__in=administrator_roles()).exists()
    if was_admin and not user.is_admin:
        _refuse_losing_an_administrator(actor, user, "remove the administrator role from")
    email_changed = "email" in form.changed_data
    if was_admin and user.pk != actor.pk and email_changed:
        raise AdministrationRefused(
            "Administrators change their own e-mail address, from their account page.", field="email"
        )
    if email_changed:
        # The old address hears of it: a changed address is how an account is taken over.
        old_email = User.objects.values_list("email", flat=True).get(pk=user.pk)
        send_email(old_email, "email_changed_by_admin", {"user": user, "new_email": user.email, "by": actor})
    record_user_changes(actor=actor, before=before, after=user)
    return form.save()


@transaction.atomic
def delete_user(actor, user):
    if user.is_admin or user.pk == actor.pk:
        _refuse_losing_an_administrator(actor, user, "delete")
    record_admin_action(actor=actor, action=Action.USER_DELETED, target=user, detail=str(user))
    user.delete()
