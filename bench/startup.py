"""Start-up: what every command and every deploy pays, against a bare Django project's.

The commands compared run in turns (app, bare, app, bare ...) after one untimed run of each,
and the fastest run of each counts: other processes on the machine only ever add time, so the
fastest run is the closest to the command's own cost.
"""

from dataclasses import dataclass, field

from bench import bare_project
from bench.common import BASE_DIR, PYTHON, Row, timed

SECTION = "startup"


@dataclass
class Command:
    args: list
    env: dict
    cwd: object = BASE_DIR
    before_each: object = field(default=lambda: None)

    def time(self):
        self.before_each()
        return timed(self.args, env=self.env, cwd=self.cwd)


def fastest_of(commands, repeat):
    """Each command's fastest run, the commands taking turns."""
    for command in commands:
        command.time()  # untimed: warm the file cache and write the bytecode
    times = [[] for _ in commands]
    for _ in range(repeat):
        for command, runs in zip(commands, times, strict=True):
            runs.append(command.time())
    return [min(runs) for runs in times]


def run(context):
    options = context.options
    bare_env = bare_project.env_for(context.app_env(""))
    bare = bare_project.build(context.workdir / "bare-startup", bare_env)
    bare_rq = bare_project.build(context.workdir / "bare-startup-django-rq", bare_env, with_django_rq=True)
    # The project as a developer or a release step runs it: manage.py's default (development)
    # settings on SQLite, the same database engine as the bare project.
    app_env = {
        **bare_env,
        "ENV_FILE": "/dev/null",
        "DJANGO_SETTINGS_MODULE": "project.settings.development",
        "DATABASE_URL": f"sqlite:///{context.workdir / 'startup.sqlite3'}",
    }
    rows = []
    for name in ("help", "check"):
        app, baseline, with_rq = fastest_of(
            [
                Command([PYTHON, "manage.py", name], app_env),
                Command([PYTHON, "manage.py", name], bare_env, cwd=bare),
                # How much of it django-rq alone brings: a package django-base is built on.
                Command([PYTHON, "manage.py", name], bare_env, cwd=bare_rq),
            ],
            options.repeat,
        )
        rows.append(
            Row(SECTION, f"manage.py {name}", app, "s", f"bare project {name}", baseline, target="<= 1.3")
        )
        rows.append(
            Row(SECTION, f"bare project + django-rq {name}", with_rq, "s", f"bare project {name}", baseline)
        )
    recreate, migrate = fastest_of(
        [
            Command([PYTHON, "manage.py", "recreate_db", "--noinput"], app_env),
            Command(
                [PYTHON, "manage.py", "migrate"],
                bare_env,
                cwd=bare,
                before_each=lambda: (bare / "db.sqlite3").unlink(missing_ok=True),
            ),
        ],
        options.repeat,
    )
    rows.append(
        Row(
            SECTION,
            "recreate_db --noinput (SQLite)",
            recreate,
            "s",
            "bare migrate, fresh db",
            migrate,
            target="<= 1.3",
        )
    )
    return rows
