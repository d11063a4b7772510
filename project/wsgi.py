"""WSGI entry point for gunicorn (see the Procfile). Settings default to production."""

import os

from django.core.wsgi import get_wsgi_application

from project.env import load_env_file

load_env_file()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings.production")

application = get_wsgi_application()
