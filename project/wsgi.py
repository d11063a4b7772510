"""WSGI entry point for gunicorn (see the Procfile). Settings default to production."""

from django.core.wsgi import get_wsgi_application

from project.env import choose_settings_module, load_env_file

load_env_file()
choose_settings_module("project.settings.production")

application = get_wsgi_application()
