"""The invited user's side: set a password from the mailed link, or ask for a fresh link."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN, PasswordResetConfirmView
from django.shortcuts import redirect
from django.urls import reverse
from django.views import View

from core.accounts.throttle import TOO_MANY_LINKS, may_mail
from core.adminarea.forms import JoinForm
from core.adminarea.invites import is_pending, send_invite
from core.adminarea.tokens import TokenState, invite_token_generator


def may_resend(user, token):
    """A fresh link is mailed only for a pending invite, and only from a genuine (if expired) link."""
    return (
        user is not None
        and is_pending(user)
        and invite_token_generator.state(user, token) is not TokenState.INVALID
    )


class AcceptInviteView(PasswordResetConfirmView):
    """Django's password-reset confirmation with the invite token: on success the address counts as
    confirmed, the user is logged in and sent to their role's home page."""

    form_class = JoinForm
    token_generator = invite_token_generator
    template_name = "invites/accept.html"
    title = "Join"
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"

    def form_valid(self, form):
        form.user.confirmed = True
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
        if not self.validlink and may_resend(self.user, token):
            context["resend_url"] = reverse("invites:resend", args=[self.kwargs["uidb64"], token])
        return context


class ResendInviteView(View):
    """POST from a genuine but expired link: mail a fresh one to the invited address."""

    def post(self, request, uidb64, token):
        user = AcceptInviteView().get_user(uidb64)
        if not may_resend(user, token):
            messages.error(request, "This link does not work; ask an administrator to invite you again.")
        elif not may_mail("invite", user.email):
            messages.warning(request, TOO_MANY_LINKS)
        else:
            send_invite(request, user)
            messages.success(request, f"A fresh invite link is on its way to {user.email}.")
        return redirect("pages:home")
