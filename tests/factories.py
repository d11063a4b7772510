"""Test data, made in one place."""

import factory

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


class AdminFactory(UserFactory):
    role = factory.LazyFunction(Role.administrator)
