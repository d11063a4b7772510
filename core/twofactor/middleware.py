"""Administrators without two-factor are sent to set it up before any admin page, where
TWO_FACTOR_REQUIRED_FOR_ADMINS is on."""

from django.contrib import messages
from django.shortcuts import redirect

from core.twofactor.services import is_enabled, is_required

# Our admin area, django-rq's dashboard and Django's admin site.
ADMIN_NAMESPACES = {"adminarea", "django_rq", "admin"}


class AdminTwoFactorGateMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or not ADMIN_NAMESPACES.intersection(request.resolver_match.namespaces):
            return None
        if not is_required(user) or is_enabled(user):
            return None
        messages.warning(request, "Administrators must turn on two-factor authentication first.")
        return redirect("twofactor:setup")
