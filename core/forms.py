"""How every form of the site renders: each field in a `.field` box with its label, errors and help.

The site's form, field, label, error-list, `<input>` and `<select>` markup is written here in Python, the
same markup Django's templates write: through templates it cost a form page more than the rest of the
page (docs/performance.md). Any other widget (textarea, radios, ...) renders through Django's templates.
"""

from html import escape

from django import forms
from django.forms.boundfield import BoundField
from django.forms.models import ModelChoiceIterator
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

# Django's widget templates that are nothing but `{% include "django/forms/widgets/input.html" %}`.
INPUT_WIDGETS = [
    *("input", "text", "email", "password", "hidden", "number", "url", "search", "tel", "color"),
    *("date", "datetime", "time", "checkbox"),
]


def conditional_escape(value):
    """Django's conditional_escape without its lazy-string check: the values here are rendered already."""
    return value.__html__() if hasattr(value, "__html__") else escape(str(value))


def attributes(attrs):
    """` name="value"` per attribute as Django's attrs.html writes them: True is the bare name, False none."""
    return "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def input_widget(context):
    widget = context["widget"]
    value = "" if widget["value"] is None else f' value="{escape(str(widget["value"]))}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"'
        f"{value}{attributes(widget['attrs'])}>"
    )


def select_widget(context):
    """Django's select.html, with its options as select_option.html writes them."""
    widget = context["widget"]
    parts = [f'<select name="{conditional_escape(widget["name"])}"{attributes(widget["attrs"])}>']
    for group_name, options, _ in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in options:
            parts.append(
                f'\n  <option value="{escape(str(option["value"]))}"{attributes(option["attrs"])}>'
                f"{conditional_escape(option['label'])}</option>\n"  # the option template's own line end
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def label(context):
    if not context["use_tag"]:
        return str(conditional_escape(context["label"]))
    tag = conditional_escape(context["tag"])
    return f"<{tag}{attributes(context['attrs'])}>{conditional_escape(context['label'])}</{tag}>"


def error_list(context):
    """The errors in a list whose id the field's aria-describedby names (Django's errors/list/ul.html)."""
    errors = context["errors"]
    if not errors:
        return ""
    list_id = f' id="{conditional_escape(errors.field_id)}_error"' if errors.field_id else ""
    items = "".join(f"<li>{conditional_escape(error)}</li>" for error in errors)
    return f'<ul class="{conditional_escape(context["error_class"])}"{list_id}>{items}</ul>'


def is_checkbox(field):
    return getattr(field.field.widget, "input_type", None) == "checkbox"


def field_group(context):
    """Label, input, errors and help text; a checkbox comes before its label."""
    field = context["field"]
    help_text = ""
    if field.help_text:
        help_id = f' id="{conditional_escape(field.auto_id)}_helptext"' if field.auto_id else ""
        help_text = f'<div class="helptext"{help_id}>{field.help_text}</div>'
    label_tag = field.label_tag() if field.label else ""
    parts = [str(field), label_tag] if is_checkbox(field) else [label_tag, str(field)]
    return "\n".join(part for part in [*parts, str(field.errors), help_text] if part)


def form(context):
    """The form's own errors in an alert, then one `.field` box per visible field; hidden fields last."""
    errors, fields = context["errors"], context["fields"]
    hidden = "".join(str(field) for field in context["hidden_fields"])
    parts = [f'<div class="form-errors" role="alert">{errors}</div>'] if errors else []
    if errors and not fields:
        parts.append(f"<div>{hidden}</div>")
    for index, (field, _) in enumerate(fields):
        classes = ["field"]
        if is_checkbox(field):
            classes.append("checkbox")
        if field.errors:
            classes.append("field-error")
        last = hidden if index == len(fields) - 1 else ""
        parts.append(f'<div class="{" ".join(classes)}">\n{field.as_field_group()}{last}\n</div>')
    if not fields and not errors:
        parts.append(hidden)
    return "\n".join(parts)


# The templates whose markup is written above, each with the function that writes it from their context.
MARKUP = {
    "forms/form.html": form,
    "forms/field.html": field_group,
    "django/forms/label.html": label,
    "django/forms/errors/list/default.html": error_list,
    "django/forms/errors/list/ul.html": error_list,
    **{f"django/forms/widgets/{name}.html": input_widget for name in INPUT_WIDGETS},
    "django/forms/widgets/select.html": select_widget,
}


class SiteBoundField(BoundField):
    """Labels without Django's trailing colon on every form of the site (one voice in the copy)."""

    def label_tag(self, contents=None, attrs=None, label_suffix=None, tag=None):
        return super().label_tag(contents, attrs, "" if label_suffix is None else label_suffix, tag)


class SiteFormRenderer(DjangoTemplates):
    """Writes the markup above for the templates it names, and any other through Django's templates."""

    bound_field_class = SiteBoundField
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"

    def render(self, template_name, context, request=None):
        write = MARKUP.get(template_name)
        if write is None:
            return super().render(template_name, context, request)
        return mark_safe(write(context))


class ListedModelChoiceIterator(ModelChoiceIterator):
    """The choices in one plain query. Django's own iterator() opens a server-side cursor on PostgreSQL
    (DECLARE, FETCH, CLOSE: three round trips), which pays off for large tables only."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class SmallTableChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField for a table of a few rows, such as the roles."""

    iterator = ListedModelChoiceIterator
