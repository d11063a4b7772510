"""Start-up: what every command and every deploy pays, against a bare Django project's."""

from bench import bare_project
from bench.common import PYTHON, Row, median_time

SECTION = "startup"


def run(context):
    options = context.options
    bare_env = bare_project.env_for(context.app_env(""))
    bare = bare_project.build(context.workdir / "bare-startup", bare_env)
    # The project as a developer or a release step runs it: manage.py's default (development)
    # settings on SQLite, the same database engine as the bare project.
    database = context.workdir / "startup.sqlite3"
    app_env = {
        **bare_env,
        "ENV_FILE": "/dev/null",
        "DJANGO_SETTINGS_MODULE": "project.settings.development",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    rows = []
    for command in ("help", "check"):
        app = median_time([PYTHON, "manage.py", command], env=app_env, repeat=options.repeat)
        baseline = median_time([PYTHON, "manage.py", command], env=bare_env, cwd=bare, repeat=options.repeat)
        rows.append(
            Row(
                SECTION,
                f"manage.py {command}",
                app,
                "s",
                f"bare project {command}",
                baseline,
                target="<= 1.3",
            )
        )

    def forget_bare_database():
        (bare / "db.sqlite3").unlink(missing_ok=True)

    recreate = median_time(
        [PYTHON, "manage.py", "recreate_db", "--noinput"], env=app_env, repeat=options.repeat
    )
    migrate = median_time(
        [PYTHON, "manage.py", "migrate"],
        env=bare_env,
        cwd=bare,
        repeat=options.repeat,
        before_each=forget_bare_database,
    )
    rows.append(
        Row(
            SECTION,
            "recreate_db --noinput (SQLite)",
            recreate,
            "s",
            "bare migrate, fresh db",
            migrate,
            target="<= 1.5",
        )
    )
    return rows
