"""Health endpoints for a load balancer or orchestrator: plain JSON, no session, no template."""

import logging
from http import HTTPStatus

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.health.checks import READINESS_CHECKS, CheckFailed

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def live(request):
    """The process answers: touches nothing else, so a database outage does not restart the web."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def ready(request):
    """The database and Redis answer and a worker is running: 200, else 503 naming what failed.

    The answer is public, so it says only which check failed; why (host names, ports, drivers' messages)
    goes to the log."""
    checks = {}
    for name, check in READINESS_CHECKS.items():
        try:
            checks[name] = check()
        except CheckFailed as failure:
            logger.error("Readiness check %r failed: %s", name, failure)
            checks[name] = "failing"
    healthy = "failing" not in checks.values()
    return JsonResponse(
        {"status": "ok" if healthy else "failing", "checks": checks},
        status=HTTPStatus.OK if healthy else HTTPStatus.SERVICE_UNAVAILABLE,
    )
