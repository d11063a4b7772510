from django import forms

from core.audit.models import AdminAction


class AuditFilterForm(forms.Form):
    """The audit page's filters, read from the query string; every one is optional."""

    actor = forms.CharField(label="Administrator", required=False, max_length=254)
    action = forms.ChoiceField(
        label="Action", required=False, choices=[("", "Any")] + AdminAction.Action.choices
    )
    target = forms.CharField(label="User", required=False, max_length=254)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)  # labels without a trailing colon

    def filter(self, actions):
        if not self.is_valid():
            return actions
        data = self.cleaned_data
        if data["actor"]:
            actions = actions.filter(actor_email__icontains=data["actor"].strip())
        if data["action"]:
            actions = actions.filter(action=data["action"])
        if data["target"]:
            actions = actions.filter(target_email__icontains=data["target"].strip())
        return actions
