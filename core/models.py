"""The models of core, gathered from its feature packages so Django (and `shell`) find them."""

from core.accounts.models import Role, RolePermission, User, UserManager
from core.mail.models import OutgoingEmail
from core.pages.models import EditableContent

__all__ = ["EditableContent", "OutgoingEmail", "Role", "RolePermission", "User", "UserManager"]
