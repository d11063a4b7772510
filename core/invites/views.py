"""Both sides of an invite: the administrator's pages (under /admin/, named in adminarea's URLconf)
and the invited user's (under /invite/, public since they are not signed in yet)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN, PasswordResetConfirmView
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import CreateView, View

from core.accounts.emails import site_url_of
from core.adminarea.forms import USER_FIELDS
from core.adminarea.permissions import AdministratorRequiredMixin
from core.audit.services import Action, record_admin_action
from core.invites import services
from core.invites.forms import InviteForm, JoinForm
from core.invites.tokens import INVITE_MAX_AGE, invite_token_generator, user_from_uid
from core.models import User
from core.services import ServiceError


class InviteView(AdministratorRequiredMixin, CreateView):
    form_class = InviteForm
    template_name = "adminarea/invite.html"
    extra_context = {"invite_days": INVITE_MAX_AGE.days}

    def form_valid(self, form):
        fields = {name: form.cleaned_data[name] for name in USER_FIELDS}
        user = services.invite_user(**fields, site_url=site_url_of(self.request))
        record_admin_action(actor=self.request.user, action=Action.USER_INVITED, target=user)
        messages.success(self.request, f"Invite sent to {user.email}.")
        return redirect("adminarea:user", pk=user.pk)


class ReinviteView(AdministratorRequiredMixin, View):
    """Mail a pending invite again, with a fresh link."""

    def post(self, request, pk):
        user = get_object_or_404(User, pk=pk)
        try:
            services.reinvite_user(user=user, site_url=site_url_of(request))
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            record_admin_action(actor=request.user, action=Action.USER_REINVITED, target=user)
            messages.success(request, f"A new invite is on its way to {user.email}.")
        return redirect("adminarea:user", pk=user.pk)


class AcceptInviteView(PasswordResetConfirmView):
    """Django's password-reset confirmation with the invite token (JoinForm accepts the invite): the
    user is logged in and sent to their role's home page."""

    form_class = JoinForm
    token_generator = invite_token_generator
    template_name = "invites/accept.html"
    title = "Join"
    post_reset_login = True
    post_reset_login_backend = "core.accounts.backends.UserWithRoleBackend"

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, f"Welcome to {settings.SITE_NAME}! Your password is set.")
        return response

    def get_success_url(self):
        return self.user.role.home_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        token = self.kwargs["token"]
        if token == self.reset_url_token:
            token = self.request.session.get(INTERNAL_RESET_SESSION_TOKEN, "")
        if not self.validlink and services.may_resend(user=self.user, token=token):
            context["resend_url"] = reverse("invites:resend", args=[self.kwargs["uidb64"], token])
        return context


class ResendInviteView(View):
    """POST from a genuine but expired link: mail a fresh one to the invited address."""

    def post(self, request, uidb64, token):
        user = user_from_uid(uidb64)
        try:
            services.resend_expired_invite(user=user, token=token, site_url=site_url_of(request))
        except ServiceError as error:
            level = messages.WARNING if error.code == "too_many_links" else messages.ERROR
            messages.add_message(request, level, error.message)
        else:
            messages.success(request, f"A new invite link is on its way to {user.email}.")
        return redirect("pages:home")
