"""reverse() of a URL name without arguments, worked out once per process.

Every page's layout reverses the same few names (the menu, the logout form), and Django's reverse()
walks the namespaces and patterns each time, about 10 µs a name. The path of a name can change only
with the URLconf (a new resolver), the script prefix or the language, so those are the memo's key.
"""

from functools import lru_cache

from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


def reverse_name(view_name, current_app=None):
    """reverse(view_name, current_app=current_app), remembered."""
    return _reversed(get_resolver(get_urlconf()), get_script_prefix(), get_language(), view_name, current_app)


@lru_cache(maxsize=512)
def _reversed(resolver, prefix, language, view_name, current_app):
    return reverse(view_name, urlconf=resolver.urlconf_name, current_app=current_app)
