"""The development mail viewer: every e-mail in the outbox, readable and clickable, with no mail server.

Answers 404 unless settings.MAIL_VIEWER is on (development only): the outbox holds other people's links.
"""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.csp import CSP
from django.utils.decorators import method_decorator
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override
from django.views.generic import DetailView, ListView

from core.mail.models import OutgoingEmail

# The HTML part is the app's own template, but it is shown as untrusted: no scripts, nothing fetched
# but this site's images, framed only by the viewer, and links that open in the whole tab (sandbox).
HTML_PART_CSP = {
    "default-src": [CSP.NONE],
    "style-src": [CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.NONE],
    "frame-ancestors": [CSP.SELF],
    "sandbox": ["allow-popups", "allow-popups-to-escape-sandbox", "allow-top-navigation-by-user-activation"],
}
# Links in the framed HTML part open in the tab, not inside the frame (which the site's pages refuse).
OPEN_LINKS_IN_THE_TAB = '<base target="_top">'


class MailViewerMixin:
    def dispatch(self, request, *args, **kwargs):
        if not settings.MAIL_VIEWER:
            raise Http404("The mail viewer is for development only.")
        return super().dispatch(request, *args, **kwargs)


class MailListView(MailViewerMixin, ListView):
    queryset = OutgoingEmail.objects.order_by("-created_at", "-pk")
    template_name = "mail/viewer_list.html"
    context_object_name = "emails"
    paginate_by = 50


class MailDetailView(MailViewerMixin, DetailView):
    model = OutgoingEmail
    template_name = "mail/viewer_detail.html"
    context_object_name = "email"


@method_decorator([xframe_options_sameorigin, csp_override(HTML_PART_CSP)], name="dispatch")
class MailHtmlPartView(MailViewerMixin, DetailView):
    """The HTML part alone, for the viewer's sandboxed frame."""

    model = OutgoingEmail

    def render_to_response(self, context):
        html = self.object.body_html
        head = html.lower().find("<head>")
        if head >= 0:
            html = html[: head + len("<head>")] + OPEN_LINKS_IN_THE_TAB + html[head + len("<head>") :]
        else:
            html = OPEN_LINKS_IN_THE_TAB + html
        return HttpResponse(html, content_type="text/html; charset=utf-8")
