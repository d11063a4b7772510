"""/.well-known/security.txt (RFC 9116): where to report a vulnerability."""

from datetime import timedelta

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone


def security_txt(request):
    # The file must say when to stop trusting it; served fresh, it is always a year ahead.
    expires = (timezone.now() + timedelta(days=365)).replace(microsecond=0).isoformat()
    body = f"Contact: mailto:{settings.SECURITY_CONTACT_EMAIL}\nExpires: {expires}\nPreferred-Languages: en\n"
    return HttpResponse(body, content_type="text/plain; charset=utf-8")
