from django.conf import settings


def site(request):
    """SITE_NAME for the page layout. Not `site_name`: Django's auth views set that to the host name."""
    return {"site_title": settings.SITE_NAME}
