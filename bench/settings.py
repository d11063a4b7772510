"""Production settings plus the two baseline pages, so app and baselines share one gunicorn command.

Only ROOT_URLCONF, a template folder and STATIC_ROOT differ from `project.settings.production`.
"""

import os

from project.settings.production import *  # noqa: F403
from project.settings.production import BASE_DIR, STATIC_ROOT, TEMPLATES

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]
# Each bench run collects the static files into its own scratch folder (set by the bench).
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", STATIC_ROOT)
