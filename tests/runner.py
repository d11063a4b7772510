"""`python manage.py test` runs the pytest suite, with the services and arguments `make pytest` uses.

pytest-django documents such a TEST_RUNNER. pytest runs in a subprocess: manage.py has already loaded the
development settings (and .env) in this process, while the suite needs the testing settings and only the
environment the command was started with.
"""

import subprocess
import sys
from pathlib import Path

from project.env import BASE_DIR, STARTING_ENVIRONMENT

# The Makefile's TEST_DATABASE_URL and TEST_REDIS_URL defaults (tests/test_runner.py keeps them in step).
TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/django_base"
TEST_REDIS_URL = "redis://127.0.0.1:6379/15"
PYTEST_VERBOSITY = {0: ["--quiet"], 1: [], 2: ["--verbose"], 3: ["-vv"]}


class PytestRunner:
    """`manage.py test [labels] [-k EXPR] [--failfast] [--keepdb] [-- any pytest arguments]`, as pytest."""

    def __init__(self, verbosity=1, failfast=False, keepdb=False, pytest_keyword=None, **kwargs):
        self.verbosity = verbosity
        self.failfast = failfast
        self.keepdb = keepdb
        self.pytest_keyword = pytest_keyword

    @classmethod
    def add_arguments(cls, parser):
        parser.epilog = (
            "Anything after -- goes to pytest as it is: manage.py test -- -x -k login tests/accounts"
        )
        parser.add_argument("--failfast", action="store_true", help="Stop at the first failure (pytest -x).")
        parser.add_argument("--keepdb", action="store_true", help="Keep the test database (--reuse-db).")
        parser.add_argument(
            "-k", dest="pytest_keyword", help="Run only the tests matching this -k expression."
        )

    def pytest_arguments(self, test_labels):
        arguments = list(PYTEST_VERBOSITY.get(self.verbosity, ["-vv"]))
        if self.failfast:
            arguments.append("--exitfirst")
        if self.keepdb:
            arguments.append("--reuse-db")
        if self.pytest_keyword:
            arguments += ["-k", self.pytest_keyword]
        return arguments + [as_pytest_path(label) for label in test_labels]

    def run_tests(self, test_labels, **kwargs):
        """Run pytest; its exit status is the number of "failures" Django's test command checks."""
        command = [sys.executable, "-m", "pytest", *self.pytest_arguments(test_labels)]
        return subprocess.call(command, cwd=BASE_DIR, env=pytest_environment())


def pytest_environment(environment=None):
    """The environment the command started with, pointed at the test services as `make pytest` does."""
    env = dict(STARTING_ENVIRONMENT if environment is None else environment)
    env["DATABASE_URL"] = env.get("DATABASE_URL") or env.get("TEST_DATABASE_URL") or TEST_DATABASE_URL
    env["REDIS_URL"] = env.get("REDIS_URL") or env.get("TEST_REDIS_URL") or TEST_REDIS_URL
    return env


def as_pytest_path(label):
    """Django's dotted label (tests.accounts.test_login) as the path pytest wants; anything else as it is."""
    if "/" in label or "::" in label or label.startswith("-"):
        return label
    path = Path(*label.split("."))
    for candidate in (path.with_suffix(".py"), path):
        if (BASE_DIR / candidate).exists():
            return str(candidate)
    return label
