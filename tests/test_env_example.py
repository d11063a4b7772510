"""`.env.example` documents every variable the project reads."""

import re

from project.env import BASE_DIR, parse_env_file

READERS = re.compile(
    r"""\b(?:env(?:\.(?:str|int|bool|list|db|db_url))?|os\.environ\.get|os\.getenv)\(\s*["']([A-Z][A-Z0-9_]*)["']"""
)
NAMED = re.compile(r"""\brequire\(([^)]*)\)""", re.DOTALL)
# Set by tools, never by hand: pytest-xdist names each of its worker processes (project/settings/testing.py).
SET_BY_TOOLS = {"PYTEST_XDIST_WORKER"}


def variables_read_by_the_project():
    names = set()
    for folder in ("project", "core"):
        for path in (BASE_DIR / folder).rglob("*.py"):
            source = path.read_text()
            names.update(READERS.findall(source))
            for arguments in NAMED.findall(source):
                names.update(re.findall(r'"([A-Z][A-Z0-9_]*)"', arguments))
                names.update(re.findall(r"\b([A-Z][A-Z0-9_]*)=", arguments))
    names.update(re.findall(r'"([A-Z][A-Z0-9_]*)"', (BASE_DIR / "manage.py").read_text()))
    return names - SET_BY_TOOLS


def test_the_scan_finds_the_variables_it_should():
    assert {"SECRET_KEY", "DATABASE_URL", "REDIS_URL", "EMAIL_URL", "ENV_FILE", "DJANGO_SETTINGS_MODULE"} <= (
        variables_read_by_the_project()
    )


def test_env_example_lists_every_variable_the_project_reads():
    listed = set(parse_env_file((BASE_DIR / ".env.example").read_text()))
    assert variables_read_by_the_project() - listed == set()


def test_every_variable_in_env_example_has_a_comment_above_it():
    lines = (BASE_DIR / ".env.example").read_text().splitlines()
    for index, line in enumerate(lines):
        if line and not line.startswith("#"):
            assert lines[index - 1].startswith("#"), f"{line!r} has no comment line above it"
