"""Optional error reporting: Sentry, on when SENTRY_DSN is set (pip install -r requirements-sentry.txt)."""

from django.core.exceptions import ImproperlyConfigured


def init_sentry(dsn):
    """Send errors of the web process and of the workers' jobs to the Sentry project `dsn`."""
    try:
        import sentry_sdk
        from sentry_sdk.integrations.django import DjangoIntegration
        from sentry_sdk.integrations.rq import RqIntegration
    except ImportError as error:
        raise ImproperlyConfigured(
            "SENTRY_DSN is set but sentry-sdk is not installed: run "
            "`pip install -r requirements-sentry.txt`, or unset SENTRY_DSN."
        ) from error
    # No personal data (e-mail addresses, cookies) leaves the site unless asked for.
    sentry_sdk.init(dsn=dsn, integrations=[DjangoIntegration(), RqIntegration()], send_default_pii=False)
