"""The manage.py commands, run as a user runs them."""

import sqlite3
import sys
import uuid
from datetime import timedelta
from io import StringIO

import django_rq
import psycopg2
import pytest
from django.core.management import call_command, load_command_class
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from core.models import Role, User
from tests.factories import OutgoingEmailFactory, UserFactory
from tests.support import database_url, free_port
from tests.test_settings import production_env

CUSTOM_COMMANDS = [
    "recreate_db",
    "setup_dev",
    "setup_prod",
    "add_fake_data",
    "rqworker",
    "shell",
    "send_pending_emails",
]


# recreate_db ---------------------------------------------------------------------------------------


@pytest.fixture
def sqlite_database(tmp_path):
    """A development SQLite database with the schema, a user and a table no model knows."""
    path = tmp_path / "db.sqlite3"
    return path, {
        "DJANGO_SETTINGS_MODULE": "project.settings.development",
        "DATABASE_URL": f"sqlite:///{path}",
    }


def sqlite_tables(path):
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_recreate_db_on_sqlite_drops_stray_tables_and_rebuilds_the_schema(manage, sqlite_database):
    path, env = sqlite_database
    assert manage("migrate", env=env).returncode == 0
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE stray (id integer)")
        db.execute(
            "INSERT INTO core_user (email, password, first_name, last_name, confirmed, role_id, is_active, "
            "date_joined) VALUES ('a@b.c', '', '', '', 1, 1, 1, '2026-01-01')"
        )
    result = manage("recreate_db", "--noinput", env=env)
    assert result.returncode == 0, result.stderr
    assert "Recreated" in result.stdout
    tables = sqlite_tables(path)
    assert "stray" not in tables
    assert {"core_user", "core_role", "django_migrations", "django_session"} <= tables
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM core_user").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM core_role").fetchone() == (2,)


def sqlite_schema(path):
    """Each table's columns, indexes and foreign keys, in a form that ignores the order they were added in."""
    schema = {}
    with sqlite3.connect(path) as db:
        for table in sqlite_tables(path) - {"sqlite_sequence"}:
            columns = {tuple(row[1:]) for row in db.execute(f'PRAGMA table_info("{table}")')}
            indexes = {
                (name, unique, tuple(column[2] for column in db.execute(f'PRAGMA index_info("{name}")')))
                for _, name, unique, *_ in db.execute(f'PRAGMA index_list("{table}")')
            }
            keys = {tuple(row[2:5]) for row in db.execute(f'PRAGMA foreign_key_list("{table}")')}
            schema[table] = (columns, indexes, keys)
    return schema


def test_recreate_db_on_sqlite_builds_from_the_models_the_schema_the_migrations_build(manage, tmp_path):
    migrated, recreated = tmp_path / "migrated.sqlite3", tmp_path / "recreated.sqlite3"
    development = {"DJANGO_SETTINGS_MODULE": "project.settings.development"}
    for path in migrated, recreated:
        assert manage("migrate", env={**development, "DATABASE_URL": f"sqlite:///{path}"}).returncode == 0
    env = {**development, "DATABASE_URL": f"sqlite:///{recreated}"}
    result = manage("recreate_db", "--noinput", env=env)
    assert result.returncode == 0, result.stderr
    assert "from the models" in result.stdout

    assert sqlite_schema(recreated) == sqlite_schema(migrated)
    query = "SELECT app, name FROM django_migrations ORDER BY app, name"
    with sqlite3.connect(migrated) as before, sqlite3.connect(recreated) as after:
        assert after.execute(query).fetchall() == before.execute(query).fetchall()
        for table in "core_role", "auth_permission", "django_content_type":
            count = f"SELECT count(*) FROM {table}"
            assert after.execute(count).fetchone() == before.execute(count).fetchone() > (0,)
    # Every migration counts as applied: the next migrate has nothing to do.
    assert manage("migrate", "--check", env=env).returncode == 0


def test_recreate_db_asks_first_and_a_no_changes_nothing(manage, sqlite_database):
    path, env = sqlite_database
    assert manage("migrate", env=env).returncode == 0
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE stray (id integer)")
    result = manage("recreate_db", env=env, input="no\n")
    assert result.returncode == 1
    assert "Type 'yes' to continue" in result.stdout
    assert "Cancelled. Nothing was changed." in result.stderr
    assert "stray" in sqlite_tables(path)


