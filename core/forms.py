"""How every form of the site renders: each field in a `.field` box with its label, errors and help."""

from django.forms.renderers import DjangoTemplates


class SiteFormRenderer(DjangoTemplates):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
