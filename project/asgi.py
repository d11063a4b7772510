"""ASGI entry point, for servers such as uvicorn. Settings default to production."""

from django.core.asgi import get_asgi_application

from project.env import choose_settings_module, load_env_file

load_env_file()
choose_settings_module("project.settings.production")

application = get_asgi_application()
