"""Queries the admin area's pages share: pending invites, recent sign-ups and the user list's rows."""

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.db.models.functions import TruncDate

from core.models import User

# An invite is pending until the invited user sets a password (core.invites.services.is_pending).
PENDING_INVITE = Q(is_active=True, password__startswith=UNUSABLE_PASSWORD_PREFIX)
# The same test as a boolean column of each row (the list, the CSV export).
PENDING_INVITE_COLUMN = ExpressionWrapper(PENDING_INVITE, output_field=BooleanField())


def pending_invites():
    return User.objects.filter(PENDING_INVITE).order_by("-date_joined", "-pk")


def recent_sign_ups(limit=5):
    """The newest accounts (the date_joined index answers it)."""
    return User.objects.select_related("role").order_by("-date_joined", "-pk")[:limit]


def user_list_rows(users):
    """What each row of the user list shows, as dicts: a row read from a dict, not from a User and its
    Role, costs about 60% as much to load and render (docs/performance.md). The name is put together
    by the template: a Concat() here cost more to compile on every page than it saved."""
    return users.values(
        "pk",
        "email",
        "confirmed",
        "first_name",
        "last_name",
        role_name=F("role__name"),
        invite_pending=PENDING_INVITE_COLUMN,
        # The day in the site's time zone, as the date filter shows a datetime.
        joined=TruncDate("date_joined"),
    )
