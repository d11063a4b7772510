"""The remembered reverse() of core.reversing and the {% url %} tag built on it."""

import pytest
from django.template import engines
from django.urls import NoReverseMatch, clear_script_prefix, path, reverse, set_script_prefix

from core.reversing import reverse_name


def render(source, **context):
    return engines["django"].from_string(source).render(context)


def test_a_name_reverses_as_django_reverses_it():
    assert reverse_name("accounts:login") == reverse("accounts:login") == "/account/login/"


def test_the_url_follows_the_script_prefix():
    set_script_prefix("/site/")
    try:
        assert reverse_name("accounts:login") == "/site/account/login/"
    finally:
        clear_script_prefix()
    assert reverse_name("accounts:login") == "/account/login/"


def other_view(request):
    raise AssertionError("never served")


urlpatterns = [path("elsewhere/login/", other_view, name="login")]


def test_the_url_follows_a_new_urlconf(settings):
    reverse_name("accounts:login")
    settings.ROOT_URLCONF = __name__
    assert reverse_name("login") == "/elsewhere/login/"
    with pytest.raises(NoReverseMatch):
        reverse_name("accounts:login")


def test_an_unknown_name_raises_each_time():
    for _ in range(2):
        with pytest.raises(NoReverseMatch):
            reverse_name("accounts:no-such-page")


def test_the_url_tag_gives_what_djangos_gives():
    assert render("{% url 'accounts:login' %}") == "/account/login/"
    assert render("{% url 'adminarea:user' pk %}", pk=7) == reverse("adminarea:user", args=[7])
    assert render("{% url 'adminarea:user' pk=7 %}") == reverse("adminarea:user", kwargs={"pk": 7})
    assert render("{% url 'accounts:login' as login %}[{{ login }}]") == "[/account/login/]"
    assert render("{% url 'accounts:no-such-page' as missing %}[{{ missing }}]") == "[]"
    assert render("{% url name %}", name="pages:about") == reverse("pages:about")


def test_the_url_tag_raises_for_an_unknown_name():
    with pytest.raises(NoReverseMatch):
        render("{% url 'accounts:no-such-page' %}")
