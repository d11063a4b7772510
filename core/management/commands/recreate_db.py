from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.management.sql import emit_post_migrate_signal
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from core.management.guards import refuse_outside_development


def drop_all_tables(connection):
    """Drop every table in the database, including tables no model knows; returns their names."""
    tables = connection.introspection.table_names()
    if not tables:
        return tables
    quoted = [connection.ops.quote_name(table) for table in tables]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP TABLE IF EXISTS {', '.join(quoted)} CASCADE")
        elif connection.vendor == "sqlite":
            cursor.execute("PRAGMA foreign_keys = OFF")
            for table in quoted:
                cursor.execute(f"DROP TABLE IF EXISTS {table}")
            cursor.execute("PRAGMA foreign_keys = ON")
        else:
            raise CommandError(f"recreate_db does not know how to drop tables on {connection.vendor}.")
    return tables


def create_tables_from_models(connection, verbosity):
    """Create every table straight from the models, as Django's test runner does without migrations, then
    record every migration as applied, so that the next `migrate` starts from here.

    Only for SQLite: there the migrations hold nothing the models do not (their one database-specific step,
    PostgreSQL's trigram indexes, does nothing on SQLite), and replaying 30-odd migrations to reach the same
    tables took half as long again as Django's own `migrate` of a bare project.
    """
    with connection.schema_editor() as editor:
        for model in apps.get_models():
            if model._meta.managed and not model._meta.proxy:
                editor.create_model(model)
    recorder = MigrationRecorder(connection)
    recorder.ensure_schema()
    applied = set()
    for key, migration in MigrationLoader(connection).graph.nodes.items():
        # A squashed migration counts the ones it replaces as applied too, as migrate records them.
        applied |= {key, *migration.replaces}
    recorder.migration_qs.bulk_create(recorder.Migration(app=app, name=name) for app, name in sorted(applied))
    # What migrate does last: content types, permissions, and core's roles (core/apps.py).
    emit_post_migrate_signal(verbosity, interactive=False, db=connection.alias)


class Command(BaseCommand):
    help = "Drop every table in the database and rebuild the schema (never in production)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation (for scripts).",
        )
        parser.add_argument(
            "--database",
            default=DEFAULT_DB_ALIAS,
            help='The database alias to recreate (default: "default").',
        )

    def handle(self, *, interactive, database, **options):
        refuse_outside_development("recreate_db deletes all data")
        connection = connections[database]
        name = connection.settings_dict["NAME"]
        if interactive:
            answer = input(f"This deletes every table and all data in {name!r}. Type 'yes' to continue: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Cancelled. Nothing was changed.")
        if connection.vendor == "sqlite":
            # The database is rebuilt from nothing, so there is nothing to keep safe from a crash: don't wait
            # for the disk at each drop and each migration's commit. The next connection is back to SQLite's
            # default.
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA synchronous = OFF")
        dropped = drop_all_tables(connection)
        self.stdout.write(f"Dropped {len(dropped)} tables from {name!r}.")
        verbosity = max(options["verbosity"] - 1, 0)
        if connection.vendor == "sqlite":
            create_tables_from_models(connection, verbosity=verbosity)
            source = "the models"
        else:
            call_command("migrate", database=database, interactive=False, verbosity=verbosity)
            source = "the migrations"
        self.stdout.write(self.style.SUCCESS(f"Recreated {name!r} from {source}."))
