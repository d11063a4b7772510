from django.conf import settings
from django.db import models
from django.template.loader import render_to_string

from core.pages.sanitize import sanitize_html


class EditableContent(models.Model):
    """Text of a page that administrators edit in the browser; always stored sanitised."""

    # slug -> (title, URL name of the page that shows it); its default text is in
    # core/templates/pages/default_content/<slug>.html until someone saves an edit.
    PAGES = {"about": ("About", "pages:about")}

    slug = models.SlugField(unique=True, choices=[(slug, title) for slug, (title, _) in PAGES.items()])
    body = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        super().save(*args, **kwargs)

    @property
    def title(self):
        return self.PAGES[self.slug][0]

    @property
    def page_url_name(self):
        return self.PAGES[self.slug][1]

    @classmethod
    def for_page(cls, slug):
        """The saved content of page `slug`, or an unsaved one holding its default text."""
        saved = cls.objects.filter(slug=slug).first()
        if saved is not None:
            return saved
        default = render_to_string(f"pages/default_content/{slug}.html", {"site_name": settings.SITE_NAME})
        # Sanitised like saved text; this also makes it a plain str, which the editor escapes.
        return cls(slug=slug, body=sanitize_html(default))
