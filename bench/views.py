"""The baseline pages: what any Django page costs before the app adds anything."""

from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.forms.renderers import DjangoTemplates
from django.http import HttpResponse
from django.shortcuts import render

ITEMS = [f"Item {number}" for number in range(10)]


def bare(request):
    """The cheapest Django page: a short response, no template."""
    return HttpResponse("ok", content_type="text/plain")


def template_page(request):
    """A small template with a loop and a CSRF token, through the default middleware."""
    return render(request, "bench/template.html", {"items": ITEMS})


class DjangoAuthenticationForm(AuthenticationForm):
    """Django's login form rendered by Django's own form templates, not the site's form renderer."""

    default_renderer = DjangoTemplates()


# Django's own login page: its LoginView, AuthenticationForm and form templates, nothing around the form.
stock_login = LoginView.as_view(
    template_name="bench/login.html", authentication_form=DjangoAuthenticationForm
)
