"""The admin area: thin views over Django's generic views; the rules live in services.py."""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import CreateView, DeleteView, DetailView, ListView, TemplateView, UpdateView, View

from core.accounts.emails import site_url_of
from core.adminarea import csv_export, forms, selectors, services
from core.adminarea.pagination import EstimatingListMixin
from core.adminarea.permissions import AdministratorRequiredMixin
from core.audit.services import Action, recent_actions_involving, record_admin_action
from core.invites.services import is_pending
from core.models import EditableContent, User
from core.services import ServiceError
from core.twofactor.services import is_enabled as twofactor_enabled


class DashboardView(AdministratorRequiredMixin, TemplateView):
    template_name = "adminarea/dashboard.html"

    def get_context_data(self, **kwargs):
        counts = User.objects.aggregate(
            users=Count("pk"),
            unconfirmed=Count("pk", filter=Q(confirmed=False)),
            administrators=Count("pk", filter=Q(role__in=services.administrator_roles(), is_active=True)),
            invites=Count("pk", filter=selectors.PENDING_INVITE),
        )
        return super().get_context_data(
            counts=counts,
            recent_sign_ups=selectors.recent_sign_ups(),
            pending_invites=selectors.pending_invites()[:5],
            **job_health(),
            **kwargs,
        )


def job_health():
    """The dashboard's jobs at a glance, or why there is nothing to show (rq is imported only here)."""
    from core.adminarea import jobqueues

    try:
        return {"jobs": jobqueues.job_health()}
    except jobqueues.JobsUnavailable as unavailable:
        return {"jobs": None, "jobs_unavailable": unavailable.message}


class UserListView(AdministratorRequiredMixin, EstimatingListMixin, ListView):
    template_name = "adminarea/user_list.html"
    context_object_name = "users"

    def get_queryset(self):
        self.filters = forms.UserFilterForm(self.request.GET)
        return selectors.user_list_rows(self.filters.filter(User.objects.all()))

    def narrowed(self):
        return self.filters.narrows

    def get_context_data(self, **kwargs):
        return super().get_context_data(filters=self.filters, **kwargs)


class UserExportView(AdministratorRequiredMixin, View):
    """The user list as the filters and sort of ?q=&role=&status=&sort= show it, as a streamed CSV file."""

    def get(self, request):
        filters = forms.UserFilterForm(request.GET)
        rows = csv_export.user_rows(filters.filter(User.objects.all()))
        return StreamingHttpResponse(
            rows,
            content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="users.csv"'},
        )


class UserDetailView(AdministratorRequiredMixin, DetailView):
    model = User
    queryset = User.objects.select_related("role")
    template_name = "adminarea/user_detail.html"
    context_object_name = "member"

    def get_context_data(self, **kwargs):
        audit = recent_actions_involving(self.object)
        two_factor = twofactor_enabled(self.object)
        return super().get_context_data(
            invite_pending=is_pending(self.object), audit=audit, two_factor=two_factor, **kwargs
        )


class UserChangeView(AdministratorRequiredMixin, UpdateView):
    model = User
    form_class = forms.UserChangeForm
    template_name = "adminarea/user_form.html"
    context_object_name = "member"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "actor": self.request.user}

    def form_valid(self, form):
        try:
            user = services.update_user(
                actor=self.request.user,
                user=self.object,
                site_url=site_url_of(self.request),
                **form.cleaned_data,
            )
        except ServiceError as error:
            form.add_error("email" if error.code == "admin_email" else "role", error.message)
            return self.form_invalid(form)
        messages.success(self.request, f"Saved the changes to {user}.")
        if form.cleaned_data["email"] != user.email:
            messages.info(
                self.request,
                f"A link to confirm {form.cleaned_data['email']} has been sent there; the email "
                f"address of {user} changes once its owner opens it.",
            )
        return redirect("adminarea:user", pk=user.pk)


class UserDeleteView(AdministratorRequiredMixin, DeleteView):
    """GET asks for confirmation; only the POST of that page deletes."""

    model = User
    template_name = "adminarea/user_confirm_delete.html"
    context_object_name = "member"

    def form_valid(self, form):
        try:
            services.delete_user(actor=self.request.user, user=self.object)
        except ServiceError as error:
            messages.error(self.request, error.message)
            return redirect("adminarea:user", pk=self.object.pk)
        messages.success(self.request, f"Deleted the account of {self.object}.")
        return redirect("adminarea:users")


class UserCreateView(AdministratorRequiredMixin, CreateView):
    form_class = forms.CreateUserForm
    template_name = "adminarea/user_create.html"

    def form_valid(self, form):
        fields = {name: form.cleaned_data[name] for name in forms.USER_FIELDS}
        user = services.create_user(**fields, password=form.cleaned_data["password1"])
        record_admin_action(
            actor=self.request.user, action=Action.USER_CREATED, target=user, detail=str(user.role)
        )
        messages.success(self.request, f"Created the account of {user}.")
        return redirect("adminarea:user", pk=user.pk)


class ContentEditView(AdministratorRequiredMixin, UpdateView):
    form_class = forms.EditableContentForm
    template_name = "adminarea/content_form.html"
    context_object_name = "content"

    def get_object(self, queryset=None):
        if self.kwargs["slug"] not in EditableContent.PAGES:
            raise Http404("No editable page has this name.")
        return EditableContent.for_page(self.kwargs["slug"])

    def form_valid(self, form):
        form.instance.updated_by = self.request.user
        content = form.save()
        record_admin_action(
            actor=self.request.user, action=Action.CONTENT_EDITED, detail=f"{content.title} page"
        )
        messages.success(self.request, f"Saved the {content.title} page.")
        return redirect(reverse(content.page_url_name))
