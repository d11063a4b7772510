"""django-rq's template tags for its dashboard templates, each importing django-rq on its first use.

Registered as the `django_rq` and `jquery_path` libraries in settings.TEMPLATES; a template engine
imports its libraries when it starts, so django-rq's own module would import redis in every process.
"""

from django import template

register = template.Library()


def django_rq_tags():
    from django_rq.templatetags import django_rq

    return django_rq


def lazy_filter(name):
    """One-argument filters (every filter of django-rq's) that call django-rq's filter of that name."""

    def proxy(value):
        return getattr(django_rq_tags(), name)(value)

    proxy.__name__ = name
    return proxy


for filter_name in (
    "to_localtime",
    "timestamp_tooltip",
    "show_func_name",
    "job_status",
    "is_ellipsis",
    "force_escape",
    "items",
):
    register.filter(filter_name, lazy_filter(filter_name))


@register.simple_tag(takes_context=True)
def rq_url(context, viewname, *args, **kwargs):
    return django_rq_tags().rq_url(context, viewname, *args, **kwargs)


@register.simple_tag
def get_jquery_path():
    from django_rq.templatetags.jquery_path import get_jquery_path

    return get_jquery_path()
