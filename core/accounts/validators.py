"""Length bounds for what people type: a long value is a form error, never a database error or a
hash of a megabyte (ASVS 2.1.2: passwords of up to 128 characters, no more)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

PASSWORD_MAX_LENGTH = 128
# RFC 5321's limit, and the length of User.email (varchar 254): the login's e-mail is stored by
# django-axes with each failed attempt, so it must fit there too.
EMAIL_MAX_LENGTH = 254
TOO_LONG_PASSWORD = "Passwords have at most %(limit_value)d characters; this one has %(show_value)d."


class PasswordMaxLengthValidator:
    """An AUTH_PASSWORD_VALIDATORS entry: every new password, whatever form or command sets it."""

    def __init__(self, max_length=PASSWORD_MAX_LENGTH):
        self.max_length = max_length

    def validate(self, password, user=None):
        if len(password) > self.max_length:
            raise ValidationError(
                TOO_LONG_PASSWORD,
                code="password_too_long",
                params={"limit_value": self.max_length, "show_value": len(password)},
            )

    def get_help_text(self):
        return f"Your password can have at most {self.max_length} characters."


def bound_password_fields(form):
    """Refuse over-long values in a form's password inputs before anything hashes or checks them."""
    for field in form.fields.values():
        if getattr(field.widget, "input_type", None) == "password":
            field.max_length = PASSWORD_MAX_LENGTH
            field.validators.append(MaxLengthValidator(PASSWORD_MAX_LENGTH, message=TOO_LONG_PASSWORD))


def bound_email_field(field):
    """A form field holding an e-mail: at most EMAIL_MAX_LENGTH characters (Django's AuthenticationForm
    only sets the HTML attribute, which a script ignores)."""
    field.max_length = EMAIL_MAX_LENGTH
    field.widget.attrs["maxlength"] = str(EMAIL_MAX_LENGTH)
    field.validators.append(MaxLengthValidator(EMAIL_MAX_LENGTH))
