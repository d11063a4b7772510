"""Users log in by e-mail; what they may do comes from their role, as in flask-base."""

import enum

from django.contrib.auth import models as auth_models
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone


class RolePermission(enum.IntFlag):
    """What a role lets its members do, as bits (flask-base's Permission; renamed so it is not
    mistaken for django.contrib.auth.models.Permission)."""

    GENERAL = 0x01
    ADMINISTER = 0xFF


class Role(models.Model):
    # (permissions, URL name of the role's home page, default for new accounts)
    ROLES = {
        "User": (RolePermission.GENERAL, "pages:home", True),
        "Administrator": (RolePermission.ADMINISTER, "adminarea:dashboard", False),
    }

    name = models.CharField(max_length=64, unique=True)
    home_url_name = models.CharField(max_length=64, help_text="URL name of this role's home page.")
    default = models.BooleanField(default=False)
    permissions = models.PositiveIntegerField(default=0)

    def __str__(self):
        return self.name

    def grants(self, permissions):
        return (self.permissions & permissions) == permissions

    def home_url(self):
        """Where members of this role land after logging in."""
        return reverse(self.home_url_name)

    @classmethod
    def insert_roles(cls, using="default"):
        """Create or update the roles in ROLES; safe to run any number of times."""
        with transaction.atomic(using=using):
            for name, (permissions, home_url_name, default) in cls.ROLES.items():
                cls.objects.using(using).update_or_create(
                    name=name,
                    defaults={"permissions": permissions, "home_url_name": home_url_name, "default": default},
                )

    @classmethod
    def default_role(cls):
        return cls.objects.get(default=True)

    @classmethod
    def administrator(cls):
        return cls.objects.get(name="Administrator")


class UserManager(BaseUserManager):
    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email):
        """The one rule for comparing addresses: without surrounding space, and without case."""
        return (email or "").strip().lower()

    def with_email(self, email):
        """The account with this address, as a queryset. Addresses are stored normalized (User.save), so
        this is an exact match that the unique index answers."""
        return self.filter(email=self.normalize_email(email))

    def get_by_natural_key(self, email):
        return self.with_email(email).get()

    def create_user(self, email, password=None, **fields):
        user = self.model(email=email, **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.setdefault("role", Role.administrator())
        fields.setdefault("confirmed", True)
        return self.create_user(email, password, **fields)

    def ensure_administrator(self, email, password):
        """The administrator with this e-mail, created if missing; returns (user, created)."""
        user = self.with_email(email).first()
        if user is not None:
            return user, False
        return self.create_superuser(email, password, first_name="Admin", last_name="Account"), True


class User(AbstractBaseUser):
    email = models.EmailField(unique=True)
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    confirmed = models.BooleanField(default=False, help_text="The user followed the mailed link.")
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="users")
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UserManager()

    class Meta:
        ordering = ["last_name", "first_name", "email"]
        indexes = [
            # The admin area's user list pages through users by name (the default) or by date joined.
            models.Index(fields=["last_name", "first_name", "email"], name="user_name_order"),
            models.Index(fields=["date_joined", "id"], name="user_date_joined_order"),
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        # E-mail addresses are compared without case; new accounts get the default role.
        self.email = UserManager.normalize_email(self.email)
        if self.role_id is None:
            self.role = Role.default_role()
        super().save(*args, **kwargs)

    def get_full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self):
        return self.first_name or self.email

    def can(self, permissions):
        return self.role_id is not None and self.role.grants(permissions)

    @property
    def is_admin(self):
        return self.can(RolePermission.ADMINISTER)

    # Django's admin site asks these; administrators may use all of it.
    @property
    def is_staff(self):
        return self.is_active and self.is_admin

    @property
    def is_superuser(self):
        return self.is_staff

    def has_perm(self, perm, obj=None):
        return self.is_staff

    def has_perms(self, perm_list, obj=None):
        return self.is_staff

    def has_module_perms(self, app_label):
        return self.is_staff


class AnonymousUser(auth_models.AnonymousUser):
    """A visitor, as flask-base has one: may do nothing, so `request.user.can(...)` works for everyone.

    core.accounts.middleware.AuthenticationMiddleware puts it on the request instead of Django's.
    """

    def can(self, permissions):
        return False

    @property
    def is_admin(self):
        return False
