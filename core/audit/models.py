"""The audit trail: what administrators did to whom, when, from which address. Append-only from the
app; the e-mails are kept as text so a row still says who after either account is deleted."""

from django.conf import settings
from django.db import models


class AppendOnlyError(Exception):
    """The audit trail is never changed or deleted from the app."""


class AdminActionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Audit records cannot be changed.")

    def delete(self):
        raise AppendOnlyError("Audit records cannot be deleted.")


class AdminAction(models.Model):
    class Action(models.TextChoices):
        ROLE_CHANGED = "role_changed", "changed the role of"
        EMAIL_CHANGED = "email_changed", "changed the e-mail of"
        USER_EDITED = "user_edited", "edited"
        USER_CREATED = "user_created", "created"
        USER_INVITED = "user_invited", "invited"
        USER_REINVITED = "user_reinvited", "invited again"
        USER_DELETED = "user_deleted", "deleted"
        TWO_FACTOR_TURNED_OFF = "two_factor_off", "turned off the two-factor of"
        CONTENT_EDITED = "content_edited", "edited a page"
        JOB_REQUEUED = "job_requeued", "requeued a job"

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_email = models.CharField(max_length=254)
    action = models.CharField(max_length=32, choices=Action.choices)
    target = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_email = models.CharField(max_length=254, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True, verbose_name="address")
    detail = models.TextField(blank=True)

    objects = AdminActionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["target_email", "-created_at"], name="audit_target_recent"),
            models.Index(fields=["actor_email", "-created_at"], name="audit_actor_recent"),
        ]

    def __str__(self):
        target = f" {self.target_email}" if self.target_email else ""
        return f"{self.actor_email} {self.get_action_display()}{target}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Audit records cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit records cannot be deleted.")
