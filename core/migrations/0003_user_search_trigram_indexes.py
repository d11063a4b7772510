"""Trigram indexes that let PostgreSQL answer the admin area's user search (icontains on names and
e-mail, which Django writes as UPPER(column::text) LIKE UPPER('%word%')) without reading every row.

PostgreSQL only: elsewhere (SQLite in development) this migration does nothing. pg_trgm ships with
PostgreSQL and is a trusted extension, so any role that may create objects in the database can add it.
"""

from django.db import DatabaseError, migrations

COLUMNS = ["email", "first_name", "last_name"]


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError as error:
        raise RuntimeError(
            f"Could not create the pg_trgm extension ({error}). Ask the database's owner to run "
            "CREATE EXTENSION pg_trgm; in this database, then run `python manage.py migrate` again."
        ) from error
    for column in COLUMNS:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS user_{column}_trgm ON core_user '
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS user_{column}_trgm")


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_editable_content_and_user_list_indexes'),
    ]

    operations = [
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes),
    ]
