"""The accessibility report of tests/browser/test_every_page.py: one line per page, printed at the end of
the run and written beside the screenshots. A plugin (tests/conftest.py's pytest_plugins), so that under
pytest-xdist the controlling process, which runs no test, gathers the rows its workers hand back."""

import os
from pathlib import Path

import pytest

# Where test_every_page.py writes its screenshots and its accessibility report (gitignored).
SCREENSHOTS = Path(os.environ.get("SCREENSHOTS_DIR", Path(__file__).parent / "screenshots"))
ACCESSIBILITY_REPORT = pytest.StashKey[list]()


def pytest_configure(config):
    config.stash[ACCESSIBILITY_REPORT] = []


@pytest.fixture
def accessibility_report(request):
    """Rows of (page id, violation count per check) that the run lists at its end."""
    return request.config.stash[ACCESSIBILITY_REPORT]


def pytest_sessionfinish(session):
    """A pytest-xdist worker hands its rows to the controlling process (pytest_testnodedown below)."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["accessibility_report"] = session.config.stash[ACCESSIBILITY_REPORT]


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    rows = getattr(node, "workeroutput", {}).get("accessibility_report", [])
    node.config.stash[ACCESSIBILITY_REPORT].extend(tuple(row) for row in rows)


def pytest_terminal_summary(terminalreporter, config):
    rows = sorted(config.stash.get(ACCESSIBILITY_REPORT, []))
    if not rows:
        return
    lines = []
    for page_id, counts in rows:
        checks = ", ".join(f"{check}: {count}" for check, count in counts.items())
        lines.append(f"{sum(counts.values()):3d} violations  {page_id}  ({checks})")
    lines.append(f"screenshots at 390, 768 and 1280 px: {SCREENSHOTS}")
    terminalreporter.write_sep("=", f"axe-core, WCAG 2.1 A and AA: {len(rows)} pages checked")
    for line in lines:
        terminalreporter.write_line(line)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "accessibility.txt").write_text("\n".join(lines) + "\n")
