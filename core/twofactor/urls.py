from django.urls import include, path

from core.twofactor import views

app_name = "twofactor"

# The one-time recovery codes: shown once after set-up, and replaced on request.
recovery_code_patterns = [
    path("", views.RecoveryCodesView.as_view(), name="recovery_codes"),
    path("new/", views.RegenerateCodesView.as_view(), name="regenerate_codes"),
]

urlpatterns = [
    # The signed-in user's two-factor settings.
    path("recovery-codes/", include(recovery_code_patterns)),
    path("", views.ManageView.as_view(), name="manage"),
    path("set-up/", views.SetupView.as_view(), name="setup"),
    path("turn-off/", views.DisableView.as_view(), name="disable"),
    # The second step of logging in, for users who have set two-factor up.
    path("login/", views.LoginCodeView.as_view(), name="login"),
]
