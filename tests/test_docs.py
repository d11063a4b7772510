"""Every command in README.md and docs/*.md works as printed: each ```sh (or bash, shell) block runs in a
new shell with the virtualenv activated, as the README says, in a fresh copy of the project after the
README's set-up (`make run`); each ```pycon block runs in `python manage.py shell` as a doctest.

A block that cannot run there (it serves until stopped, needs a service, installs packages, or is the
test suite itself) is marked in the markdown, on the line above its fence:
    <!-- docs-test: skip (the reason) -->
Blocks run in the order the pages list them (README first, then docs/ by name), sharing one copy.
"""

import os
import re
import shutil
import signal
import subprocess
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from project.env import BASE_DIR, STARTING_ENVIRONMENT
from tests.support import free_port, wait_until

PAGES = [BASE_DIR / "README.md", *sorted((BASE_DIR / "docs").glob("*.md"))]
SHELL_LANGUAGES = {"sh", "bash", "shell"}
FENCE = re.compile(r"^```(\w*)\s*$")
SKIP_MARKER = re.compile(r"^<!--\s*docs-test:\s*skip\s*\((?P<reason>[^)]+)\)\s*-->$")
# What a new shell would not have: the test process's services and settings, and any active virtualenv.
NOT_IN_A_NEW_SHELL = {
    "DATABASE_URL",
    "REDIS_URL",
    "EMAIL_URL",
    "DJANGO_SETTINGS_MODULE",
    "ENV_FILE",
    "SECRET_KEY",
    "VIRTUAL_ENV",
    "PYTEST_ADDOPTS",
    "PYTEST_CURRENT_TEST",
    "PYTEST_XDIST_WORKER",
    "PYTEST_XDIST_WORKER_COUNT",
    "PYTEST_XDIST_TESTRUNUID",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}
SNIPPET_TIMEOUT = 300


@dataclass
class Block:
    page: Path
    line: int
    language: str
    code: str
    skip_reason: str | None

    def __str__(self):
        return f"{self.page.relative_to(BASE_DIR)}:{self.line}"


def fenced_blocks(page):
    """Every fenced block of a markdown page, with the skip reason marked on the line above it."""
    lines = page.read_text().splitlines()
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        end = next(i for i in range(index + 1, len(lines)) if lines[i].startswith("```"))
        previous = next((line.strip() for line in reversed(lines[:index]) if line.strip()), "")
        marker = SKIP_MARKER.match(previous)
        yield Block(
            page, index + 1, opening.group(1), "\n".join(lines[index + 1 : end]), marker and marker["reason"]
        )
        index = end + 1


def blocks(languages):
    return [block for page in PAGES for block in fenced_blocks(page) if block.language in languages]


def runnable(languages):
    found = [block for block in blocks(languages) if block.skip_reason is None]
    return pytest.mark.parametrize("block", found, ids=str)


def new_shell_environment(**extra):
    """The environment of a new terminal: no test services, no virtualenv on PATH."""
    env = {name: value for name, value in STARTING_ENVIRONMENT.items() if name not in NOT_IN_A_NEW_SHELL}
    env["PATH"] = os.pathsep.join(
        entry for entry in env.get("PATH", "").split(os.pathsep) if "/.venv/" not in entry + "/"
    )
    return {**env, **extra}


def project_files():
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=BASE_DIR,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [name for name in listed.split("\0") if name and (BASE_DIR / name).is_file()]


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory):
    """A fresh copy of the project (what a clone holds), with this checkout's virtualenv, after `make run`.

    `make run` is started as the README prints it (on a free port) and stopped once it answers.
    """
    copy = tmp_path_factory.mktemp("project")
    for name in project_files():
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(BASE_DIR / name, copy / name)  # keeps the times, so make sees .venv as up to date
    (copy / ".venv").symlink_to(BASE_DIR / ".venv")
    address = f"127.0.0.1:{free_port()}"
    log_path = copy.parent / f"{copy.name}-make-run.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            ["make", "run", f"ADDR={address}"],
            cwd=copy,
            env=new_shell_environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def answers():
        assert server.poll() is None, f"make run exited:\n{log_path.read_text()}"
        try:
            with urllib.request.urlopen(f"http://{address}/health/live", timeout=2):
                return True
        except (urllib.error.URLError, ConnectionError):
            return False

    try:
        wait_until(answers, "make run to serve", timeout=120, explain=log_path.read_text)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    assert f"http://{address}/dev/mail/" in log_path.read_text()
    return copy


