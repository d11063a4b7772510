from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate


def insert_roles(sender, using, apps=global_apps, **kwargs):
    """After every migrate (and every test-database flush) the roles exist."""
    try:
        apps.get_model("core", "Role")
    except LookupError:  # migrated to a state without core's tables
        return
    from core.models import Role

    Role.insert_roles(using=using)


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "django-base"

    def ready(self):
        post_migrate.connect(insert_roles, sender=self, dispatch_uid="core.insert_roles")
        # Connects the receiver that forgets an e-mail's failed logins once it logs in.
        from core.accounts import lockout  # noqa: F401

        # Registers the deploy check that refuses a development mailer (core/mail/console.py) in production.
        from core.mail import checks  # noqa: F401
