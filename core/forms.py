"""How every form of the site renders: each field in a `.field` box with its label, errors and help."""

from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates


class SiteBoundField(BoundField):
    """Labels without Django's trailing colon on every form of the site (one voice in the copy)."""

    def label_tag(self, contents=None, attrs=None, label_suffix=None, tag=None):
        return super().label_tag(contents, attrs, "" if label_suffix is None else label_suffix, tag)


class SiteFormRenderer(DjangoTemplates):
    bound_field_class = SiteBoundField
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
