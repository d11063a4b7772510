from django.urls import include, path

from core.accounts import views

# Signed-in users who have not confirmed their address yet, under unconfirmed/.
unconfirmed_patterns = [
    path("", views.UnconfirmedView.as_view(), name="unconfirmed"),
    path("resend/", views.ResendConfirmationView.as_view(), name="resend_confirmation"),
]

# A forgotten password by a mailed link, and a known one changed, under password/.
password_patterns = [
    path("reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("change/", views.PasswordChangeView.as_view(), name="password_change"),
]

# A new address, confirmed by a link mailed to it, under email/change/.
email_change_patterns = [
    path("", views.EmailChangeView.as_view(), name="change_email"),
    path("<str:token>/", views.EmailChangeConfirmView.as_view(), name="change_email_confirm"),
]

app_name = "accounts"
urlpatterns = [
    # Signing up, in and out.
    path("register/", views.RegisterView.as_view(), name="register"),
    path("confirm/<str:token>/", views.ConfirmAccountView.as_view(), name="confirm"),
    path("unconfirmed/", include(unconfirmed_patterns)),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    # The signed-in user's own account.
    path("", views.AccountView.as_view(), name="manage"),
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("password/", include(password_patterns)),
    path("email/change/", include(email_change_patterns)),
    path("export/", views.ExportDataView.as_view(), name="export"),
    path("delete/", views.DeleteAccountView.as_view(), name="delete"),
]
