"""Resident memory of a gunicorn worker after a load, against the bare project's after the same load."""

from bench import bare_project
from bench.common import PROXY_HEADERS, Gunicorn, Row, wrk

SECTION = "memory"


# The same number of loads of the same length on each side: two of the app's pages, and the bare
# project's two pages (its bare view and its template page).
APP_PATHS = ["/", "/account/login/"]
BARE_PATHS = ["/bench/bare/", "/bench/template/"]


def loaded_worker_mb(server, paths, options):
    """The larger worker's resident memory after a load on each path as long as the web rows'."""
    for path in paths:
        wrk(
            server.url(path),
            duration=options.duration * options.rounds,
            connections=options.connections,
            threads=options.threads,
            headers=PROXY_HEADERS,
        )
    return max(server.worker_rss_mb())


def run(context):
    options = context.options
    env = context.app_env(context.database_url(context.main_database))
    with Gunicorn(
        "project.wsgi", env=env, workers=options.workers, log_path=context.workdir / "memory.log"
    ) as server:
        app = loaded_worker_mb(server, APP_PATHS, options)
    bare_env = bare_project.env_for(env)
    bare = bare_project.build(context.workdir / "bare-memory", bare_env)
    with Gunicorn(
        f"{bare_project.NAME}.wsgi",
        env=bare_env,
        cwd=bare,
        workers=options.workers,
        log_path=context.workdir / "memory-bare.log",
    ) as server:
        baseline = loaded_worker_mb(server, BARE_PATHS, options)
    return [
        Row(
            SECTION,
            "gunicorn worker RSS after load",
            app,
            "MiB",
            "bare project worker",
            baseline,
            target="<= 1.25",
            note="app: home and login pages; bare project: its bare view and template page; same loads",
        )
    ]