def run_in_new_shell(copy, code, **kwargs):
    """Run `code` with bash from the project folder, the virtualenv activated first as the README says."""
    return subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", f". .venv/bin/activate\n{code}"],
        cwd=copy,
        env=new_shell_environment(),
        capture_output=True,
        text=True,
        timeout=SNIPPET_TIMEOUT,
        **kwargs,
    )


# Runs a doctest in `manage.py shell`, whose namespace (User, RolePermission, ...) the doctest sees.
DOCTEST_IN_THE_SHELL = """
import doctest, sys
test = doctest.DocTestParser().get_doctest(sys.stdin.read(), dict(globals()), "block", None, 0)
runner = doctest.DocTestRunner()
runner.run(test)
sys.exit(1 if runner.failures else 0)
"""


# Before the shell blocks, which add users: the examples show a database fresh from `make run`.
@runnable({"pycon"})
def test_every_python_shell_example_prints_what_the_docs_show(project_copy, block):
    result = run_in_new_shell(
        project_copy, f"python manage.py shell -c '{DOCTEST_IN_THE_SHELL}'", input=block.code + "\n"
    )
    assert result.returncode == 0, f"{block} does not print what it shows:\n{result.stdout}{result.stderr}"


@runnable(SHELL_LANGUAGES)
def test_every_shell_block_works_as_printed(project_copy, block):
    result = run_in_new_shell(project_copy, block.code)
    assert result.returncode == 0, (
        f"{block} fails in a new shell (fix it, or mark it with <!-- docs-test: skip (reason) --> "
        f"above its fence):\n$ {block.code}\n{result.stdout}{result.stderr}"
    )


def test_every_skip_marker_says_why_and_sits_right_above_a_block():
    for page in PAGES:
        lines = page.read_text().splitlines()
        for number, line in enumerate(lines, start=1):
            if not (line.startswith("<!--") and "docs-test" in line):
                continue
            where = f"{page.relative_to(BASE_DIR)}:{number}"
            assert SKIP_MARKER.match(line.strip()), f"{where}: write <!-- docs-test: skip (reason) -->"
            following = next((later for later in lines[number:] if later.strip()), "")
            assert FENCE.match(following), f"{where}: the marker must be right above a ``` fence"


def test_the_docs_have_blocks_to_run():
    assert any(block.skip_reason is None for block in blocks(SHELL_LANGUAGES))
    assert any(block.skip_reason is None for block in blocks({"pycon"}))


def test_without_the_virtualenv_python_lacks_the_projects_packages(project_copy):
    """What the README warns about, so the activation line cannot quietly become unnecessary advice."""
    result = subprocess.run(
        ["bash", "-c", "python manage.py help"],
        cwd=project_copy,
        env=new_shell_environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0 and "No module named" in result.stderr


def makefile_names(pattern):
    return re.findall(pattern, (BASE_DIR / "Makefile").read_text(), re.MULTILINE)


def test_make_help_lists_every_target_and_every_variable():
    listing = subprocess.run(
        ["make", "help"], cwd=BASE_DIR, capture_output=True, text=True, check=True
    ).stdout
    listed = {line.split()[0] for line in listing.splitlines() if line.strip() and not line.endswith(":")}
    targets = set(makefile_names(r"^([a-z][a-z-]*):")) - {"PHONY"}
    variables = set(makefile_names(r"^([A-Z_]+) \?="))
    assert targets - listed == set(), "add a '## note' after these targets"
    assert variables - listed == set(), "add a '## note' line above these variables"
