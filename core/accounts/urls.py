from django.urls import path

from core.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.AccountView.as_view(), name="manage"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("register/", views.RegisterView.as_view(), name="register"),
    path("unconfirmed/", views.UnconfirmedView.as_view(), name="unconfirmed"),
    path("unconfirmed/resend/", views.ResendConfirmationView.as_view(), name="resend_confirmation"),
    path("confirm/<str:token>/", views.ConfirmAccountView.as_view(), name="confirm"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("password/change/", views.PasswordChangeView.as_view(), name="password_change"),
    path("email/change/", views.EmailChangeView.as_view(), name="change_email"),
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("delete/", views.DeleteAccountView.as_view(), name="delete"),
    path("export/", views.ExportDataView.as_view(), name="export"),
    path("email/change/<str:token>/", views.EmailChangeConfirmView.as_view(), name="change_email_confirm"),
]
