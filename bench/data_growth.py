"""Cost as data grows: the admin user list with more and more users in PostgreSQL.

One database, grown in steps (10, then 1,000, then 100,000 users by default) with
`manage.py add_fake_data`, served by one gunicorn; at each size, the queries of one request
(counted in-process by bench.in_django with CaptureQueriesContext) and the median latency of
sequential requests over HTTP. Both are compared with the smallest size.
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


def run(context):
    options = context.options
    name = context.growth_database
    # A copy of the run's migrated database: the same schema, its own data.
    create_database(context.postgres_url, name, template=context.main_database)
    database_url = context.database_url(name)
    env = context.app_env(database_url)
    cookie = in_django("session", env=env)["cookie"]
    headers = {**PROXY_HEADERS, "Cookie": cookie}
    sizes, measured, users, path = options.users, {}, 0, options.growth_path
    page = "admin user list" if path == "/admin/users/" else path
    with Gunicorn(
        "project.wsgi", env=env, workers=options.workers, log_path=context.workdir / "growth.log"
    ) as server:
        status = probe(server.url(path), headers=headers, count=1)[0][0]
        if status != HTTPStatus.OK:
            return [
                Row(SECTION, f"{page}, {size} users", None, "", status=status_label(status)) for size in sizes
            ]
        for size in sizes:
            started = time.perf_counter()
            # add_fake_data runs only under development settings; they honour the bench's DATABASE_URL.
            seed_env = {**env, "DJANGO_SETTINGS_MODULE": "project.settings.development"}
            manage("add_fake_data", "--number-users", str(size - users), "--seed", str(size), env=seed_env)
            rate = (size - users) / (time.perf_counter() - started)
            users = size
            analyze(database_url)
            queries = in_django("queries", cookie, path, env=env)[path]
            if queries["status"] != HTTPStatus.OK:
                raise BenchError(
                    f"The test client got {queries['status']} from {path}, so its queries mean nothing."
                )
            statuses, latencies, _ = probe(server.url(path), headers=headers, count=options.probes)
            measured[size] = (queries["queries"], statistics.median(latencies), statuses, rate)
    smallest = sizes[0]
    base_queries, base_latency = measured[smallest][:2]
    rows = []
    for size in sizes:
        queries, latency, statuses, rate = measured[size]
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
