"""The invite form an administrator fills in, and the password form the invited user fills in."""

from django import forms
from django.contrib.auth.forms import SetPasswordForm

from core.adminarea.forms import USER_FIELDS, RoleChoiceMixin, UniqueEmailMixin
from core.invites import services
from core.models import User


class InviteForm(UniqueEmailMixin, RoleChoiceMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = USER_FIELDS


class JoinForm(SetPasswordForm):
    """The invited user's password, as Django's SetPasswordForm checks it; saving accepts the invite."""

    new_password1, new_password2 = SetPasswordForm.create_password_fields(
        label1="Password", label2="Password (again)"
    )

    def save(self, commit=True):
        return services.accept_invite(user=self.user, password=self.cleaned_data["new_password1"])
