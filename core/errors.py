"""Styled pages for the errors Django answers without one of the site's templates: 405 and CSRF failure.

(400, 403, 404 and 500 come from the templates of the same names; 404 and 500 show Django's debug pages
while DEBUG is on, as Django decides.)
"""

from http import HTTPStatus

from django.conf import settings
from django.shortcuts import render


class MethodNotAllowedPageMiddleware:
    """Gives an empty 405 (View.http_method_not_allowed) the site's page, keeping its Allow header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != HTTPStatus.METHOD_NOT_ALLOWED or response.streaming or response.content:
            return response
        page = render(request, "405.html", status=HTTPStatus.METHOD_NOT_ALLOWED)
        if response.has_header("Allow"):
            page["Allow"] = response["Allow"]
        # The view logged the 405 already; without this Django's handler would log it a second time.
        page._has_been_logged = getattr(response, "_has_been_logged", False)
        return page


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the form was refused, most often because the page was open too long."""
    context = {"reason": reason if settings.DEBUG else ""}
    return render(request, "403_csrf.html", context, status=HTTPStatus.FORBIDDEN)