def test_recreate_db_refuses_under_production_settings(manage, sqlite_database):
    path, _ = sqlite_database
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE precious (id integer)")
    result = manage("recreate_db", "--noinput", env=production_env(DATABASE_URL=f"sqlite:///{path}"))
    assert result.returncode == 1
    assert "recreate_db deletes all data, so it refuses to run under production settings" in result.stderr
    assert sqlite_tables(path) == {"precious"}


@pytest.mark.parametrize("command", [["setup_dev"], ["add_fake_data", "--number-users", "3"]])
def test_development_data_commands_refuse_under_production_settings(manage, sqlite_database, command):
    path, _ = sqlite_database
    result = manage(*command, env=production_env(DATABASE_URL=f"sqlite:///{path}", ADMIN_PASSWORD="password"))
    assert result.returncode == 1
    assert "refuses to run under production settings" in result.stderr
    assert not path.exists() or sqlite_tables(path) == set()


def connect(params):
    return psycopg2.connect(
        dbname=params["NAME"], user=params["USER"], host=params["HOST"], port=params["PORT"]
    )


@pytest.fixture
def scratch_postgres():
    """A PostgreSQL database of its own (recreate_db must not touch the test database), dropped after."""
    name = f"django_base_scratch_{uuid.uuid4().hex[:8]}"
    params = {**connection.settings_dict, "NAME": name}
    admin = connect({**params, "NAME": "postgres"})
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    try:
        yield params
    finally:
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_recreate_db_on_postgresql_drops_stray_tables_and_rebuilds_the_schema(manage, scratch_postgres):
    env = {"DATABASE_URL": database_url(scratch_postgres)}
    assert manage("migrate", env=env).returncode == 0
    with connect(scratch_postgres) as db:
        db.cursor().execute("CREATE TABLE stray (id integer REFERENCES core_role (id))")
        db.cursor().execute("CREATE TABLE leftover_audit (note text)")
    result = manage("recreate_db", "--noinput", env=env)
    assert result.returncode == 0, result.stderr
    with connect(scratch_postgres) as db:
        cursor = db.cursor()
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        tables = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT count(*) FROM core_role")
        assert cursor.fetchone() == (2,)
    assert not tables & {"stray", "leftover_audit"}
    assert {"core_user", "core_role", "django_migrations"} <= tables


# setup_dev / setup_prod / add_fake_data -------------------------------------------------------------


@pytest.mark.django_db
def test_setup_dev_creates_the_roles_and_the_administrator_and_is_idempotent(settings):
    settings.ADMIN_EMAIL, settings.ADMIN_PASSWORD = "boss@example.org", "password"
    Role.objects.all().delete()
    call_command("setup_dev", stdout=StringIO())
    output = StringIO()
    call_command("setup_dev", stdout=output)
    assert "exists already" in output.getvalue()
    admin = User.objects.get()
    assert admin.email == "boss@example.org" and admin.is_admin and admin.check_password("password")
    assert Role.objects.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize("command", ["setup_dev", "setup_prod"])
def test_setup_refuses_when_admin_email_belongs_to_an_ordinary_account(settings, command):
    settings.ADMIN_EMAIL, settings.ADMIN_PASSWORD = "taken@example.org", "a-Long-and-rare-passphrase-42"
    UserFactory(email="taken@example.org")
    with pytest.raises(CommandError, match="belongs to an account that is not an administrator"):
        call_command(command, stdout=StringIO())
    assert not User.objects.filter(role__name="Administrator").exists()


@pytest.mark.django_db
def test_setup_dev_refuses_an_empty_password(settings):
    settings.ADMIN_PASSWORD = ""
    with pytest.raises(CommandError, match="Set ADMIN_PASSWORD"):
        call_command("setup_dev")
    assert not User.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "message"),
    [("", "Set ADMIN_PASSWORD"), ("password", "development default"), ("12345678", "too weak")],
)
def test_setup_prod_refuses_a_missing_default_or_weak_password(settings, password, message):
    settings.ADMIN_PASSWORD = password
    with pytest.raises(CommandError, match=message):
        call_command("setup_prod")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_setup_prod_creates_the_administrator_once(settings):
    settings.ADMIN_EMAIL, settings.ADMIN_PASSWORD = "ops@example.org", "a-Long-and-rare-passphrase-42"
    call_command("setup_prod", stdout=StringIO())
    call_command("setup_prod", stdout=StringIO())
    admin = User.objects.get()
    assert admin.is_admin
    assert admin.check_password("a-Long-and-rare-passphrase-42")


