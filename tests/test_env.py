"""The .env loader: flask-base's workflow, parsed properly, never half-applied."""

import ast
import os
import re

import pytest

from project.env import (
    BASE_DIR,
    ConfigurationError,
    EnvFileError,
    env,
    load_env_file,
    mailer_config,
    parse_env_file,
)


def test_values_may_contain_equals_signs():
    assert parse_env_file("DATABASE_URL=postgres://u:p@h/db?sslmode=require&a=b") == {
        "DATABASE_URL": "postgres://u:p@h/db?sslmode=require&a=b"
    }


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ('NAME="double quoted"', "double quoted"),
        ("NAME='single quoted'", "single quoted"),
        ('NAME="has # inside"', "has # inside"),
        ("NAME='has # inside'", "has # inside"),
        ("NAME=plain # a comment", "plain"),
        ("NAME=no#comment", "no#comment"),
        ("NAME=#starts-with-hash", "#starts-with-hash"),
        ("NAME= # only a comment", ""),
        ("NAME=\t# only a comment", ""),
        ('NAME="quoted" # a comment', "quoted"),
        ("NAME=", ""),
        ("NAME=  spaced  ", "spaced"),
        ('NAME="line\\nbreak"', "line\nbreak"),
        ("NAME='$literal\\n'", "$literal\\n"),
    ],
)
def test_quotes_and_comments(line, value):
    assert parse_env_file(line) == {"NAME": value}


def test_values_starting_with_dollar_are_kept_as_they_are():
    assert parse_env_file("SECRET_KEY=$2b$12$abc=def\nOTHER=$HOME") == {
        "SECRET_KEY": "$2b$12$abc=def",
        "OTHER": "$HOME",
    }


def test_blank_lines_comments_and_export_prefix_are_accepted():
    text = "\n# a comment\n   \nexport FIRST=1\n  # indented comment\nSECOND = 2\nexport\tTHIRD=3\n"
    assert parse_env_file(text) == {"FIRST": "1", "SECOND": "2", "THIRD": "3"}


def test_a_file_saved_with_a_byte_order_mark_is_read(tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_BASE_BOM", "")  # counts as unset; pytest restores the environment after
    path = tmp_path / ".env"
    path.write_text("DJANGO_BASE_BOM=yes\n", encoding="utf-8-sig")
    assert load_env_file(path) == ["DJANGO_BASE_BOM"]


def test_a_file_that_is_not_utf8_is_a_configuration_error(tmp_path):
    path = tmp_path / ".env"
    path.write_bytes("NAME=caf\u00e9\n".encode("latin-1"))
    with pytest.raises(ConfigurationError, match="is not UTF-8 text"):
        load_env_file(path)


@pytest.mark.parametrize(
    ("text", "line_number"),
    [
        ("GOOD=1\nthis line has no equals sign\n", 2),
        ("GOOD=1\n\n# comment\n1BAD=2\n", 4),
        ("GOOD=1\nSPACE IN NAME=x\n", 2),
        ('QUOTE="never closed\n', 1),
        ('A=1\nQUOTE="closed" then text\n', 2),
    ],
)
def test_a_malformed_line_names_the_file_and_line(text, line_number, tmp_path):
    path = tmp_path / ".env"
    path.write_text(text)
    with pytest.raises(EnvFileError) as raised:
        load_env_file(path)
    assert raised.value.line_number == line_number
    assert str(raised.value).startswith(f"{path}, line {line_number}: ")


def test_a_malformed_file_applies_nothing(tmp_path, monkeypatch):
    monkeypatch.delenv("DJANGO_BASE_FIRST", raising=False)
    path = tmp_path / ".env"
    path.write_text("DJANGO_BASE_FIRST=applied?\nnot a pair\n")
    with pytest.raises(EnvFileError):
        load_env_file(path)
    assert "DJANGO_BASE_FIRST" not in os.environ


def test_the_real_environment_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_BASE_SET", "from the environment")
    monkeypatch.delenv("DJANGO_BASE_UNSET", raising=False)
    path = tmp_path / ".env"
    path.write_text("DJANGO_BASE_SET=from the file\nDJANGO_BASE_UNSET=from the file\n")
    try:
        assert load_env_file(path) == ["DJANGO_BASE_UNSET"]
        assert os.getenv("DJANGO_BASE_SET") == "from the environment"
        assert os.getenv("DJANGO_BASE_UNSET") == "from the file"
    finally:
        os.environ.pop("DJANGO_BASE_UNSET", None)


def test_an_empty_variable_in_the_environment_counts_as_unset(tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_BASE_EMPTY", "")
    path = tmp_path / ".env"
    path.write_text("DJANGO_BASE_EMPTY=from the file\n")
    assert load_env_file(path) == ["DJANGO_BASE_EMPTY"]
    assert os.environ["DJANGO_BASE_EMPTY"] == "from the file"


def test_env_file_names_another_file_and_must_exist(tmp_path, monkeypatch):
    monkeypatch.setenv("ENV_FILE", str(tmp_path / "missing.env"))
    with pytest.raises(ConfigurationError, match="missing.env, which does not exist"):
        load_env_file()


def test_manage_py_reads_env_before_the_settings(manage, tmp_path):
    env_file = tmp_path / "custom.env"
    env_file.write_text('export SITE_NAME="From # the file"\nSECRET_KEY=$ecret=with=equals\n')
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SITE_NAME, settings.SECRET_KEY, sep='|')",
        env={"ENV_FILE": str(env_file), "SITE_NAME": None, "SECRET_KEY": None},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "From # the file|$ecret=with=equals"


def test_manage_py_stops_on_a_malformed_env_file(manage, tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("SITE_NAME=ok\n\nDEBUG: true\n")
    result = manage("check", env={"ENV_FILE": str(env_file)})
    assert result.returncode == 1
    assert f"{env_file}, line 3: expected NAME=VALUE" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("url", "backend", "options"),
    [
        ("console://", "core.mail.console", {}),
        ("file:///tmp/mail", "django.core.mail.backends.filebased", {"file_path": "/tmp/mail"}),
        (
            "smtp+tls://me%40x.org:p%2Fw@mail.example.org:587",
            "django.core.mail.backends.smtp",
            {
                "host": "mail.example.org",
                "port": 587,
                "username": "me@x.org",
                "password": "p/w",
                "use_tls": True,
            },
        ),
        (
            "smtps://mail.example.org",
            "django.core.mail.backends.smtp",
            {"port": 25, "use_ssl": True, "use_tls": False},
        ),
    ],
)
def test_email_url_becomes_a_mailer(url, backend, options):
    config = mailer_config(url)
    assert config["BACKEND"] == f"{backend}.EmailBackend"
    assert options.items() <= config["OPTIONS"].items()


def test_an_unknown_email_scheme_is_refused():
    with pytest.raises(ConfigurationError, match="EMAIL_URL='smpt://x'"):
        mailer_config("smpt://x")


def test_env_reads_an_empty_variable_as_unset(monkeypatch):
    monkeypatch.setenv("DJANGO_BASE_EMPTY", "")
    assert env("DJANGO_BASE_EMPTY", default="fallback") == "fallback"
    with pytest.raises(ConfigurationError, match="The environment variable DJANGO_BASE_EMPTY is not set"):
        env("DJANGO_BASE_EMPTY")


def test_env_takes_a_dollar_literally(monkeypatch):
    monkeypatch.setenv("DJANGO_BASE_SECRET", "$HOME")
    assert env("DJANGO_BASE_SECRET") == "$HOME"


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("On", True), ("1", True), ("no", False)])
def test_env_bool_reads_the_usual_words(monkeypatch, value, expected):
    monkeypatch.setenv("DJANGO_BASE_FLAG", value)
    assert env.bool("DJANGO_BASE_FLAG", default=not expected) is expected


