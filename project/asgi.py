"""ASGI entry point, for servers such as uvicorn. Settings default to production."""

from django.core.asgi import get_asgi_application

from project.env import load_env_file, use_defaults

load_env_file()
use_defaults(DJANGO_SETTINGS_MODULE="project.settings.production")

application = get_asgi_application()
