from django.urls import include, path, register_converter
from django.urls.converters import StringConverter

from core.adminarea import jobs_views, outbox_views, views
from core.audit.views import AuditTrailView
from core.invites import views as invite_views
from core.twofactor.views import TurnOffForUserView


class FailedJobAction(StringConverter):
    """What an administrator does to failed jobs: the last part of their URLs."""

    regex = "requeue|delete"


register_converter(FailedJobAction, "failed_job_action")

# The pages of one user, under users/<pk>/.
user_patterns = [
    path("", views.UserDetailView.as_view(), name="user"),
    path("edit/", views.UserChangeView.as_view(), name="user_edit"),
    path("delete/", views.UserDeleteView.as_view(), name="user_delete"),
    path("reinvite/", invite_views.ReinviteView.as_view(), name="user_reinvite"),
    path("two-factor/off/", TurnOffForUserView.as_view(), name="user_two_factor_off"),
]

# A queue's page and what may be done to its failed jobs, under jobs/<queue>/.
queue_patterns = [
    path("", jobs_views.QueueView.as_view(), name="queue"),
    path(
        "failed/<failed_job_action:action>/",
        jobs_views.FailedJobsActionView.as_view(),
        name="all_failed_jobs",
    ),
    path(
        "failed/<str:job_id>/<failed_job_action:action>/",
        jobs_views.FailedJobsActionView.as_view(),
        name="failed_job",
    ),
]

app_name = "adminarea"
urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("users/", views.UserListView.as_view(), name="users"),
    path("users/export.csv", views.UserExportView.as_view(), name="users_export"),
    path("users/invite/", invite_views.InviteView.as_view(), name="invite"),
    path("users/new/", views.UserCreateView.as_view(), name="user_create"),
    path("users/<int:pk>/", include(user_patterns)),
    path("content/<slug:slug>/", views.ContentEditView.as_view(), name="content"),
    path("jobs/", jobs_views.JobsView.as_view(), name="jobs"),
    path("jobs/<str:queue>/", include(queue_patterns)),
    path("outbox/", outbox_views.OutboxView.as_view(), name="outbox"),
    path("outbox/<int:pk>/resend/", outbox_views.ResendEmailView.as_view(), name="outbox_resend"),
    path("audit/", AuditTrailView.as_view(), name="audit"),
]
