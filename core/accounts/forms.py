"""Account forms: Django's auth forms, adapted to log in by e-mail and to send mail through the outbox."""

from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    BaseUserCreationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)

from core.accounts.models import User
from core.accounts.validators import EMAIL_MAX_LENGTH, bound_email_field, bound_password_fields


class RegistrationForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ("first_name", "last_name", "email")
        labels = {"email": "E-mail"}
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["first_name"].widget.attrs["autofocus"] = True
        self.fields["email"].widget.attrs.pop("autofocus", None)
        bound_password_fields(self)

    def clean_email(self):
        # A different case is still the same account.
        return User.objects.normalize_email(self.cleaned_data["email"])

    def validate_unique(self):
        # An address in use is no error here, or the form would tell anyone who has an account:
        # RegisterView mails that address's owner instead.
        try:
            self.instance.validate_unique(exclude=self._get_validation_exclusions() | {"email"})
        except forms.ValidationError as error:
            self._update_errors(error)


class LoginForm(AuthenticationForm):
    """Django's login form with the e-mail as the username, and "remember me"."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Please enter a correct e-mail and password. The password is case-sensitive.",
    }
    remember_me = forms.BooleanField(
        required=False, label="Remember me", help_text="Stay logged in after closing the browser."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email = self.fields["username"]
        email.label = "E-mail"
        email.widget.input_type = "email"
        email.widget.attrs["autocomplete"] = "email"
        # Bounded here, so an over-long value never reaches authenticate() (and django-axes' table).
        bound_email_field(email)
        bound_password_fields(self)


class OutboxPasswordResetForm(PasswordResetForm):
    """Django's reset form, for its field only: PasswordResetView hands the reset to a worker, which
    decides whether to send (core/accounts/tasks.py)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "E-mail"
        self.fields["email"].widget.attrs["autofocus"] = True


class EmailChangeForm(forms.Form):
    """A new address, and the current password to prove it is the owner asking."""

    email = forms.EmailField(
        label="New e-mail",
        max_length=EMAIL_MAX_LENGTH,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    password = forms.CharField(
        label="Current password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        bound_password_fields(self)

    def clean(self):
        """The password first: without it the form says nothing about the address. An address another
        account uses is no error either (request_email_change mails its owner instead)."""
        cleaned = super().clean()
        if "password" in cleaned and not self.user.check_password(cleaned["password"]):
            self.add_error(
                "password",
                forms.ValidationError(
                    "Your password was entered incorrectly. Please enter it again.", code="password_incorrect"
                ),
            )
            return cleaned
        if "email" in cleaned:
            cleaned["email"] = User.objects.normalize_email(cleaned["email"])
            if cleaned["email"] == self.user.email:
                self.add_error(
                    "email", forms.ValidationError("This is already your e-mail address.", code="same_email")
                )
        return cleaned


class BoundedPasswordChangeForm(PasswordChangeForm):
    """Django's form; its current-password field refuses over-long values before checking them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bound_password_fields(self)


class BoundedSetPasswordForm(SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bound_password_fields(self)


class ProfileForm(forms.ModelForm):
    """The parts of the account its owner edits on their own."""

    class Meta:
        model = User
        fields = ("first_name", "last_name")
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = True


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Type it to show it is you: the account and its data are deleted for good.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bound_password_fields(self)
