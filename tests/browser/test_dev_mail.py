"""Development mail a person can click: in the mail viewer, and as a development server prints it."""

import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from django.urls import reverse

from core.models import User
from project.env import BASE_DIR
from tests.factories import PASSWORD
from tests.support import free_port, link_start, subprocess_env, wait_until

pytestmark = pytest.mark.django_db(transaction=True)


def register(page, email):
    page.locator("#id_first_name").fill("Ada")
    page.locator("#id_last_name").fill("Lovelace")
    page.locator("#id_email").fill(email)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Create the account").click()
    assert f"A confirmation link has been sent to {email}." in page.locator(".messages").inner_text()


def test_register_then_confirm_by_clicking_the_link_in_the_development_mail_viewer(page, settings, redis_db):
    settings.MAIL_VIEWER = True
    page.goto(reverse("accounts:register"))
    register(page, "ada@example.com")

    page.get_by_role("link", name="Development mail").click()
    newest = page.locator("tbody tr").first.inner_text()
    assert "ada@example.com" in newest and "pending" in newest  # no worker ran: it is read from the outbox
    page.get_by_role("link", name="Confirm your django-base account").click()
    page.frame_locator("iframe.mail-html").locator(
        f"a[href*='{link_start('accounts:confirm', site='')}']"
    ).click()

    page.get_by_role("button", name="Confirm the account").click()
    assert "Your account is confirmed. You can log in now." in page.locator(".messages").inner_text()
    assert User.objects.get(email="ada@example.com").confirmed is True


class DevelopmentServer:
    """`manage.py runserver` as `make run` starts it (development settings, console mail, jobs inline,
    the autoreloader), on a free port and the test database; everything it prints goes to a log file."""

    def __init__(self, log_path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        env = subprocess_env(
            DJANGO_SETTINGS_MODULE="project.settings.development",
            EMAIL_URL="console://",
            REDIS_URL=None,
            CONN_MAX_AGE="0",  # no connection outlives its request: the test database is dropped at the end
        )
        with open(log_path, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "manage.py", "runserver", f"127.0.0.1:{self.port}"],
                cwd=BASE_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: the reloader's child stops with it
            )
        wait_until(self.answers, "the development server to answer", timeout=60, explain=self.output)

    def answers(self):
        assert self.process.poll() is None, f"runserver exited:\n{self.output()}"
        try:
            with urllib.request.urlopen(f"{self.url}/health/live", timeout=2):
                return True
        except (urllib.error.URLError, ConnectionError):
            return False

    def output(self):
        return self.log_path.read_text()

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=20)


@pytest.fixture
def development_server(tmp_path):
    server = DevelopmentServer(tmp_path / "runserver.log")
    yield server
    server.stop()


def test_the_link_a_development_server_prints_confirms_the_account_as_printed(browser, development_server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{development_server.url}/account/register/")
    register(page, "grace@example.com")

    link_line = re.compile(r"^http://127\.0\.0\.1:\d+/account/confirm/\S+$", re.MULTILINE)
    printed = wait_until(
        lambda: link_line.search(development_server.output()),
        "the confirmation e-mail in the server's output",
        timeout=20,
        explain=development_server.output,
    )
    page.goto(printed.group())
    page.get_by_role("button", name="Confirm the account").click()

    assert "Your account is confirmed. You can log in now." in page.locator(".messages").inner_text()
    assert User.objects.get(email="grace@example.com").confirmed is True
    context.close()


def test_a_development_server_prints_each_log_line_once(development_server):
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(f"{development_server.url}/no-such-page/", timeout=10)

    request_line = '"GET /no-such-page/ HTTP/1.1" 404'  # runserver logs it last, after the response
    output = wait_until(
        lambda: request_line in development_server.output() and development_server.output(),
        "the 404 in the server's log",
        explain=development_server.output,
    )
    assert output.count("Watching for file changes") == 1, output
    assert output.count("Not Found: /no-such-page/") == 1, output
    assert output.count(request_line) == 1, output
