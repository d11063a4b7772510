"""Account forms: Django's auth forms, adapted to log in by e-mail and to send mail through the outbox."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm, PasswordResetForm
from django.urls import reverse

from core.accounts.emails import send_password_reset_email, site_url_of
from core.accounts.models import User
from core.accounts.throttle import may_mail


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


class OutboxPasswordResetForm(PasswordResetForm):
    """Django's reset form (silent about unknown addresses), sending its e-mail through the outbox."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "E-mail"
        self.fields["email"].widget.attrs["autofocus"] = True

    def save(self, request=None, **kwargs):
        self.request = request
        super().save(request=request, **kwargs)

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        if not may_mail("password_reset", to_email):
            return  # silently, like an unknown address: the page's answer never changes
        path = reverse("accounts:password_reset_confirm", args=[context["uid"], context["token"]])
        send_password_reset_email(user=context["user"], path=path, site_url=site_url_of(self.request))


class EmailChangeForm(forms.Form):
    """A new address, and the current password to prove it is the owner asking."""

    email = forms.EmailField(
        label="New e-mail", widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )
    password = forms.CharField(
        label="Current password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        if email == self.user.email:
            raise forms.ValidationError("This is already your e-mail address.", code="same_email")
        if User.objects.with_email(email).exists():
            raise forms.ValidationError("Another account uses this e-mail address.", code="email_taken")
        return email

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                "Your password was entered incorrectly. Please enter it again.", code="password_incorrect"
            )
        return password


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
