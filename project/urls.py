"""The site's URLs: each feature package of core brings its own urls module."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", include("core.pages.urls")),
    path("account/two-factor/", include("core.twofactor.urls")),
    path("account/", include("core.accounts.urls")),
    # django-rq's dashboard (queues, workers, failed jobs, requeue), for administrators (is_staff) only.
    path("admin/rq/", include("core.rq_dashboard.urls")),
    path("admin/", include("core.adminarea.urls")),
    path("invite/", include("core.invites.urls")),
    # Django's admin logs in through our login page, so its logins too ask for the two-factor code.
    path("django-admin/login/", RedirectView.as_view(pattern_name="accounts:login", query_string=True)),
    path("django-admin/", admin.site.urls),
    path("health/", include("core.health.urls")),
]
