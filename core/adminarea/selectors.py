"""Queries the admin area's pages share: pending invites and recent sign-ups."""

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import Q

from core.models import User

# An invite is pending until the invited user sets a password (core.invites.services.is_pending).
PENDING_INVITE = Q(is_active=True, password__startswith=UNUSABLE_PASSWORD_PREFIX)


def pending_invites():
    return User.objects.filter(PENDING_INVITE).order_by("-date_joined", "-pk")


def recent_sign_ups(limit=5):
    """The newest accounts (the date_joined index answers it)."""
    return User.objects.select_related("role").order_by("-date_joined", "-pk")[:limit]
