from django.conf import settings


def site(request):
    """SITE_NAME for the page layout (not `site_name`: Django's auth views set that to the host name), and
    whether the footer links to the development mail viewer."""
    return {"site_title": settings.SITE_NAME, "mail_viewer": settings.MAIL_VIEWER}
