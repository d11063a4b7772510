"""The production storage of static files: WhiteNoise's, with each file's URL worked out once."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class ManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's compressed, hashed-name storage; `url()` remembers what it returned for each name.

    The manifest is read once, when the storage is created, so a name's URL cannot change while the
    process runs; Django still works it out again (manifest lookup, two URL joins, quoting) for every
    `{% static %}`, and the layout's three of them were a fifth of the home page's time in the
    worker (docs/performance.md). Pages are still rendered in full on every request.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        key = (name, force)
        if key not in self._urls:
            self._urls[key] = super().url(name, force)
        return self._urls[key]
