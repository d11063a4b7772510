"""reverse(), with what can be worked out once per process worked out once.

Every page's layout reverses the same few names (the menu, the logout form), and a list page reverses
one name per row with a different number (a user's page); Django's reverse() walks the namespaces and
patterns each time, 10-25 µs a call. The URL of a name can change only with the URLconf (a new
resolver), the script prefix or the language, so those are the key of what is remembered.
"""

from functools import lru_cache

from django.urls import NoReverseMatch, get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# Two numbers reversed into a name's URL to find where a number goes (see _number_slot).
MARK, SAMPLE = 9_081_726_354, 7


def remembered_reverse(view_name, args=(), current_app=None):
    """reverse(view_name, args=args, current_app=current_app): remembered for a name without arguments,
    through the remembered slot for one number >= 0 (not a bool), and Django's reverse() otherwise."""
    if not args:
        return _reversed(*_key(), view_name, current_app)
    if len(args) == 1 and type(args[0]) is int and args[0] >= 0:
        slot = _number_slot(*_key(), view_name, current_app)
        if slot is not None:
            before, after = slot
            return f"{before}{args[0]}{after}"
    return reverse(view_name, args=args, current_app=current_app)


def _key():
    return get_resolver(get_urlconf()), get_script_prefix(), get_language()


@lru_cache(maxsize=512)
def _reversed(resolver, prefix, language, view_name, current_app):
    return reverse(view_name, urlconf=resolver.urlconf_name, current_app=current_app)


@lru_cache(maxsize=512)
def _number_slot(resolver, prefix, language, view_name, current_app):
    """(before, after): the name's URL on either side of its one argument, where that argument is written
    as its digits (Django's int, str, slug and path converters); None where it is not, so the caller
    asks reverse() each time."""
    urlconf = resolver.urlconf_name
    try:
        marked = reverse(view_name, urlconf=urlconf, args=[MARK], current_app=current_app)
        sample = reverse(view_name, urlconf=urlconf, args=[SAMPLE], current_app=current_app)
    except NoReverseMatch:
        return None
    before, found, after = marked.partition(str(MARK))
    if not found or str(MARK) in after or f"{before}{SAMPLE}{after}" != sample:
        return None
    return before, after
