"""The benchmark suite runs end to end on tiny sizes and reports every measurement.

Benchmarks are not tests: nothing here asserts a speed. The bench runs once, as `make bench
BENCH_ARGS=--quick` would, against the test suite's PostgreSQL server and Redis database.
"""

import json
import subprocess
import sys

import psycopg2
import pytest
from django.conf import settings
from django.db import connection

from bench.common import parse_wrk
from project.env import BASE_DIR

EXPECTED_ROWS = {
    ("install", "runtime install (requirements.txt)"),
    ("startup", "manage.py help"),
    ("startup", "manage.py check"),
    ("startup", "bare project + django-rq help"),
    ("startup", "bare project + django-rq check"),
    ("startup", "recreate_db --noinput (SQLite)"),
    ("web", "bare view req/s"),
    ("web", "template page req/s"),
    ("web", "home page req/s"),
    ("web", "login page req/s"),
    ("web", "Django's login view req/s"),
    ("web", "admin user list req/s"),
    ("memory", "gunicorn worker RSS after load"),
    ("jobs", "50 no-op jobs, jobs/s"),
    ("jobs", "50 no-op jobs, --worker-class rq.Worker"),
    ("jobs", "50 no-op jobs, --worker-class rq.SimpleWorker"),
    ("jobs", "20 emails end to end, emails/s"),
    ("jobs", "20 emails end to end, two workers"),
}
# Data growth rows name their sizes; the admin user list may not exist yet ("missing (404)").
GROWTH_SIZES = (10, 50)

WRK_OUTPUT = """\
Running 1s test @ http://127.0.0.1:8000/
  2 threads and 20 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     5.10ms    2.00ms  30.00ms   90.00%
    Req/Sec     1.90k   100.00     2.10k    70.00%
  Latency Distribution
     50%  520.00us
     75%    6.00ms
     90%    8.00ms
     99%    1.20s
  3800 requests in 1.00s, 1.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
Requests/sec:   3791.50
Transfer/sec:      1.00MB
not-2xx: 7
"""


def bench_database_prefix():
    return f"{connection.settings_dict['NAME']}_bench"


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory):
    """One quick run of the whole bench: (its stdout, its JSON document)."""
    database = connection.settings_dict
    postgres = f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}"
    json_path = tmp_path_factory.mktemp("bench") / "latest.json"
    result = subprocess.run(
        [
            sys.executable, "-m", "bench", "--quick", "--json", str(json_path), "--postgres", postgres,
            "--redis", settings.REDIS_URL, "--database-prefix", bench_database_prefix(),
        ],
        cwd=BASE_DIR, capture_output=True, text=True, timeout=420,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout, json.loads(json_path.read_text())


def test_bench_prints_a_table_row_for_each_measurement(quick_run):
    stdout, _ = quick_run
    table = stdout.split("\nNotes:")[0]
    lines = table.splitlines()
    assert lines[0].split()[:5] == ["section", "measurement", "value", "baseline", "ratio"]
    for section, name in EXPECTED_ROWS:
        assert any(line.startswith(section) and f"  {name}  " in line for line in lines), name


def test_bench_writes_the_rows_of_every_section_to_json(quick_run):
    _, document = quick_run
    rows = {(row["section"], row["name"]) for row in document["rows"]}
    assert rows >= EXPECTED_ROWS
    growth = [row for row in document["rows"] if row["section"] == "data growth"]
    assert all(any(f", {size} users" in row["name"] for row in growth) for size in GROWTH_SIZES)
    assert document["command"].startswith("python -m bench --quick")


def test_the_targets_of_the_issue_are_judged_against_their_baselines(quick_run):
    _, document = quick_run
    targets = {
        (row["name"], row["baseline_name"]): row["target"] for row in document["rows"] if row["target"]
    }
    assert targets["login page req/s", "Django's login view"] == ">= 1.0"
    assert targets["login page req/s", "bare view"] == ">= 0.35"
    assert targets["home page req/s", "bare view"] == ">= 0.65"
    assert targets["50 no-op jobs, jobs/s", "rq.Worker, Django loaded"] == ">= 0.95"
    assert targets["gunicorn worker RSS after load", "bare project worker"] == "<= 1.25"
    assert targets["recreate_db --noinput (SQLite)", "bare migrate, fresh db"] == "<= 1.3"
    assert targets["manage.py help", "bare project help"] == "<= 1.3"


def test_every_measured_row_with_a_baseline_has_a_numeric_ratio(quick_run):
    _, document = quick_run
    for row in document["rows"]:
        assert row["status"] in {"measured", "missing (404)"}, row
        if row["status"] == "measured" and row["baseline_name"]:
            assert isinstance(row["value"], float | int), row
            assert isinstance(row["ratio"], float) and row["ratio"] > 0, row


def test_bench_drops_the_databases_it_created(quick_run):
    database = connection.settings_dict
    with (
        psycopg2.connect(
            dbname="postgres",
            user=database["USER"],
            host=database["HOST"] or "127.0.0.1",
            port=database["PORT"] or 5432,
        ) as server,
        server.cursor() as cursor,
    ):
        cursor.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s", [bench_database_prefix() + "%"]
        )
        assert cursor.fetchall() == []
    server.close()


def test_wrk_output_is_read_with_percentiles_and_failed_requests():
    load = parse_wrk(WRK_OUTPUT)
    assert (load.requests_per_second, load.requests) == (3791.5, 3800)
    assert (load.p50_ms, load.p99_ms) == (0.52, 1200.0)
    assert (load.not_2xx, load.socket_errors) == (7, 3)


def test_bench_refuses_an_unknown_section():
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--only", "web,speed"], cwd=BASE_DIR, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "unknown section(s) speed" in result.stderr
