"""The one way the app sends e-mail: render it, store it, and let a worker deliver it."""

from django.conf import settings
from django.template.loader import render_to_string

from core.mail.models import OutgoingEmail
from core.mail.tasks import enqueue_delivery


def send_email(to, template, context):
    """Store the e-mail `email/<template>` for `to` and deliver it once the transaction commits.

    Each e-mail has three templates: `<template>.subject.txt`, `<template>.txt` and `<template>.html`.
    """
    context = {"site_name": settings.SITE_NAME, **context}
    email = OutgoingEmail.objects.create(
        to=to,
        subject=" ".join(render_to_string(f"email/{template}.subject.txt", context).split()),
        body_text=render_to_string(f"email/{template}.txt", context),
        body_html=render_to_string(f"email/{template}.html", context),
    )
    enqueue_delivery(email.pk)
    return email
