"""ASGI entry point, for servers such as uvicorn. Settings default to production."""

import os

from django.core.asgi import get_asgi_application

from project.env import load_env_file

load_env_file()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings.production")

application = get_asgi_application()
