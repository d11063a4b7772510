"""The site's URLs: each feature package of core brings its own urls module."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("core.pages.urls")),
    path("account/", include("core.accounts.urls")),
    # django-rq's dashboard (queues, workers, failed jobs, requeue), for administrators (is_staff) only.
    path("admin/rq/", include("core.rq_dashboard.urls")),
    path("admin/", include("core.adminarea.urls")),
    path("invite/", include("core.invites.urls")),
    path("django-admin/", admin.site.urls),
    path("health/", include("core.health.urls")),
]
