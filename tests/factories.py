"""Test data, made in one place."""

import factory

from core.mail.models import OutgoingEmail
from core.models import Role, User

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.Sequence(lambda n: f"user{n}@example.com")
    confirmed = True
    password = factory.django.Password(PASSWORD)
    role = factory.LazyFunction(Role.default_role)


class InvitedUserFactory(UserFactory):
    """Invited by an administrator, not yet joined: no usable password, address unconfirmed."""

    confirmed = False
    password = factory.django.Password(None)


class AdminFactory(UserFactory):
    role = factory.LazyFunction(Role.administrator)


class OutgoingEmailFactory(factory.django.DjangoModelFactory):
    """An e-mail in the outbox, unsent; pass created_at=... (an aware datetime) to age it."""

    class Meta:
        model = OutgoingEmail

    to = factory.Sequence(lambda n: f"recipient{n}@example.com")
    subject = "Hello"
    body_text = "Hello there."

    @classmethod
    def _create(cls, model_class, *args, created_at=None, **kwargs):
        email = super()._create(model_class, *args, **kwargs)
        if created_at is not None:
            # auto_now_add ignores a given value: set it afterwards.
            model_class.objects.filter(pk=email.pk).update(created_at=created_at)
            email.refresh_from_db()
        return email


def turn_on_two_factor(user):
    """Two-factor on for `user`, set up as if a while ago (no code used since), so the app's current
    code is still good; returns (secret, recovery codes)."""
    import pyotp

    from core.twofactor import services
    from core.twofactor.models import TOTPDevice

    secret = services.new_secret()
    codes = services.enable_two_factor(user=user, secret=secret, code=pyotp.TOTP(secret).now())
    TOTPDevice.objects.filter(user=user).update(last_used_step=0)
    return secret, codes
