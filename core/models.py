"""The models of core, gathered from its feature packages so Django (and `shell`) find them."""

from core.accounts.models import Role, RolePermission, User, UserManager
from core.audit.models import AdminAction
from core.mail.models import OutgoingEmail
from core.pages.models import EditableContent
from core.twofactor.models import RecoveryCode, TOTPDevice

__all__ = [
    "AdminAction",
    "EditableContent",
    "OutgoingEmail",
    "RecoveryCode",
    "Role",
    "RolePermission",
    "TOTPDevice",
    "User",
    "UserManager",
]
