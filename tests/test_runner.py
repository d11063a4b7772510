"""`python manage.py test` runs the pytest suite with the services and arguments `make pytest` uses."""

import re

from project.env import BASE_DIR
from tests import runner


def makefile_default(name):
    return re.search(rf"^{name} \?= (\S+)", (BASE_DIR / "Makefile").read_text(), re.MULTILINE).group(1)


def test_the_runner_defaults_to_the_makefiles_test_services():
    assert makefile_default("TEST_DATABASE_URL") == runner.TEST_DATABASE_URL
    assert makefile_default("TEST_REDIS_URL") == runner.TEST_REDIS_URL


def test_the_test_services_come_from_the_environment_as_in_make_pytest():
    assert runner.pytest_environment({}) == {
        "DATABASE_URL": runner.TEST_DATABASE_URL,
        "REDIS_URL": runner.TEST_REDIS_URL,
    }
    given = {"TEST_DATABASE_URL": "postgres://a/b", "TEST_REDIS_URL": "redis://c/1"}
    assert runner.pytest_environment(given)["DATABASE_URL"] == "postgres://a/b"
    assert runner.pytest_environment({**given, "REDIS_URL": "redis://d/2"})["REDIS_URL"] == "redis://d/2"


def test_the_runner_hands_pytest_the_environment_from_before_env_and_the_development_defaults(
    manage, tmp_path
):
    env_file = tmp_path / ".env"
    env_file.write_text("SITE_NAME=From the file\n")
    code = "from project.env import STARTING_ENVIRONMENT as s; print('SITE_NAME' in s, 'SECRET_KEY' in s)"
    env = {"ENV_FILE": str(env_file), "DJANGO_SETTINGS_MODULE": None, "SECRET_KEY": None, "SITE_NAME": None}

    result = manage("shell", "-c", code, env=env)

    assert result.stdout.strip().splitlines()[-1] == "False False", result.stderr


def test_django_labels_and_options_become_pytest_arguments():
    test_runner = runner.PytestRunner(verbosity=2, failfast=True, keepdb=True, pytest_keyword="login")
    assert test_runner.pytest_arguments(["tests.accounts.test_login", "tests/mail", "-x"]) == [
        "--verbose",
        "--exitfirst",
        "--reuse-db",
        "-k",
        "login",
        "tests/accounts/test_login.py",
        "tests/mail",
        "-x",
    ]


def test_manage_py_test_runs_pytest_with_labels_and_arguments_passed_through(manage):
    env = {"DJANGO_SETTINGS_MODULE": None, "EMAIL_URL": None}

    result = manage("test", "tests.mail.test_console", "-k", "whole", "--", "-p", "no:cacheprovider", env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed, 1 deselected" in result.stdout


def test_manage_py_test_fails_when_pytest_fails(manage):
    env = {"DJANGO_SETTINGS_MODULE": None}
    result = manage("test", "--", "-k", "no_test_has_this_name", "tests/mail/test_console.py", env=env)
    assert result.returncode == 1
    assert "2 deselected" in result.stdout
