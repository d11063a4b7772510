"""How a signed-in user is loaded on each request."""

from django.contrib.auth.backends import ModelBackend

from core.accounts.models import User


class UserWithRoleBackend(ModelBackend):
    """Django's ModelBackend, loading the user's role in the same query: every page asks for the role (the
    menu, the admin and two-factor gates), and Django's plain `get(pk=...)` cost a second query for it."""

    def get_user(self, user_id):
        try:
            user = User._default_manager.select_related("role").get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
