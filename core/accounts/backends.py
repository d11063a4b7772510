"""How a signed-in user is loaded on each request."""

from django.contrib.auth.backends import ModelBackend

from core.accounts.models import User


class UserWithRoleBackend(ModelBackend):
    """Django's ModelBackend, loading with the user what the pages ask of every signed-in user, in the same
    query: the role (the menu, the admin and two-factor gates) and the two-factor device (the admin gate,
    core/twofactor/middleware.py). Django's plain `get(pk=...)` cost a query for each."""

    def get_user(self, user_id):
        try:
            user = User._default_manager.select_related("role", "totp_device").get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
