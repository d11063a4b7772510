"""The dashboard's URLs, the same routes and names as django_rq.urls, each view imported on its first call.

tests/test_dashboard.py checks this list against django-rq's own, so an upgrade that changes it fails.
"""

from functools import partial

from django.conf import settings
from django.urls import path, re_path
from django.utils.module_loading import import_string
from django.views.decorators.csp import csp_override

app_name = "django_rq"

# (route, view in django_rq, URL name); re_path for the routes django-rq writes as regular expressions.
API_ROUTES = [
    (r"^stats.json/?$", "stats_views.stats_json", "home_json"),
    (r"^stats.json/(?P<token>[\w]+)?/?$", "stats_views.stats_json", "home_json"),
]
ADMIN_ROUTES = [
    ("", "stats_views.stats", "home"),
    ("queues/<int:queue_index>/", "views.jobs", "jobs"),
    ("queues/<int:queue_index>/details/", "views.queue_details", "queue_details"),
    ("queues/<int:queue_index>/finished/", "views.finished_jobs", "finished_jobs"),
    ("queues/<int:queue_index>/failed/", "views.failed_jobs", "failed_jobs"),
    ("queues/<int:queue_index>/failed/clear/", "views.delete_failed_jobs", "delete_failed_jobs"),
    ("queues/<int:queue_index>/scheduled/", "views.scheduled_jobs", "scheduled_jobs"),
    ("queues/<int:queue_index>/started/", "views.started_jobs", "started_jobs"),
    ("queues/<int:queue_index>/deferred/", "views.deferred_jobs", "deferred_jobs"),
    ("queues/<int:queue_index>/empty/", "views.clear_queue", "clear"),
    ("queues/<int:queue_index>/requeue-all/", "views.requeue_all", "requeue_all"),
    ("queues/<int:queue_index>/<str:job_id>/", "views.job_detail", "job_detail"),
    (
        "queues/<int:queue_index>/<str:job_id>/results/<str:result_id>/",
        "views.result_detail",
        "result_detail",
    ),
    ("queues/<int:queue_index>/<str:job_id>/delete/", "views.delete_job", "delete_job"),
    ("queues/<int:queue_index>/<str:job_id>/requeue/", "views.requeue_job_view", "requeue_job"),
    ("queues/<int:queue_index>/<str:job_id>/enqueue/", "views.enqueue_job", "enqueue_job"),
    ("queues/<int:queue_index>/<str:job_id>/stop/", "views.stop_job", "stop_job"),
    ("queues/confirm-action/<int:queue_index>/", "views.confirm_action", "confirm_action"),
    ("queues/actions/<int:queue_index>/", "views.actions", "actions"),
    ("workers/<int:queue_index>/", "views.workers", "workers"),
    ("workers/<int:queue_index>/<str:key>/", "views.worker_details", "worker_details"),
    ("schedulers/<int:scheduler_index>/", "views.scheduler_jobs", "scheduler_jobs"),
    (
        "cron-schedulers/<int:connection_index>/<str:scheduler_name>/",
        "cron_views.cron_scheduler_detail",
        "cron_scheduler_detail",
    ),
    (
        "cron-schedulers/<int:connection_index>/<str:scheduler_name>/jobs/<path:cron_job_name>/",
        "cron_views.cron_job_detail",
        "cron_job_detail",
    ),
]


def call_view(dotted_path, request, *args, **kwargs):
    """Import django-rq's view (and with it rq and redis) on the first request that needs it."""
    return import_string(f"django_rq.{dotted_path}")(request, *args, **kwargs)


# django-rq's dashboard templates use inline scripts and styles, which the site-wide policy forbids.
dashboard_view = csp_override(settings.RQ_DASHBOARD_CSP)

urlpatterns = [re_path(route, partial(call_view, view), name=name) for route, view, name in API_ROUTES] + [
    path(route, dashboard_view(partial(call_view, view)), name=name) for route, view, name in ADMIN_ROUTES
]
