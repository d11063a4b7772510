"""The site's form renderer (core/forms.py): Django's markup for inputs, labels and error lists, written in
Python, and each field in a `.field` box whose errors and help text the input's aria-describedby names."""

from pathlib import Path

import django.forms
import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from core.forms import INPUT_WIDGETS, SiteFormRenderer

TRICKY = 'a "quoted" <b>value</b> & more'


class EveryInput(forms.Form):
    """One field per <input> widget the renderer writes itself, with values and attributes to escape."""

    text = forms.CharField(initial=TRICKY, max_length=50, help_text="Help <em>kept</em> as HTML.")
    email = forms.EmailField(widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}))
    password = forms.CharField(widget=forms.PasswordInput(render_value=True), initial=TRICKY)
    hidden = forms.CharField(widget=forms.HiddenInput, initial=TRICKY)
    number = forms.IntegerField(initial=3, min_value=0)
    url = forms.URLField(required=False)
    search = forms.CharField(widget=forms.TextInput(attrs={"type": "search", "data-x": TRICKY}))
    tel = forms.CharField(widget=forms.TextInput(attrs={"type": "tel", "disabled": False}))
    color = forms.CharField(widget=forms.TextInput(attrs={"type": "color"}))
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    datetime = forms.DateTimeField()
    time = forms.TimeField()
    checkbox = forms.BooleanField(label="Tick <me>")
    choice = forms.ChoiceField(choices=[("a", "A"), ("b", "B")])
    grouped = forms.ChoiceField(
        choices=[("", "Any"), ("Group <1>", [("x", TRICKY), (TRICKY, "Y")]), ("z", "Z")],
        initial=TRICKY,
        widget=forms.Select(attrs={"data-x": TRICKY, "required": False}),
    )
    several = forms.MultipleChoiceField(choices=[(1, "One"), (2, "Two"), (3, "Three")], initial=[1, 3])
    maybe = forms.NullBooleanField()
    note = forms.CharField(widget=forms.Textarea, required=False)


def test_the_widget_templates_written_in_python_are_djangos_plain_inputs():
    """A Django upgrade that gives one of them markup of its own fails here."""
    folder = Path(django.forms.__file__).parent / "templates" / "django" / "forms" / "widgets"

    for name in set(INPUT_WIDGETS) - {"input"}:
        source = (folder / f"{name}.html").read_text().strip()
        assert source == '{% include "django/forms/widgets/input.html" %}', name


@pytest.mark.parametrize("data", [None, {"text": TRICKY, "email": "not an address", "number": "-1"}])
def test_inputs_labels_and_error_lists_are_the_markup_djangos_templates_write(data):
    django_form = EveryInput(data=data, renderer=DjangoTemplates())
    site_form = EveryInput(data=data, renderer=SiteFormRenderer())

    for name in EveryInput.base_fields:
        assert str(site_form[name]) == str(django_form[name]), name
        # The same markup, but the site's labels have no trailing colon (SiteBoundField).
        assert site_form[name].label_tag() == django_form[name].label_tag(label_suffix=""), name
        assert str(site_form[name].errors) == str(django_form[name].errors), name


class Signup(forms.Form):
    email = forms.EmailField(help_text="We never share it.")
    agree = forms.BooleanField(label="I agree", help_text="Required to continue.")
    token = forms.CharField(widget=forms.HiddenInput)

    def clean(self):
        raise forms.ValidationError("Something about the whole form.", code="whole")


def test_a_field_with_an_error_is_boxed_and_its_input_names_its_error_and_help():
    html = str(Signup(data={"email": "nope", "token": "t"}, renderer=SiteFormRenderer()))

    assert '<div class="field field-error">\n<label for="id_email">Email</label>\n<input type="email"' in html
    assert 'aria-invalid="true" aria-describedby="id_email_helptext id_email_error" id="id_email">' in html
    assert '<ul class="errorlist" id="id_email_error"><li>Enter a valid email address.</li></ul>' in html
    assert '<div class="helptext" id="id_email_helptext">We never share it.</div>' in html


def test_a_checkbox_comes_before_its_label_and_hidden_fields_close_the_last_box():
    html = str(Signup(data={"email": "a@b.c", "token": "t"}, renderer=SiteFormRenderer()))

    assert '<div class="field checkbox field-error">\n<input type="checkbox" name="agree"' in html
    assert 'id="id_agree">\n<label for="id_agree">I agree</label>' in html
    assert html.endswith('<input type="hidden" name="token" value="t" id="id_token">\n</div>')


def test_the_forms_own_errors_are_an_alert_above_the_fields():
    html = str(Signup(data={"email": "a@b.c", "agree": "on", "token": "t"}, renderer=SiteFormRenderer()))

    assert html.startswith(
        '<div class="form-errors" role="alert"><ul class="errorlist nonfield">'
        "<li>Something about the whole form.</li></ul></div>"
    )


def test_the_select_template_written_in_python_is_djangos():
    """A Django upgrade that changes select.html or its options fails here (see also the markup test)."""
    folder = Path(django.forms.__file__).parent / "templates" / "django" / "forms" / "widgets"

    assert (folder / "select_option.html").read_text() == (
        "<option value=\"{{ widget.value|stringformat:'s' }}\""
        '{% include "django/forms/widgets/attrs.html" %}>{{ widget.label }}</option>\n'
    )
    assert forms.Select.option_template_name == "django/forms/widgets/select_option.html"


def test_other_widgets_render_through_djangos_templates():
    html = str(EveryInput(renderer=SiteFormRenderer())["note"])

    assert html.startswith('<textarea name="note" cols="40" rows="10" id="id_note">')
