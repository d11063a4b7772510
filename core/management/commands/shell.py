from django.core.management.commands import shell


class Command(shell.Command):
    """Django's shell, with the queue and e-mail helpers imported next to the models (User, Role, ...)."""

    help = "Django's interactive shell with every model (User, Role, ...) and the queue helpers imported."

    def get_auto_imports(self):
        return [
            *super().get_auto_imports(),
            "core.models.RolePermission",
            "core.jobs.enqueue_on_commit",
            "core.jobs.enqueue_now",
            "core.mail.outbox.send_email",
            "django_rq.get_queue",
            "django_rq.get_connection",
        ]
