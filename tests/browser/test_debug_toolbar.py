"""The debug toolbar works in development under the site's Content-Security-Policy (no console errors)."""

import http.client
import subprocess
import sys

import pytest

from project.env import BASE_DIR
from tests.support import database_url, free_port, subprocess_env, wait_until


@pytest.fixture
def development_server(tmp_path, transactional_db):
    """runserver under development settings (where the toolbar is installed), on the test database."""
    port = free_port()
    env = subprocess_env(DJANGO_SETTINGS_MODULE="project.settings.development", DATABASE_URL=database_url())
    log_path = tmp_path / "runserver.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

        def answers():
            assert server.poll() is None, log_path.read_text()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            try:
                connection.request("GET", "/health/live")
                return connection.getresponse().status
            except OSError:
                return None
            finally:
                connection.close()

        try:
            wait_until(answers, "runserver to answer", timeout=60, explain=log_path.read_text)
            yield f"http://127.0.0.1:{port}"
        finally:
            server.terminate()
            server.wait(timeout=10)


def test_the_debug_toolbar_shows_and_opens_a_panel_under_the_csp(browser, development_server):
    context = browser.new_context(base_url=development_server)
    page = context.new_page()
    console = []
    page.on("console", lambda message: message.type in ("error", "warning") and console.append(message.text))
    response = page.goto("/account/login/")
    assert "script-src" not in response.headers["content-security-policy"]  # the site's own, unloosened

    page.locator("#djDebugToolbar").wait_for(state="visible")
    page.locator("#djDebugPanelList a.SQLPanel").click()
    page.locator("#SQLPanel .djDebugPanelTitle").wait_for(state="visible")
    page.locator("#djDebugPanelList a.TemplatesPanel").click()
    page.locator("#TemplatesPanel").get_by_text("accounts/login.html").first.wait_for(state="visible")

    context.close()
    assert console == []
