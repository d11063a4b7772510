from django.core.management.commands import shell


def get_queue(name="default", **options):
    """django_rq.get_queue, imported on the first call: the shell starts without redis and rq."""
    import django_rq

    return django_rq.get_queue(name, **options)


def get_connection(name="default", **options):
    """django_rq.get_connection, imported on the first call, like get_queue."""
    import django_rq

    return django_rq.get_connection(name, **options)


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
            f"{__name__}.get_queue",
            f"{__name__}.get_connection",
        ]
