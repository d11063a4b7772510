"""Public pages of the invites, outside /admin/ since the invited person is not signed in yet."""

from django.urls import path

from core.adminarea import invite_views

app_name = "invites"
urlpatterns = [
    path("<uidb64>/<token>/", invite_views.AcceptInviteView.as_view(), name="accept"),
    path("<uidb64>/<token>/resend/", invite_views.ResendInviteView.as_view(), name="resend"),
]
