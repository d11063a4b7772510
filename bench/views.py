"""The baseline pages: what any Django page costs before the app adds anything."""

from django.contrib.auth.views import LoginView
from django.http import HttpResponse
from django.shortcuts import render

ITEMS = [f"Item {number}" for number in range(10)]


def bare(request):
    """The cheapest Django page: a short response, no template."""
    return HttpResponse("ok", content_type="text/plain")


def template_page(request):
    """A small template with a loop and a CSRF token, through the default middleware."""
    return render(request, "bench/template.html", {"items": ITEMS})


# Django's own login page: its LoginView and AuthenticationForm, with nothing around the form.
stock_login = LoginView.as_view(template_name="bench/login.html")
