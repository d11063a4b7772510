"""WSGI entry point for gunicorn (see the Procfile). Settings default to production."""

from django.core.wsgi import get_wsgi_application

from project.env import load_env_file, use_defaults

load_env_file()
use_defaults(DJANGO_SETTINGS_MODULE="project.settings.production")

application = get_wsgi_application()
