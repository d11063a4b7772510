"""The outbox: an e-mail the app decided to send, stored in the same transaction as the decision."""

from django.db import models


class OutgoingEmail(models.Model):
    to = models.EmailField()
    subject = models.CharField(max_length=255)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [
            models.Index(
                fields=["created_at"], condition=models.Q(sent_at=None), name="outgoing_email_unsent"
            )
        ]

    def __str__(self):
        return f"{self.subject} -> {self.to}"
