"""Cost as data grows: the admin user list with more and more users in PostgreSQL.

One database, grown in steps (10, then 1,000, then 100,000 users by default) with
`manage.py add_fake_data`, served by one gunicorn; a copy of it at the smallest size, served by a
second gunicorn, is the baseline. At each size: the queries of one request (counted in-process by
bench.in_django with CaptureQueriesContext), and the median latency of sequential requests over
HTTP to both servers, taken in alternating rounds so that a machine slowing down during the
minutes a step takes slows both sides alike.
"""

import statistics
import time
from http import HTTPStatus

from bench.common import (
    PROXY_HEADERS,
    BenchError,
    Gunicorn,
    Row,
    analyze,
    create_database,
    in_django,
    manage,
    probe,
    status_label,
)

SECTION = "data growth"
# The latency probes of each size are taken in this many rounds, alternating baseline and grown page.
ROUNDS = 5


def grow(env, database_url, users, *, seed):
    """Add `users` fake users (add_fake_data runs only under development settings; they honour the
    bench's DATABASE_URL) and refresh the planner's statistics; returns users added per second."""
    started = time.perf_counter()
    seed_env = {**env, "DJANGO_SETTINGS_MODULE": "project.settings.development"}
    manage("add_fake_data", "--number-users", str(users), "--seed", str(seed), env=seed_env)
    rate = users / (time.perf_counter() - started)
    analyze(database_url)
    return rate


def alternating_medians(baseline_url, grown_url, *, headers, count):
    """Median latency of each URL over `count` requests, taken in ROUNDS alternating rounds."""
    latencies = {baseline_url: [], grown_url: []}
    statuses = []
    for _ in range(ROUNDS):
        for url in latencies:
            round_statuses, round_latencies, _ = probe(url, headers=headers, count=max(1, count // ROUNDS))
            latencies[url] += round_latencies
            if url == grown_url:
                statuses += round_statuses
    return statistics.median(latencies[baseline_url]), statistics.median(latencies[grown_url]), statuses


def run(context):
    options = context.options
    name, baseline = context.growth_database, context.baseline_database
    sizes, path = options.users, options.growth_path
    smallest = sizes[0]
    page = "admin user list" if path == "/admin/users/" else path
    # A copy of the run's migrated database: the same schema, its own data.
    create_database(context.postgres_url, name, template=context.main_database)
    database_url = context.database_url(name)
    env = context.app_env(database_url)
    cookie = in_django("session", env=env)["cookie"]
    headers = {**PROXY_HEADERS, "Cookie": cookie}
    rate = grow(env, database_url, smallest, seed=smallest)
    # The baseline: the smallest size, signed-in session included, while no process holds the database.
    create_database(context.postgres_url, baseline, template=name)
    baseline_env = context.app_env(context.database_url(baseline))
    measured, users = {}, smallest
    with (
        Gunicorn("project.wsgi", env=env, workers=options.workers, log_path=context.workdir / "growth.log")
        as server,
        Gunicorn(
            "project.wsgi", env=baseline_env, workers=options.workers,
            log_path=context.workdir / "growth-baseline.log",
        ) as baseline_server,
    ):  # fmt: skip
        status = probe(server.url(path), headers=headers, count=1)[0][0]
        if status != HTTPStatus.OK:
            return [
                Row(SECTION, f"{page}, {size} users", None, "", status=status_label(status)) for size in sizes
            ]
        base_queries = in_django("queries", cookie, path, env=baseline_env)[path]["queries"]
        for size in sizes:
            if size > users:
                rate = grow(env, database_url, size - users, seed=size)
                users = size
            queries = in_django("queries", cookie, path, env=env)[path]
            if queries["status"] != HTTPStatus.OK:
                raise BenchError(
                    f"The test client got {queries['status']} from {path}, so its queries mean nothing."
                )
            base_latency, latency, statuses = alternating_medians(
                baseline_server.url(path), server.url(path), headers=headers, count=options.probes
            )
            measured[size] = (queries["queries"], latency, base_latency, statuses, rate)
    rows = []
    for size in sizes:
        queries, latency, base_latency, statuses, rate = measured[size]
        bad = [status for status in statuses if status != HTTPStatus.OK]
        rows.append(
            Row(
                SECTION, f"{page} queries, {size} users", queries, "queries",
                f"{smallest} users", base_queries, target="<= 1.0",
            )
        )  # fmt: skip
        latency_row = Row(
            SECTION, f"{page} median, {size} users", latency, "ms",
            f"{smallest} users", base_latency, target="<= 1.5", note=f"add_fake_data: {rate:.0f} users/s",
        )  # fmt: skip
        if bad:
            latency_row.status, latency_row.met = f"{len(bad)} responses not 200", False
        rows.append(latency_row)
    return rows
