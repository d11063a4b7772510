"""core.reversing.remembered_reverse and the {% url %} tag built on it."""

import pytest
from django.template import engines
from django.urls import (
    NoReverseMatch,
    clear_script_prefix,
    path,
    register_converter,
    reverse,
    set_script_prefix,
)

from core.reversing import remembered_reverse


def render(source, **context):
    return engines["django"].from_string(source).render(context)


def test_a_name_reverses_as_django_reverses_it():
    assert remembered_reverse("accounts:login") == reverse("accounts:login") == "/account/login/"


def test_the_url_follows_the_script_prefix():
    set_script_prefix("/site/")
    try:
        assert remembered_reverse("accounts:login") == "/site/account/login/"
    finally:
        clear_script_prefix()
    assert remembered_reverse("accounts:login") == "/account/login/"


def other_view(request):
    raise AssertionError("never served")


class PaddedNumber:
    """A number written with four digits: not its plain digits, so no slot can be remembered."""

    regex = "[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{value:04d}"


register_converter(PaddedNumber, "padded")

urlpatterns = [
    path("elsewhere/login/", other_view, name="login"),
    path("elsewhere/things/<int:pk>/edit/", other_view, name="thing"),
    path("elsewhere/years/<padded:year>/", other_view, name="year"),
    path("elsewhere/pairs/<int:a>/<int:b>/", other_view, name="pair"),
]


def test_the_url_follows_a_new_urlconf(settings):
    remembered_reverse("accounts:login")
    settings.ROOT_URLCONF = __name__
    assert remembered_reverse("login") == "/elsewhere/login/"
    with pytest.raises(NoReverseMatch):
        remembered_reverse("accounts:login")


def test_an_unknown_name_raises_each_time():
    for _ in range(2):
        with pytest.raises(NoReverseMatch):
            remembered_reverse("accounts:no-such-page")


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


@pytest.mark.parametrize("number", [0, 7, 42, 9_081_726_354, 10**12])
def test_a_number_goes_where_django_puts_it(number):
    assert remembered_reverse("adminarea:user", [number]) == reverse("adminarea:user", args=[number])


def test_a_url_that_does_not_show_the_number_as_its_digits_is_reversed_by_django(settings):
    settings.ROOT_URLCONF = __name__
    assert remembered_reverse("thing", [5]) == "/elsewhere/things/5/edit/"
    assert remembered_reverse("year", [7]) == reverse("year", args=[7]) == "/elsewhere/years/0007/"
    with pytest.raises(NoReverseMatch):
        remembered_reverse("year", [12345])
    with pytest.raises(NoReverseMatch):
        remembered_reverse("login", [5])


def test_the_url_tag_with_one_argument_gives_what_djangos_gives(settings):
    settings.ROOT_URLCONF = __name__
    assert render("{% url 'thing' pk %}", pk=3) == "/elsewhere/things/3/edit/"
    assert render("{% url 'year' 7 %}") == "/elsewhere/years/0007/"
    assert render("{% url 'thing' pk %}", pk="12") == "/elsewhere/things/12/edit/"
    assert render("{% url 'pair' 1 2 %}") == "/elsewhere/pairs/1/2/"
    for refused in (-1, True):
        with pytest.raises(NoReverseMatch):
            render("{% url 'thing' pk %}", pk=refused)
