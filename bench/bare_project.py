"""A bare Django project, made with `django-admin startproject` from the same virtualenv.

It serves the same two baseline pages as bench/urls.py (copied from bench/views.py and its template),
with DEBUG off, so its start-up and memory are what Django alone costs. `with_django_rq=True` adds
django-rq as its README installs it (the app, one queue, its URLs): what that package alone costs.
"""

import shutil
from pathlib import Path

from bench.common import BIN, run

NAME = "bareproject"
URLS = """
from django.urls import path

from . import views

urlpatterns += [
    path("bench/bare/", views.bare),
    path("bench/template/", views.template_page),
]
"""
SETTINGS = """
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
TEMPLATES[0]["DIRS"] = [BASE_DIR / "templates"]
"""
DJANGO_RQ_SETTINGS = """
INSTALLED_APPS += ["django_rq"]
RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:6379/0"}}
"""
DJANGO_RQ_URLS = """
from django.urls import include

urlpatterns += [path("django-rq/", include("django_rq.urls"))]
"""


def build(folder, env, with_django_rq=False):
    """Create the bare project in `folder`; returns the folder (manage.py is at its top)."""
    folder = Path(folder)
    folder.mkdir(parents=True)
    run([str(BIN / "django-admin"), "startproject", NAME, str(folder)], env=env, cwd=folder)
    package = folder / NAME
    shutil.copy(Path(__file__).with_name("views.py"), package / "views.py")
    shutil.copytree(Path(__file__).with_name("templates"), folder / "templates")
    with open(package / "urls.py", "a") as urls:
        urls.write(URLS + (DJANGO_RQ_URLS if with_django_rq else ""))
    with open(package / "settings.py", "a") as settings:
        settings.write(SETTINGS + (DJANGO_RQ_SETTINGS if with_django_rq else ""))
    return folder


def env_for(base_env):
    """The environment of the bare project's processes: nothing of django-base's configuration."""
    dropped = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ENV_FILE", "EMAIL_URL"}
    return {name: value for name, value in base_env.items() if name not in dropped}
