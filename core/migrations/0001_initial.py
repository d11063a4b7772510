"""django-base's tables, in one migration: models in dependency order, so SQLite never rebuilds a table.

Nothing was deployed before the first release, so later changes are folded in here rather than added.

The trigram indexes let PostgreSQL answer the admin area's user search (icontains on names and e-mail,
which Django writes as UPPER(column::text) LIKE UPPER('%word%')) without reading every row. They are
PostgreSQL only: elsewhere (SQLite in development) that step does nothing. pg_trgm ships with PostgreSQL
and is a trusted extension, so any role that may create objects in the database can add it.
"""

import core.accounts.models
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import DatabaseError, migrations, models

COLUMNS = ["email", "first_name", "last_name"]


def create_trigram_indexes(apps, schema_editor):
    try:
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError as error:
        raise RuntimeError(f"Could not create the pg_trgm extension ({error}). Ask the database's owner to run CREATE EXTENSION pg_trgm; in this database, then run `python manage.py migrate` again.") from error
    for column in COLUMNS:
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS user_{column}_trgm ON core_user USING gin ((UPPER("{column}"::text)) gin_trgm_ops)')


def drop_trigram_indexes(apps, schema_editor):
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS user_{column}_trgm")


class RunPythonOnPostgreSQL(migrations.RunPython):
    """Skipped on other databases before Django renders the models for it, which costs every SQLite rebuild."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Role",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=64, unique=True)),
                ("home_url_name", models.CharField(help_text="URL name of this role's home page.", max_length=64)),
                ("default", models.BooleanField(default=False)),
                ("permissions", models.PositiveIntegerField(default=0)),
            ],
        ),
        migrations.CreateModel(
            name="User",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("password", models.CharField(max_length=128, verbose_name="password")),
                ("last_login", models.DateTimeField(blank=True, null=True, verbose_name="last login")),
                ("email", models.EmailField(max_length=254, unique=True)),
                ("first_name", models.CharField(blank=True, max_length=150)),
                ("last_name", models.CharField(blank=True, max_length=150)),
                ("confirmed", models.BooleanField(default=False, help_text="The user followed the mailed link.")),
                ("is_active", models.BooleanField(default=True)),
                ("date_joined", models.DateTimeField(default=django.utils.timezone.now)),
                ("email_changed_at", models.DateTimeField(blank=True, editable=False, null=True)),
                ("role", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="users", to="core.role")),
            ],
            options={"ordering": ["last_name", "first_name", "email"], "indexes": [models.Index(fields=["last_name", "first_name", "email"], name="user_name_order"), models.Index(fields=["date_joined", "id"], name="user_date_joined_order")]},
            managers=[("objects", core.accounts.models.UserManager())],
        ),
        migrations.CreateModel(
            name="EditableContent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("slug", models.SlugField(choices=[("about", "About")], unique=True)),
                ("body", models.TextField(blank=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("updated_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name="OutgoingEmail",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("to", models.EmailField(max_length=254)),
                ("subject", models.CharField(max_length=255)),
                ("body_text", models.TextField()),
                ("body_html", models.TextField(blank=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("sent_at", models.DateTimeField(blank=True, null=True)),
                ("attempts", models.PositiveIntegerField(default=0)),
                ("last_error", models.TextField(blank=True)),
            ],
            options={"ordering": ["created_at"], "indexes": [models.Index(condition=models.Q(("sent_at", None)), fields=["created_at"], name="outgoing_email_unsent")]},
        ),
        migrations.CreateModel(
            name="TOTPDevice",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("secret", models.CharField(help_text="Base32, as the authenticator app was given it.", max_length=64)),
                ("last_used_step", models.BigIntegerField(default=0)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("user", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="totp_device", to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name="AdminAction",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, db_index=True)),
                ("actor_email", models.CharField(max_length=254)),
                (
                    "action",
                    models.CharField(
                        choices=[
                            ("role_changed", "changed the role of"),
                            ("email_changed", "changed the email of"),
                            ("user_edited", "edited"),
                            ("user_created", "created"),
                            ("user_invited", "invited"),
                            ("user_reinvited", "invited again"),
                            ("user_deleted", "deleted"),
                            ("two_factor_off", "turned off the two-factor of"),
                            ("content_edited", "edited a page"),
                            ("job_requeued", "requeued a job"),
                        ],
                        max_length=32,
                    ),
                ),
                ("target_email", models.CharField(blank=True, max_length=254)),
                ("ip", models.GenericIPAddressField(blank=True, null=True, verbose_name="address")),
                ("detail", models.TextField(blank=True)),
                ("actor", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                ("target", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
            ],
            options={"ordering": ["-created_at", "-pk"], "indexes": [models.Index(fields=["target_email", "-created_at"], name="audit_target_recent"), models.Index(fields=["actor_email", "-created_at"], name="audit_actor_recent")]},
        ),
        migrations.CreateModel(
            name="RecoveryCode",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="recovery_codes", to=settings.AUTH_USER_MODEL)),
                ("lookup", models.CharField(max_length=8)),
                ("code_hash", models.CharField(max_length=256)),
                ("used_at", models.DateTimeField(blank=True, null=True)),
            ],
            options={"indexes": [models.Index(fields=["user", "lookup"], name="recovery_code_lookup")]},
        ),
        RunPythonOnPostgreSQL(create_trigram_indexes, drop_trigram_indexes),
    ]
