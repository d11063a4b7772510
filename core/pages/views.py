from django.views.generic import TemplateView

from core.pages.models import EditableContent


class HomeView(TemplateView):
    template_name = "pages/home.html"


class AboutView(TemplateView):
    template_name = "pages/about.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(content=EditableContent.for_page("about"), **kwargs)
