from django.urls import path

from core.mail import views

app_name = "mail"
urlpatterns = [
    path("", views.MailListView.as_view(), name="list"),
    path("<int:pk>/", views.MailDetailView.as_view(), name="detail"),
    path("<int:pk>/html/", views.MailHtmlPartView.as_view(), name="html"),
]
