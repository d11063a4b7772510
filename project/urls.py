"""The site's URLs: each feature package of core brings its own urls module."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("core.pages.urls")),
    path("account/", include("core.accounts.urls")),
    # The admin area, background jobs and the outbox included (django-rq's dashboard is not served:
    # docs/jobs.md "Jobs in the admin area").
    path("admin/", include("core.adminarea.urls")),
    path("invite/", include("core.invites.urls")),
    path("django-admin/", admin.site.urls),
    path("health/", include("core.health.urls")),
]
