"""Memory of a gunicorn worker streaming the user list as CSV: every user (100,000) against about 1%.

    python -m bench.csv_export [--users 100000] [--postgres-url URL] [--redis-url URL]

The export (core/adminarea/csv_export.py) streams rows read in chunks from a server-side cursor, so the
worker's peak resident memory (VmHWM) after exporting every user should stay where it was after
exporting a small filtered list: the ratio printed is that of the two peaks (target <= 1.05).
"""

import argparse
import http.client
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import psycopg2

from bench.common import (
    HOST,
    PROXY_HEADERS,
    BenchError,
    Context,
    Gunicorn,
    analyze,
    check_services,
    create_database,
    drop_database,
    in_django,
    manage,
)

DATABASE = "django_base_bench_csv"
EXPORT = "/admin/users/export.csv"


def insert_users(database_url, count):
    """`count` users in one INSERT ... SELECT (a third of them unconfirmed), as a real table would hold."""
    with psycopg2.connect(database_url) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT id FROM core_role WHERE name = 'User'")
        [role_id] = cursor.fetchone()
        cursor.execute(
            """
            INSERT INTO core_user (password, email, first_name, last_name, confirmed, role_id, is_active,
                                   date_joined)
            SELECT '!bench', 'user' || g || '@example.com', 'First' || g, 'Last' || g, g %% 3 <> 0, %s, true,
                   now() - g * interval '1 minute'
            FROM generate_series(1, %s) AS g
            """,
            [role_id, count],
        )
    connection.close()


def memory_kb(pid):
    status = Path(f"/proc/{pid}/status").read_text()
    return {
        key: int(re.search(rf"^{key}:\s+(\d+) kB", status, re.MULTILINE).group(1))
        for key in ("VmRSS", "VmHWM")
    }


def download(server, path, cookie):
    """GET `path` as the administrator, reading the body in 64 KiB pieces; returns (rows, seconds)."""
    connection = http.client.HTTPConnection(HOST, server.port, timeout=600)
    started = time.perf_counter()
    connection.request("GET", path, headers={**PROXY_HEADERS, "Cookie": cookie, "Host": HOST})
    response = connection.getresponse()
    if response.status != 200:
        raise BenchError(f"{path} answered {response.status}; see {server.log_path}")
    lines = 0
    while piece := response.read(65536):
        lines += piece.count(b"\n")
    connection.close()
    return lines - 1, time.perf_counter() - started  # less the header line


def describe(label, memory, seconds=None):
    line = f"{label:<32} RSS {memory['VmRSS'] / 1024:6.1f} MiB, peak {memory['VmHWM'] / 1024:6.1f} MiB"
    return line + (f" ({seconds:.2f} s)" if seconds is not None else "")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument(
        "--postgres-url", default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
    )
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"))
    options = parser.parse_args(argv)
    check_services(options.postgres_url, options.redis_url)
    with tempfile.TemporaryDirectory(prefix="bench-csv-") as workdir:
        context = Context(None, options.postgres_url, options.redis_url, Path(workdir), DATABASE)
        database_url = context.database_url(DATABASE)
        env = context.app_env(database_url)
        create_database(options.postgres_url, DATABASE)
        try:
            manage("migrate", "--noinput", env=env)
            manage("collectstatic", "--noinput", env=env)
            cookie = in_django("session", env=env)["cookie"]
            insert_users(database_url, options.users)
            analyze(database_url)
            with Gunicorn(
                "project.wsgi", env=env, workers=1, log_path=Path(workdir) / "gunicorn.log"
            ) as server:
                [pid] = server.worker_pids()
                download(server, f"{EXPORT}?q=user99", cookie)  # warm-up: imports, connection, templates
                warm = memory_kb(pid)
                small_rows, small_seconds = download(server, f"{EXPORT}?q=user99", cookie)
                small = memory_kb(pid)
                all_rows, all_seconds = download(server, EXPORT, cookie)
                full = memory_kb(pid)
        finally:
            drop_database(options.postgres_url, DATABASE)
    print(describe("worker after warm-up:", warm))
    print(describe(f"after exporting {small_rows:>7,} users:", small, small_seconds))
    print(describe(f"after exporting {all_rows:>7,} users:", full, all_seconds))
    ratio = full["VmHWM"] / small["VmHWM"]
    verdict = "met" if ratio <= 1.05 else "MISSED"
    print(f"peak memory, every user / {small_rows:,} users: {ratio:.3f} (target <= 1.05): {verdict}")
    return 0 if ratio <= 1.05 else 1


if __name__ == "__main__":
    sys.exit(main())
