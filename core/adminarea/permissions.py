from django.contrib.auth.mixins import UserPassesTestMixin


class AdministratorRequiredMixin(UserPassesTestMixin):
    """Anonymous visitors are sent to the login page (with ?next=); signed-in users whose role
    lacks ADMINISTER get 403, as AccessMixin.handle_no_permission() does for them."""

    def test_func(self):
        user = self.request.user
        return user.is_authenticated and user.is_admin
