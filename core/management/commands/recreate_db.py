from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

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


class Command(BaseCommand):
    help = "Drop every table in the database and rebuild it from the migrations (never in production)."

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
        call_command(
            "migrate", database=database, interactive=False, verbosity=max(options["verbosity"] - 1, 0)
        )
        self.stdout.write(self.style.SUCCESS(f"Recreated {name!r} from the migrations."))
