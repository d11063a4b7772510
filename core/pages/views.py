from django.views.generic import TemplateView

from core.pages.models import EditableContent


class HomeView(TemplateView):
    """The landing page for visitors; signed-in users get their own home with their account's status."""

    def get_template_names(self):
        if self.request.user.is_authenticated:
            return ["pages/home_user.html"]
        return ["pages/home.html"]


class AboutView(TemplateView):
    template_name = "pages/about.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(content=EditableContent.for_page("about"), **kwargs)
