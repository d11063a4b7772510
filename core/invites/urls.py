"""Public pages of the invites, outside /admin/ since the invited person is not signed in yet."""

from django.urls import path

from core.invites import views

app_name = "invites"
urlpatterns = [
    path("<uidb64>/<token>/", views.AcceptInviteView.as_view(), name="accept"),
    path("<uidb64>/<token>/resend/", views.ResendInviteView.as_view(), name="resend"),
]
