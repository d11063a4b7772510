"""The outbox page: every stored email, its delivery status, and sending an unsent one again."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import ListView, View

from core.adminarea import outbox
from core.adminarea.pagination import EstimatingListMixin
from core.adminarea.permissions import AdministratorRequiredMixin
from core.services import ServiceError


class OutboxView(AdministratorRequiredMixin, EstimatingListMixin, ListView):
    template_name = "adminarea/outbox.html"
    context_object_name = "emails"

    def get_queryset(self):
        status = self.request.GET.get("status")
        self.status = status if status in outbox.STATUSES else ""
        return outbox.emails_with_status(self.status)

    def narrowed(self):
        return bool(self.status)

    def get_context_data(self, **kwargs):
        return super().get_context_data(status=self.status, statuses=list(outbox.STATUSES), **kwargs)


class ResendEmailView(AdministratorRequiredMixin, View):
    """POST only: hand an unsent email to a worker again; back to the outbox page it came from."""

    http_method_names = ["post"]

    def post(self, request, pk):
        try:
            email = outbox.resend_email(email_id=pk)
        except ServiceError as error:
            if error.code == "not_found":
                raise Http404(error.message) from error
            messages.error(request, error.message)
        else:
            messages.success(request, f"The email to {email.to} is queued to be sent again.")
        return redirect(self.back_to())

    def back_to(self):
        """The outbox page named by ?next= (same site only), else the outbox page itself."""
        target = self.request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(
            target, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ) and target.startswith(reverse("adminarea:outbox")):
            return target
        return reverse("adminarea:outbox")
