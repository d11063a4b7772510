"""Navigation links that mark the page being shown, so no template repeats the aria-current test."""

from django import template
from django.utils.html import format_html

from core.reversing import remembered_reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_link(context, view_name, label, *args):
    """`<a href="…">label</a>`, with aria-current="page" when the request resolved to `view_name`."""
    href = remembered_reverse(view_name, args)
    match = getattr(context.get("request"), "resolver_match", None)
    if match is not None and match.view_name == view_name:
        return format_html('<a href="{}" aria-current="page">{}</a>', href, label)
    return format_html('<a href="{}">{}</a>', href, label)