@pytest.mark.django_db
def test_add_fake_data_adds_users_who_are_never_administrators_and_can_run_twice():
    output = StringIO()
    call_command("add_fake_data", "--number-users", "30", "--seed", "7", stdout=output)
    call_command("add_fake_data", "--number-users", "30", "--seed", "7", stdout=StringIO())
    assert "30/30 users" in output.getvalue()
    assert User.objects.count() == 60
    assert not User.objects.filter(role__name="Administrator").exists()
    user = User.objects.first()
    assert user.first_name and user.last_name and "@" in user.email


@pytest.mark.django_db
def test_add_fake_data_without_faker_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "faker", None)  # what `import faker` meets on a production install

    with pytest.raises(CommandError, match=r"pip install -r requirements-dev\.txt"):
        call_command("add_fake_data", "--number-users", "3")
    assert not User.objects.exists()


# shell, rqworker, help ------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_shell_has_user_role_and_the_queue_helpers_imported(manage):
    code = (
        "me = User(); me.save(); print(me.id, me.role, Role, enqueue_on_commit.__module__, "
        "enqueue_now.__module__, get_queue('default').name)"
    )
    result = manage("shell", "-c", code)
    assert result.returncode == 0, result.stderr
    user_id, role, *rest = result.stdout.splitlines()[-1].split()
    assert int(user_id) == User.objects.get().id
    assert role == "User"
    assert rest == ["<class", "'core.accounts.models.Role'>", "core.jobs", "core.jobs", "default"]


def test_rqworker_without_redis_says_jobs_run_inline(manage):
    result = manage(
        "rqworker",
        "default",
        "--burst",
        env={"DJANGO_SETTINGS_MODULE": "project.settings.development", "REDIS_URL": None},
    )
    assert result.returncode == 1
    assert "REDIS_URL is not set, so jobs run inline" in result.stderr


def test_rqworker_help_offers_to_run_without_the_scheduler(manage):
    assert "--without-scheduler" in manage("rqworker", "--help").stdout


@pytest.mark.django_db(transaction=True)
def test_send_pending_emails_enqueues_the_emails_a_worker_never_got(manage, redis_db):
    OutgoingEmailFactory(created_at=timezone.now() - timedelta(hours=1))

    result = manage("send_pending_emails")

    assert result.returncode == 0, result.stderr
    assert "Enqueued 1 pending email(s)." in result.stdout
    assert django_rq.get_queue("default").count == 1


@pytest.mark.django_db(transaction=True)
def test_send_pending_emails_says_what_it_skipped_and_why(manage, redis_db):
    OutgoingEmailFactory()  # stored a moment ago

    result = manage("send_pending_emails")

    assert result.returncode == 0, result.stderr
    assert "Enqueued 0 pending email(s)." in result.stdout
    assert "Skipped 1: stored less than 60 s ago" in result.stdout and "--all includes them" in result.stdout
    assert django_rq.get_queue("default").count == 0


@pytest.mark.django_db(transaction=True)
def test_send_pending_emails_all_includes_the_fresh_ones(manage, redis_db):
    OutgoingEmailFactory()

    result = manage("send_pending_emails", "--all")

    assert result.returncode == 0, result.stderr
    assert "Enqueued 1 pending email(s)." in result.stdout
    assert "Skipped" not in result.stdout
    assert django_rq.get_queue("default").count == 1


@pytest.mark.django_db(transaction=True)
def test_send_pending_emails_says_when_redis_is_unreachable(manage):
    OutgoingEmailFactory(created_at=timezone.now() - timedelta(hours=1))

    result = manage("send_pending_emails", env={"REDIS_URL": f"redis://127.0.0.1:{free_port()}/0"})

    assert result.returncode == 1
    assert "Redis is unreachable" in result.stderr and "REDIS_URL" in result.stderr


def test_help_lists_every_custom_command_and_shows_our_one_line_help(manage):
    listing = manage("help").stdout
    for name in CUSTOM_COMMANDS:
        assert f"    {name}\n" in listing
        command = load_command_class("core", name)
        assert command.help, f"{name} has no help text"
        # What `manage.py NAME --help` prints (test_recreate_db_help_explains_its_options runs one).
        shown = command.create_parser("manage.py", name).format_help()
        assert " ".join(command.help.split()) in " ".join(shown.split())


def test_recreate_db_help_explains_its_options(manage):
    text = manage("recreate_db", "--help").stdout
    assert "--noinput" in text and "Do not ask for confirmation" in text and "--database" in text
