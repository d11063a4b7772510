"""Production's static storage (core/staticfiles.py): WhiteNoise's URLs, each worked out once."""

import json

import pytest
from whitenoise.storage import CompressedManifestStaticFilesStorage

from core.staticfiles import ManifestStaticFilesStorage


@pytest.fixture
def manifest_folder(tmp_path, settings):
    """A collected static folder's manifest, naming one file by its hashed name."""
    settings.DEBUG = False
    paths = {"core/site.css": "core/site.0123456789ab.css"}
    (tmp_path / "staticfiles.json").write_text(json.dumps({"paths": paths, "version": "1.1", "hash": "x"}))
    return tmp_path


def storages(folder):
    return [
        cls(location=folder, base_url="/static/")
        for cls in (ManifestStaticFilesStorage, CompressedManifestStaticFilesStorage)
    ]


def test_urls_are_whitenoises_hashed_names_however_often_asked(manifest_folder):
    ours, whitenoise = storages(manifest_folder)

    for _ in range(2):
        assert ours.url("core/site.css") == whitenoise.url("core/site.css")
        assert ours.url("core/site.css") == "/static/core/site.0123456789ab.css"


def test_a_file_missing_from_the_manifest_is_an_error_every_time(manifest_folder):
    ours, _ = storages(manifest_folder)

    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry for 'core/missing.css'"):
            ours.url("core/missing.css")
