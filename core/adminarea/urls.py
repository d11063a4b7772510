from django.urls import path

from core.adminarea import views
from core.audit.views import AuditTrailView
from core.invites import views as invite_views
from core.twofactor.views import TurnOffForUserView

app_name = "adminarea"
urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("users/", views.UserListView.as_view(), name="users"),
    path("users/invite/", invite_views.InviteView.as_view(), name="invite"),
    path("users/new/", views.UserCreateView.as_view(), name="user_create"),
    path("users/<int:pk>/", views.UserDetailView.as_view(), name="user"),
    path("users/<int:pk>/edit/", views.UserChangeView.as_view(), name="user_edit"),
    path("users/<int:pk>/delete/", views.UserDeleteView.as_view(), name="user_delete"),
    path("users/<int:pk>/reinvite/", invite_views.ReinviteView.as_view(), name="user_reinvite"),
    path("content/<slug:slug>/", views.ContentEditView.as_view(), name="content"),
    path("audit/", AuditTrailView.as_view(), name="audit"),
    path("users/<int:pk>/two-factor/off/", TurnOffForUserView.as_view(), name="user_two_factor_off"),
]
