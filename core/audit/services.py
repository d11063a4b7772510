"""Recording administrators' actions: one function every admin service calls."""

from django.db.models import Q

from core.accounts.lockout import client_ip
from core.audit.middleware import current_request
from core.audit.models import AdminAction

Action = AdminAction.Action


def record_admin_action(*, actor, action, target=None, ip=None, detail=""):
    """Append one row to the audit trail. `ip` defaults to the address of the request being served
    (none in a command or a job). Call it inside the action's transaction, before a delete."""
    if ip is None and (request := current_request.get()) is not None:
        ip = client_ip(request)
    return AdminAction.objects.create(
        actor=actor,
        actor_email=actor.email if actor is not None else "",
        action=Action(action),
        target=target,
        target_email=target.email if target is not None else "",
        ip=ip,
        detail=detail,
    )


def record_user_changes(*, actor, before, after):
    """Record what an administrator's edit changed in a user: role, e-mail, or other fields."""
    if before.role_id != after.role_id:
        detail = f"{before.role} → {after.role}"
        record_admin_action(actor=actor, action=Action.ROLE_CHANGED, target=after, detail=detail)
    if before.email != after.email:
        detail = f"{before.email} → {after.email}"
        record_admin_action(actor=actor, action=Action.EMAIL_CHANGED, target=after, detail=detail)
    names = [
        field
        for field in ("first_name", "last_name", "is_active", "confirmed")
        if getattr(before, field) != getattr(after, field)
    ]
    if names:
        detail = "changed " + ", ".join(name.replace("_", " ") for name in names)
        record_admin_action(actor=actor, action=Action.USER_EDITED, target=after, detail=detail)


def recent_actions_involving(user, *, limit=10):
    """The latest actions by or on `user`, for their admin page."""
    return AdminAction.objects.filter(Q(actor=user) | Q(target=user))[:limit]
