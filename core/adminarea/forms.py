"""The admin area's forms: a user's fields, the user list's filters, and the editable pages."""

from django import forms
from django.contrib.auth.forms import BaseUserCreationForm
from django.db.models import Q

from core.adminarea.selectors import PENDING_INVITE
from core.forms import SmallTableChoiceField
from core.models import Role, User
from core.pages.models import EditableContent

USER_FIELDS = ("email", "first_name", "last_name", "role")


class UniqueEmailMixin:
    """E-mail addresses are stored lower-case (User.save), so duplicates are found without case."""

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        if User.objects.with_email(email).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("Another account uses this email address.", code="email_taken")
        return email


class RoleChoiceMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].empty_label = None
        if self.instance.role_id is None:
            self.fields["role"].initial = Role.default_role().pk


class CreateUserForm(UniqueEmailMixin, RoleChoiceMixin, BaseUserCreationForm):
    class Meta:
        model = User
        fields = USER_FIELDS


class UserChangeForm(UniqueEmailMixin, RoleChoiceMixin, forms.ModelForm):
    """Offers only what services.update_user allows `actor`: no role menu on their own account, and
    another administrator's address shown but not editable."""

    class Meta:
        model = User
        fields = USER_FIELDS

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk == actor.pk:
            del self.fields["role"]
        elif self.instance.is_admin:
            self.fields["email"].disabled = True
            self.fields[
                "email"
            ].help_text = "Administrators change their own email address, from their account page."


class UserFilterForm(forms.Form):
    """The user list's search, filters and sort, read from the query string (the CSV export's too)."""

    # ?sort= value -> ORDER BY, one per column shown; each ends on a unique column so pages never overlap.
    SORTS = {
        "name": ("last_name", "first_name", "email"),
        "email": ("email",),
        "role": ("role__name", "last_name", "first_name", "email"),
        "confirmed": ("confirmed", "last_name", "first_name", "email"),
        "joined": ("date_joined", "pk"),
    }
    # ?status= value -> the users it keeps.
    STATUSES = {
        "confirmed": Q(confirmed=True),
        "unconfirmed": Q(confirmed=False),
        "invited": PENDING_INVITE,
    }
    DEFAULT_SORT = "name"

    q = forms.CharField(required=False, label="Search", max_length=200)
    role = SmallTableChoiceField(
        queryset=Role.objects.order_by("name"), required=False, empty_label="All roles"
    )
    status = forms.ChoiceField(
        required=False,
        choices=[
            ("", "Everyone"),
            ("confirmed", "Confirmed"),
            ("unconfirmed", "Unconfirmed"),
            ("invited", "Invite pending"),
        ],
    )
    sort = forms.ChoiceField(
        required=False,
        choices=[(key, key) for name in SORTS for key in (name, f"-{name}")],
    )

    def __init__(self, data):
        super().__init__(data, label_suffix="")
        self.is_valid()  # invalid values are left out of cleaned_data and so ignored

    @property
    def current_sort(self):
        return self.cleaned_data.get("sort") or self.DEFAULT_SORT

    @property
    def narrows(self):
        """Whether the list shows only some users (a search or a filter)."""
        data = self.cleaned_data
        return bool(data.get("q", "").split() or data.get("role") or data.get("status"))

    def filter(self, users):
        # Every word must appear in the first name, the last name or the e-mail address.
        for word in self.cleaned_data.get("q", "").split():
            users = users.filter(
                Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(email__icontains=word)
            )
        if self.cleaned_data.get("role"):
            users = users.filter(role=self.cleaned_data["role"])
        if self.cleaned_data.get("status"):
            users = users.filter(self.STATUSES[self.cleaned_data["status"]])
        name = self.current_sort.removeprefix("-")
        prefix = "-" if self.current_sort.startswith("-") else ""
        return users.order_by(*(prefix + field for field in self.SORTS[name]))


class EditableContentForm(forms.ModelForm):
    class Meta:
        model = EditableContent
        fields = ("body",)
        # data-editor: core/static/adminarea/about-editor.js replaces the textarea with a WYSIWYG editor.
        widgets = {"body": forms.Textarea(attrs={"rows": 18, "data-editor": "pell"})}
        labels = {"body": "Text"}
        help_texts = {
            "body": "Kept when you save: paragraphs, headings, lists, links, emphasis, quotes and code; "
            "anything else (scripts, styles, images, event handlers) is removed."
        }
