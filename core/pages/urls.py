from django.urls import path

from core.pages import views
from core.pages.security import security_txt

app_name = "pages"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("about/", views.AboutView.as_view(), name="about"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
]
