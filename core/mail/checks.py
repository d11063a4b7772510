"""`check --deploy` refuses our console mailer in production, as Django's own mail.E001 does for its own."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.checks.mail import NON_PRODUCTION_EMAIL_BACKENDS
from django.utils.module_loading import import_string


@register(Tags.mail, deploy=True)
def check_mailer_is_not_a_development_one(app_configs, **kwargs):
    backend_path = settings.MAILERS.get("default", {}).get("BACKEND", "")
    if not backend_path or backend_path in NON_PRODUCTION_EMAIL_BACKENDS:
        return []  # Django's mail.E001 reports Django's own development backends
    backend = import_string(backend_path)
    if not any(issubclass(backend, import_string(path)) for path in NON_PRODUCTION_EMAIL_BACKENDS):
        return []
    return [
        Error(
            f"EMAIL_URL names a development-only mailer ({backend_path}): no e-mail would leave the server.",
            hint="Set EMAIL_URL to your provider's SMTP URL, e.g. smtp+tls://user:pass@host:587.",
            id="core.mail.E001",
        )
    ]
