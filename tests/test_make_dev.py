"""`make dev`: web, worker and Redis under honcho, mail delivered by the worker, and Ctrl-C stops them all."""

import contextlib
import http.cookiejar
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from project.env import BASE_DIR
from tests.factories import UserFactory
from tests.support import free_port, subprocess_env, wait_until

RESET_PATH = "/account/password/reset/"


class DevStack:
    """`make dev` on free ports, in a session of its own: Ctrl-C reaches make and honcho as in a terminal."""

    def __init__(self, tmp_path, email_url):
        self.port = free_port()
        self.redis_port = free_port()
        self.log_path = tmp_path / "make-dev.log"
        self.log_file = open(self.log_path, "w")  # noqa: SIM115 - closed in stop()
        command = ["make", "--no-print-directory", "dev", f"ADDR=127.0.0.1:{self.port}"]
        command += [f"DEV_REDIS_PORT={self.redis_port}", f"DEV_DIR={tmp_path / 'dev'}"]
        # Development settings (make dev's own), on the test database; no REDIS_URL: make dev sets its own.
        env = subprocess_env(DJANGO_SETTINGS_MODULE=None, REDIS_URL=None, EMAIL_URL=email_url)
        self.process = subprocess.Popen(
            command,
            cwd=BASE_DIR,
            env=env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        cookies = urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        self.opener = urllib.request.build_opener(cookies)

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def log(self):
        return self.log_path.read_text()

    def get(self, path):
        with self.opener.open(self.url(path), timeout=10) as response:
            return response.status, response.read().decode()

    def post_form(self, path, fields):
        """GET the form, then POST it with the CSRF token the page carries."""
        _, page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
        with self.opener.open(self.url(path), data=data, timeout=10) as response:
            return response.status

    def answers(self):
        assert self.process.poll() is None, f"make dev exited:\n{self.log()}"
        try:
            return self.get(RESET_PATH)[0] == 200
        except OSError:
            return False

    def processes(self):
        """Every live process descended from make (honcho, runserver and its reloader, the worker...)."""
        parents = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError):
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if fields[0] != "Z":
                    parents[int(stat.parent.name)] = int(fields[1])
        found = {self.process.pid}
        while grown := {pid for pid, parent in parents.items() if parent in found} - found:
            found |= grown
        return {pid for pid in found if pid in parents}

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.log_file.close()


def alive(pid):
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def listening(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def dev_stack(tmp_path, mailbox, transactional_db):
    stack = DevStack(tmp_path, f"file://{mailbox.folder}")
    yield stack
    stack.stop()


def test_make_dev_delivers_mail_through_its_worker_and_ctrl_c_leaves_no_process(dev_stack, mailbox):
    user = UserFactory(email="ada@example.com")
    started = time.monotonic()
    wait_until(dev_stack.answers, "make dev to serve the reset page", timeout=90, explain=dev_stack.log)
    print(f"make dev answered after {time.monotonic() - started:.1f} s")
    # The stack is whole: the worker registered in make dev's own Redis before anything is asked of it.
    worker_listens = lambda: "Listening on default" in dev_stack.log()  # noqa: E731
    wait_until(worker_listens, "the worker", timeout=30, explain=dev_stack.log)

    assert dev_stack.post_form(RESET_PATH, {"email": user.email}) == 200

    wait_until(lambda: mailbox.to(user.email), "the reset e-mail", timeout=30, explain=dev_stack.log)
    assert "/account/password/reset/" in mailbox.to(user.email)[0].get_body(("plain",)).get_content()
    # The worker logs success after the message is written: wait for the line, not just the file.
    delivered_by_worker = r"worker\.1 +\| .*Successfully completed core\.mail\.tasks\.deliver_email"
    logged = lambda: re.search(delivered_by_worker, dev_stack.log())  # noqa: E731
    wait_until(logged, "the worker to log the delivery", timeout=15, explain=dev_stack.log)

    processes = dev_stack.processes()
    assert len(processes) >= 6, f"expected make, honcho, Redis, web and worker, found {processes}"
    os.killpg(dev_stack.process.pid, signal.SIGINT)
    dev_stack.process.wait(timeout=30)

    wait_until(lambda: not any(map(alive, processes)), "every make dev process to exit", timeout=10)
    assert not listening(dev_stack.port)
    assert not listening(dev_stack.redis_port)
    log = dev_stack.log()
    assert "Traceback" not in log
    assert re.search(r"worker\.1 stopped \(rc=0\)", log), log


def test_make_dev_without_redis_server_says_how_to_install_it(tmp_path):
    env = subprocess_env(PATH=str(tmp_path))  # a PATH with no redis-server on it
    result = subprocess.run(
        [shutil.which("make"), "dev"], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "sudo apt-get install redis-server" in result.stdout + result.stderr
    assert "migrate" not in result.stdout


def test_devredis_without_redis_server_says_how_to_install_it(manage, tmp_path):
    result = manage("devredis", "--dir", str(tmp_path / "redis"), env={"PATH": str(tmp_path)})
    assert result.returncode == 1
    assert "sudo apt-get install redis-server" in result.stderr
    assert "Traceback" not in result.stderr
