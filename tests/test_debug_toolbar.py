"""django-debug-toolbar: installed by development settings only, never by production (or testing)."""

import pytest

from tests.support import database_url
from tests.test_settings import production_env

# Prints whether the toolbar is in INSTALLED_APPS, in MIDDLEWARE, in the URLconf, and imported at all.
PROBE = (
    "import sys; from django.conf import settings; from django.urls import Resolver404, resolve\n"
    "def routed(path):\n"
    "    try:\n"
    "        return resolve(path).namespace\n"
    "    except Resolver404:\n"
    "        return None\n"
    "print('debug_toolbar' in settings.INSTALLED_APPS,"
    " any('debug_toolbar' in name for name in settings.MIDDLEWARE),"
    " routed('/__debug__/render_panel/'),"
    " 'debug_toolbar' in sys.modules)"
)


def probe(manage, **env):
    result = manage("shell", "-c", PROBE, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_production_settings_never_load_the_debug_toolbar(manage):
    assert probe(manage, **production_env(DEBUG_TOOLBAR="true")) == "False False None False"


def test_testing_settings_do_not_load_the_debug_toolbar(manage):
    assert probe(manage) == "False False None False"


def test_development_settings_load_the_debug_toolbar_when_asked(manage):
    env = {"DJANGO_SETTINGS_MODULE": "project.settings.development", "DATABASE_URL": database_url()}
    assert probe(manage, DEBUG_TOOLBAR="true", **env) == "True True djdt True"


def test_development_commands_other_than_runserver_do_not_load_it_by_default(manage):
    # runserver loads it (tests/browser/test_debug_toolbar.py); help, shell or a worker start without it.
    env = {"DJANGO_SETTINGS_MODULE": "project.settings.development", "DATABASE_URL": database_url()}
    assert probe(manage, **env) == "False False None False"


@pytest.mark.parametrize("value", ["false", "0", "off"])
def test_debug_toolbar_false_turns_it_off_in_development(manage, value):
    env = {"DJANGO_SETTINGS_MODULE": "project.settings.development", "DEBUG_TOOLBAR": value}
    assert probe(manage, DATABASE_URL=database_url(), **env) == "False False None False"
