from django.urls import path

from core.twofactor import views

app_name = "twofactor"
urlpatterns = [
    path("", views.ManageView.as_view(), name="manage"),
    path("set-up/", views.SetupView.as_view(), name="setup"),
    path("recovery-codes/", views.RecoveryCodesView.as_view(), name="recovery_codes"),
    path("recovery-codes/new/", views.RegenerateCodesView.as_view(), name="regenerate_codes"),
    path("turn-off/", views.DisableView.as_view(), name="disable"),
    path("login/", views.LoginCodeView.as_view(), name="login"),
]
