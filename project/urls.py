"""The site's URLs: each feature package of core brings its own urls module."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csp import csp_override
from django.views.generic import RedirectView
from django_rq.urls import get_admin_urlpatterns, get_api_urlpatterns

# django-rq's dashboard templates use inline scripts and styles, which the site-wide policy forbids.
rq_dashboard = get_api_urlpatterns() + get_admin_urlpatterns(
    view_wrapper=csp_override(settings.RQ_DASHBOARD_CSP)
)

urlpatterns = [
    path("", include("core.pages.urls")),
    path("account/two-factor/", include("core.twofactor.urls")),
    path("account/", include("core.accounts.urls")),
    # django-rq's dashboard (queues, workers, failed jobs, requeue), for administrators (is_staff) only.
    path("admin/rq/", include((rq_dashboard, "django_rq"))),
    path("admin/", include("core.adminarea.urls")),
    path("invite/", include("core.invites.urls")),
    # Django's admin logs in through our login page, so its logins too ask for the two-factor code.
    path("django-admin/login/", RedirectView.as_view(pattern_name="accounts:login", query_string=True)),
    path("django-admin/", admin.site.urls),
    path("health/", include("core.health.urls")),
    # The development mail viewer; 404 unless settings.MAIL_VIEWER (development only).
    path("dev/mail/", include("core.mail.urls")),
]

# django-debug-toolbar's pages, where development settings installed it (never in production).
if "debug_toolbar" in settings.INSTALLED_APPS:
    from debug_toolbar.toolbar import debug_toolbar_urls

    urlpatterns += debug_toolbar_urls()