def test_env_bool_refuses_other_words(monkeypatch):
    monkeypatch.setenv("DJANGO_BASE_FLAG", "ture")
    with pytest.raises(ConfigurationError, match="DJANGO_BASE_FLAG='ture' is not a boolean"):
        env.bool("DJANGO_BASE_FLAG", default=False)


def test_env_int_names_the_variable_it_cannot_read(monkeypatch):
    monkeypatch.setenv("DJANGO_BASE_NUMBER", "ten")
    with pytest.raises(ConfigurationError, match="DJANGO_BASE_NUMBER='ten' is not a whole number"):
        env.int("DJANGO_BASE_NUMBER", default=1)


def test_env_list_strips_items_and_drops_empty_ones(monkeypatch):
    monkeypatch.setenv("DJANGO_BASE_HOSTS", " example.org, ,www.example.org ")
    assert env.list("DJANGO_BASE_HOSTS", default=[]) == ["example.org", "www.example.org"]


def test_env_db_names_a_url_it_cannot_use(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://u@h:port/db")
    with pytest.raises(ConfigurationError, match="DATABASE_URL='postgres://u@h:port/db' cannot be used"):
        env.db("DATABASE_URL")


# Line breaks, NUL bytes and the quoting table of docs/configuration.md (issue #11) ------------------

ODD_LINE_BREAKS = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("separator", ODD_LINE_BREAKS)
def test_lines_break_only_where_editors_break_them(separator):
    assert parse_env_file(f"# old: A=1{separator}B=2\nC=3") == {"C": "3"}


@pytest.mark.parametrize("separator", ODD_LINE_BREAKS)
def test_an_error_after_an_odd_line_break_names_the_line_an_editor_shows(separator):
    with pytest.raises(EnvFileError) as raised:
        parse_env_file(f"A=1{separator}B=2\nnot a line")
    assert raised.value.line_number == 2


def test_lines_may_end_with_crlf_or_cr():
    assert parse_env_file("A=1\r\nB=2\rC=3\r\n") == {"A": "1", "B": "2", "C": "3"}


@pytest.mark.parametrize("line", ["BAD=a\x00b", 'BAD="a\x00b"', "BAD='\x00'"])
def test_a_nul_byte_is_refused_with_the_file_and_line_and_nothing_is_applied(line, tmp_path, monkeypatch):
    monkeypatch.delenv("DJANGO_BASE_FIRST", raising=False)
    path = tmp_path / ".env"
    path.write_text(f"DJANGO_BASE_FIRST=1\n{line}\n")

    with pytest.raises(EnvFileError, match="NUL") as raised:
        load_env_file(path)

    assert str(raised.value).startswith(f"{path}, line 2:")
    assert "DJANGO_BASE_FIRST" not in os.environ


def quoting_table():
    """The rows of the quoting table in docs/configuration.md: (line, value)."""
    text = (BASE_DIR / "docs" / "configuration.md").read_text()
    rows = re.findall(r"^\| `(.+?)` \| `(.+?)` \|", text, flags=re.MULTILINE)
    return [(line, ast.literal_eval(value)) for line, value in rows if line.startswith(("NAME", "export"))]


def test_the_documented_quoting_table_has_its_examples():
    assert len(quoting_table()) >= 15


@pytest.mark.parametrize(("line", "value"), quoting_table())
def test_each_documented_quoting_example_reads_as_documented(line, value):
    assert parse_env_file(line) == {"NAME": value}
