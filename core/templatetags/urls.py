"""Django's {% url %}, with what core.reversing can remember remembered: the URL of a name without
arguments, and where the number goes in a name with one number (a row's link to its object).

A builtin of the template engine (settings TEMPLATES), so it stands in for Django's tag on every page.
A {% url %} with keyword arguments or `as` is Django's own, unchanged.
"""

from django import template
from django.template import defaulttags
from django.utils.html import conditional_escape

from core.reversing import remembered_reverse

register = template.Library()


class RememberedURLNode(defaulttags.URLNode):
    def render(self, context):
        if self.kwargs or self.asvar:
            return super().render(context)
        args = [arg.resolve(context) for arg in self.args]
        url = remembered_reverse(self.view_name.resolve(context), args, current_app_of(context))
        return conditional_escape(url) if context.autoescape else url


def current_app_of(context):
    """The namespace Django's URLNode reverses in: the request's current_app, else its resolver's."""
    try:
        return context.request.current_app
    except AttributeError:
        try:
            return context.request.resolver_match.namespace
        except AttributeError:
            return None


@register.tag
def url(parser, token):
    node = defaulttags.url(parser, token)
    return RememberedURLNode(node.view_name, node.args, node.kwargs, node.asvar)
