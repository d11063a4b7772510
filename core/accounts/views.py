"""Account pages. Django's auth views do the work; these add flash messages and the role's home page,
and hand every other rule to services.py."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.messages.views import SuccessMessageMixin
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from core.accounts import emails, forms, lockout, services, tokens
from core.accounts.emails import site_url_of
from core.accounts.sessions import start_session
from core.services import ServiceError
from core.twofactor import login as twofactor_login


class LoginView(auth_views.LoginView):
    form_class = forms.LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        if twofactor_login.needs_code(form.get_user()):  # not logged in until the code is right
            remember, next_url = form.cleaned_data["remember_me"], self.get_redirect_url()
            return twofactor_login.begin(self.request, form.get_user(), remember=remember, next_url=next_url)
        response = super().form_valid(form)
        start_session(self.request, remember=form.cleaned_data["remember_me"])
        if form.get_user().confirmed:  # the unconfirmed land on a page that asks for the confirmation
            messages.success(self.request, "You are now logged in.")
        return response

    def get_default_redirect_url(self):
        # Only reached when `next` is missing or points off the site (RedirectURLMixin checks it).
        return self.request.user.role.home_url()


class LogoutView(auth_views.LogoutView):
    """POST logs out (Django's rule: a link cannot log anyone out); GET, from a typed address or an old
    bookmark, shows the Log out button instead of a blank 405."""

    http_method_names = ["get", "post", "options"]
    confirm_template_name = "accounts/logout.html"

    def get(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(settings.LOGOUT_REDIRECT_URL)
        return render(request, self.confirm_template_name)

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, "You have been logged out.")
        return response


class RegisterView(FormView):
    form_class = forms.RegistrationForm
    template_name = "accounts/register.html"
    success_url = reverse_lazy("accounts:login")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect(request.user.role.home_url())
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        """The same answer whether or not the address has an account; its owner learns by e-mail."""
        email = form.cleaned_data["email"]
        services.register_user(
            email=email,
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
            password=form.cleaned_data["password1"],
            site_url=site_url_of(self.request),
        )
        messages.success(self.request, f"A confirmation link has been sent to {email}.")
        return super().form_valid(form)


class UnconfirmedView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/unconfirmed.html"

    def get(self, request, *args, **kwargs):
        if request.user.confirmed:
            return redirect(request.user.role.home_url())
        return super().get(request, *args, **kwargs)


class ResendConfirmationView(LoginRequiredMixin, View):
    def post(self, request):
        user = request.user
        try:
            services.resend_confirmation(user=user, site_url=site_url_of(request))
        except ServiceError as error:
            if error.code == "too_many_links":  # (already confirmed: the unconfirmed page sends them home)
                messages.warning(request, error.message)
        else:
            messages.success(request, f"A new confirmation link has been sent to {user.email}.")
        return redirect("accounts:unconfirmed")


class ConfirmAccountView(View):
    """GET shows a button, POST confirms: a mail scanner opening the link changes nothing."""

    template_name = "accounts/confirm.html"

    def get(self, request, token):
        user = tokens.user_to_confirm(token)
        return render(request, self.template_name, {"validlink": user is not None, "confirming": user})

    def post(self, request, token):
        user = tokens.user_to_confirm(token)
        if user is None:
            return render(request, self.template_name, {"validlink": False})
        services.confirm_account(user=user)
        if request.user.pk == user.pk:
            messages.success(request, "Your account is confirmed. Welcome!")
            return redirect(user.role.home_url())
        messages.success(request, "Your account is confirmed. You can log in now.")
        return redirect("accounts:login")


class PasswordResetView(auth_views.PasswordResetView):
    form_class = forms.OutboxPasswordResetForm
    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form):
        # The same answer, and the same work, whether or not the address has an account.
        services.request_password_reset(email=form.cleaned_data["email"], site_url=site_url_of(self.request))
        messages.success(
            self.request,
            f"If {form.cleaned_data['email']} belongs to an account, a link to reset its password "
            f"is on its way. It expires in {emails.lifetime(settings.PASSWORD_RESET_TIMEOUT)}.",
        )
        return redirect(self.get_success_url())


class PasswordResetConfirmView(SuccessMessageMixin, auth_views.PasswordResetConfirmView):
    form_class = forms.BoundedSetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:login")
    success_message = "Your password has been reset. You can log in with it now."

    def form_valid(self, form):
        response = super().form_valid(form)
        lockout.forget_failures_of(form.user.email)  # the mailed link proved who asks: lift any lockout
        return response


class AccountView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/manage.html"


class AccountFormMixin(LoginRequiredMixin):
    """A form that changes the signed-in user's own account, then goes back to the account page
    (its template extends accounts/account_form_page.html, which links back there too)."""

    success_url = reverse_lazy("accounts:manage")


class PasswordChangeView(AccountFormMixin, SuccessMessageMixin, auth_views.PasswordChangeView):
    form_class = forms.BoundedPasswordChangeForm
    template_name = "accounts/password_change.html"
    success_message = "Your password has been changed."


class EmailChangeView(AccountFormMixin, FormView):
    form_class = forms.EmailChangeForm
    template_name = "accounts/change_email.html"

    def get_form_kwargs(self):
        return {"user": self.request.user, **super().get_form_kwargs()}

    def form_valid(self, form):
        new_email = form.cleaned_data["email"]
        try:
            services.request_email_change(
                user=self.request.user, new_email=new_email, site_url=site_url_of(self.request)
            )
        except ServiceError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"A confirmation link has been sent to {new_email}. Your email address changes once you open it.",
        )
        return super().form_valid(form)


class EmailChangeConfirmView(View):
    """GET shows what will change, POST changes it, only while the link is valid."""

    template_name = "accounts/change_email_confirm.html"

    def get(self, request, token):
        user, new_email = tokens.email_change_request(token)
        context = {"validlink": user is not None, "changing": user, "new_email": new_email}
        return render(request, self.template_name, context)

    def post(self, request, token):
        user, new_email = tokens.email_change_request(token)
        if user is None:
            return render(request, self.template_name, {"validlink": False})
        try:
            services.apply_email_change(user=user, new_email=new_email)
        except ServiceError:  # the address was taken since the link was mailed: the link is spent
            return render(request, self.template_name, {"validlink": False})
        messages.success(request, f"Your email address is now {new_email}.")
        return redirect("accounts:manage" if request.user.pk == user.pk else "accounts:login")


class ProfileView(AccountFormMixin, SuccessMessageMixin, FormView):
    form_class = forms.ProfileForm
    template_name = "accounts/profile.html"
    success_message = "Your name has been saved."

    def get_form_kwargs(self):
        return {"instance": self.request.user, **super().get_form_kwargs()}

    def form_valid(self, form):
        services.update_profile(user=self.request.user, **form.cleaned_data)
        return super().form_valid(form)


class DeleteAccountView(LoginRequiredMixin, FormView):
    form_class = forms.DeleteAccountForm
    template_name = "accounts/delete.html"

    def form_valid(self, form):
        user = self.request.user
        try:
            services.delete_own_account(user=user, password=form.cleaned_data["password"])
        except ServiceError as error:
            form.add_error("password" if error.code == "wrong_password" else None, error.message)
            return self.form_invalid(form)
        logout(self.request)
        messages.success(self.request, f"Your account has been deleted. A note went to {user.email}.")
        return redirect("pages:home")


class ExportDataView(LoginRequiredMixin, View):
    """A copy of everything the app keeps about the signed-in user, as a JSON download."""

    def get(self, request):
        data = services.export_personal_data(user=request.user)
        response = JsonResponse(data, json_dumps_params={"indent": 2})
        response["Content-Disposition"] = 'attachment; filename="my-data.json"'
        return response
