"""The project's URLs plus the baselines under /bench/."""

from django.urls import include, path

from bench import views

urlpatterns = [
    path("bench/bare/", views.bare, name="bench-bare"),
    path("bench/template/", views.template_page, name="bench-template"),
    path("bench/login/", views.stock_login, name="bench-login"),
    path("", include("project.urls")),
]
