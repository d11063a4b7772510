"""The invited user's pages, outside /admin/ since they are not signed in yet (the administrator's
invite pages are named in core/adminarea/urls.py)."""

from django.urls import path

from core.invites import views

app_name = "invites"
urlpatterns = [
    path("<uidb64>/<token>/", views.AcceptInviteView.as_view(), name="accept"),
    path("<uidb64>/<token>/resend/", views.ResendInviteView.as_view(), name="resend"),
]
