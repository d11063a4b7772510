"""Two-factor pages: the account's settings (turn on, off, new recovery codes) and the login's code step."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import FormView, TemplateView, View

from core.accounts.lockout import lockout_response
from core.accounts.models import User
from core.adminarea.permissions import AdministratorRequiredMixin
from core.services import ServiceError
from core.twofactor import forms, login, services
from core.twofactor.lockout import count_wrong_code, is_locked_out
from core.twofactor.qr import qr_data_uri

SETUP_SECRET = "twofactor_setup_secret"
NEW_CODES = "twofactor_new_codes"


class CodeCheckedFormView(FormView):
    """A form whose code is checked by `act(user, code)`: a lockout refuses it, a wrong one counts."""

    form_class = forms.CodeForm

    def code_user(self):
        return self.request.user

    def post(self, request, *args, **kwargs):
        if is_locked_out(request, self.code_user()):
            return lockout_response(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            outcome = self.act(self.code_user(), form.cleaned_data["code"])
        except ServiceError as error:
            if error.code == "wrong_code":
                count_wrong_code(self.request, self.code_user())
            form.add_error("code", error.message)
            return self.form_invalid(form)
        return self.succeeded(outcome)


class ManageView(LoginRequiredMixin, TemplateView):
    template_name = "twofactor/manage.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            enabled=services.is_enabled(user),
            required=services.is_required(user),
            remaining=services.remaining_recovery_codes(user),
            **kwargs,
        )


class SetupView(LoginRequiredMixin, CodeCheckedFormView):
    """Show the secret (QR code and text) and turn two-factor on once the app's first code is right."""

    form_class = forms.SetupCodeForm
    template_name = "twofactor/setup.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and services.is_enabled(request.user):
            return redirect("twofactor:manage")
        return super().dispatch(request, *args, **kwargs)

    def secret(self):
        # The same secret until it is confirmed, so a wrong first code does not need a new scan.
        return self.request.session.setdefault(SETUP_SECRET, services.new_secret())

    def get_context_data(self, **kwargs):
        secret = self.secret()
        uri = services.provisioning_uri(email=self.request.user.email, secret=secret)
        spaced = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
        return super().get_context_data(qr_code=qr_data_uri(uri), secret=spaced, **kwargs)

    def act(self, user, code):
        return services.enable_two_factor(user=user, secret=self.secret(), code=code)

    def succeeded(self, codes):
        del self.request.session[SETUP_SECRET]
        self.request.session[NEW_CODES] = codes
        messages.success(self.request, "Two-factor authentication is on.")
        return redirect("twofactor:recovery_codes")


class RecoveryCodesView(LoginRequiredMixin, TemplateView):
    """New recovery codes, shown once: they are stored only hashed."""

    template_name = "twofactor/recovery_codes.html"

    def get(self, request, *args, **kwargs):
        codes = request.session.pop(NEW_CODES, None)
        if not codes:
            return redirect("twofactor:manage")
        return self.render_to_response(self.get_context_data(codes=codes))


class OwnCodeCheckedView(LoginRequiredMixin, CodeCheckedFormView):
    """A change to the signed-in user's own two-factor, confirmed with a code on twofactor/confirm.html
    (its extra_context names the `title` and the `button`)."""

    template_name = "twofactor/confirm.html"


class RegenerateCodesView(OwnCodeCheckedView):
    extra_context = {"title": "New recovery codes", "button": "Make new recovery codes"}

    def act(self, user, code):
        return services.regenerate_recovery_codes(user=user, code=code)

    def succeeded(self, codes):
        self.request.session[NEW_CODES] = codes
        messages.success(self.request, "Your old recovery codes no longer work.")
        return redirect("twofactor:recovery_codes")


class DisableView(OwnCodeCheckedView):
    extra_context = {"title": "Turn off two-factor authentication", "button": "Turn off two-factor"}

    def act(self, user, code):
        return services.disable_two_factor(user=user, code=code)

    def succeeded(self, outcome):
        messages.success(self.request, "Two-factor authentication is off.")
        return redirect("twofactor:manage")


class LoginCodeView(CodeCheckedFormView):
    """The login's second step, for a user who gave the right password a moment ago."""

    template_name = "twofactor/login.html"

    def dispatch(self, request, *args, **kwargs):
        self.pending = login.pending_user(request)
        if self.pending is None:
            messages.warning(request, "Log in with your email and password first.")
            return redirect("accounts:login")
        return super().dispatch(request, *args, **kwargs)

    def code_user(self):
        return self.pending

    def act(self, user, code):
        return services.verify_second_factor(user=user, code=code)

    def succeeded(self, used):
        next_url = login.finish(self.request, self.pending)
        if self.pending.confirmed:  # the unconfirmed land on a page that asks for the confirmation
            messages.success(self.request, "You are now logged in.")
        if used == "recovery code":
            left = services.remaining_recovery_codes(self.pending)
            messages.warning(
                self.request,
                f"You used a recovery code; {left} left. "
                "Make new ones from your account page when you run low.",
            )
        return redirect(next_url)


class TurnOffForUserView(AdministratorRequiredMixin, View):
    """An administrator turns off someone's two-factor (they lost their phone and their codes)."""

    def post(self, request, pk):
        user = get_object_or_404(User, pk=pk)
        try:
            services.turn_off_for_user(actor=request.user, user=user)
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, f"Two-factor authentication is off for {user}; they were told by email."
            )
        return redirect("adminarea:user", pk=user.pk)
