"""Start-up: what every command and every deploy pays, against a bare Django project's.

Each pair of commands runs alternately (app, bare, app, bare ...) after one untimed run of each,
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


def fastest_of_pair(app, baseline, repeat):
    app.time(), baseline.time()  # untimed: warm the file cache and write the bytecode
    app_times, baseline_times = [], []
    for _ in range(repeat):
        app_times.append(app.time())
        baseline_times.append(baseline.time())
    return min(app_times), min(baseline_times)


def run(context):
    options = context.options
    bare_env = bare_project.env_for(context.app_env(""))
    bare = bare_project.build(context.workdir / "bare-startup", bare_env)
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
        app, baseline = fastest_of_pair(
            Command([PYTHON, "manage.py", name], app_env),
            Command([PYTHON, "manage.py", name], bare_env, cwd=bare),
            options.repeat,
        )
        rows.append(
            Row(SECTION, f"manage.py {name}", app, "s", f"bare project {name}", baseline, target="<= 1.3")
        )
    recreate, migrate = fastest_of_pair(
        Command([PYTHON, "manage.py", "recreate_db", "--noinput"], app_env),
        Command(
            [PYTHON, "manage.py", "migrate"],
            bare_env,
            cwd=bare,
            before_each=lambda: (bare / "db.sqlite3").unlink(missing_ok=True),
        ),
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
            target="<= 1.5",
        )
    )
    return rows
