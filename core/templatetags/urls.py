"""Django's {% url %}, with what core.reversing can remember remembered: the URL of a name without
arguments, and where the number goes in a name with one number (a row's link to its object).

A builtin of the template engine (settings TEMPLATES), so it stands in for Django's tag on every page.
Any other {% url %} (keyword arguments, several arguments, `as`) is Django's own, unchanged.
"""

from django import template
from django.template import defaulttags
from django.utils.html import conditional_escape

from core.reversing import reverse_name, reverse_with_number

register = template.Library()


class RememberedURLNode(defaulttags.URLNode):
    def render(self, context):
        if self.kwargs or self.asvar or len(self.args) > 1:
            return super().render(context)
        view_name = self.view_name.resolve(context)
        if not self.args:
            url = reverse_name(view_name, current_app_of(context))
        else:
            number = self.args[0].resolve(context)
            if type(number) is not int or number < 0:  # (not a bool either)
                return super().render(context)
            url = reverse_with_number(view_name, number, current_app_of(context))
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
