from django.views.generic import ListView

from core.adminarea.permissions import AdministratorRequiredMixin
from core.audit.forms import AuditFilterForm
from core.audit.models import AdminAction


class AuditTrailView(AdministratorRequiredMixin, ListView):
    """Every recorded administrator action, newest first, filtered by the query string."""

    template_name = "audit/trail.html"
    context_object_name = "actions"
    paginate_by = 50

    def get_queryset(self):
        self.filters = AuditFilterForm(self.request.GET)
        return self.filters.filter(AdminAction.objects.all())

    def get_context_data(self, **kwargs):
        return super().get_context_data(filters=self.filters, **kwargs)
