"""Run the benchmark suite: `python -m bench` (or `make bench`); `--quick` for a seconds-long smoke run.

Every figure is printed as a ratio to a baseline measured in the same run (docs/performance.md).
"""

import argparse
import importlib
import shlex
import shutil
import sys
import tempfile
import traceback
from pathlib import Path

from bench import output
from bench.common import BenchError, Context, Row, check_services, create_database, drop_database, manage
from harness import HarnessError

SECTIONS = ["install", "startup", "web", "memory", "data_growth", "jobs"]
# Defaults of a full run, and of --quick (the smoke test's).
# Rounds and probes: as many as the issue's own comparison took (medians of 7-9 rounds); the web and job
# ratios moved by 0.05 from one run to the next with five web rounds and two job rounds.
FULL = {
    "duration": 2,
    "rounds": 7,
    "warmup": 1,
    "users": "10,1000,100000",
    "jobs": 2000,
    "job_rounds": 4,
    "emails": 500,
    "repeat": 7,
    "probes": 100,
}
QUICK = {
    "duration": 1,
    "rounds": 1,
    "warmup": 0,
    "users": "10,50",
    "jobs": 50,
    "job_rounds": 1,
    "emails": 20,
    "repeat": 1,
    "probes": 5,
}


def parse_arguments(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny sizes and 1 s loads, for the smoke test")
    parser.add_argument(
        "--only", default=",".join(SECTIONS), help=f"sections to run (default: {','.join(SECTIONS)})"
    )
    parser.add_argument(
        "--duration", type=int, help="seconds of each wrk load, per page and round (default 2)"
    )
    parser.add_argument("--rounds", type=int, help="rounds of loads over all pages, interleaved (default 5)")
    parser.add_argument("--warmup", type=int, help="seconds of wrk warm-up per page (default 1)")
    parser.add_argument("--connections", type=int, default=20, help="wrk connections (default 20)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--users", help="user counts for the data-growth rows (default 10,1000,100000)")
    parser.add_argument("--growth-path", default="/admin/users/", help="the page the data-growth rows load")
    parser.add_argument("--jobs", type=int, help="no-op jobs each worker drains (default 2000)")
    parser.add_argument("--job-rounds", type=int, help="rounds of both workers, alternating (default 2)")
    parser.add_argument("--emails", type=int, help="emails sent end to end (default 500)")
    parser.add_argument(
        "--repeat", type=int, help="timed runs per start-up command; the fastest counts (default 7)"
    )
    parser.add_argument("--probes", type=int, help="sequential requests per median latency (default 50)")
    parser.add_argument(
        "--postgres",
        default="postgres://postgres@127.0.0.1:5432",
        help="PostgreSQL server (no database name)",
    )
    parser.add_argument(
        "--redis", default="redis://127.0.0.1:6379/11", help="a Redis database the bench may empty"
    )
    parser.add_argument(
        "--database-prefix", default="django_base_bench", help="names of the databases it creates"
    )
    parser.add_argument("--json", default=Path(__file__).with_name("results") / "latest.json", type=Path)
    options = parser.parse_args(argv)
    for name, value in (QUICK if options.quick else FULL).items():
        if getattr(options, name) is None:
            setattr(options, name, value)
    options.users = sorted(int(number) for number in str(options.users).split(","))
    options.only = [name.strip() for name in options.only.split(",") if name.strip()]
    unknown = set(options.only) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s) {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")
    return options


def prepare(context):
    """The run's own database, migrated, and the static files collected, as a release would."""
    env = context.app_env(context.database_url(context.main_database))
    create_database(context.postgres_url, context.main_database)
    manage("migrate", "--noinput", env=env)
    manage("collectstatic", "--noinput", env=env)


def main(argv=None):
    options = parse_arguments(sys.argv[1:] if argv is None else argv)
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: run `make wrk` (or apt-get install wrk).")
    try:
        check_services(options.postgres, options.redis)
    except BenchError as error:
        sys.exit(str(error))
    workdir = Path(tempfile.mkdtemp(prefix="django-base-bench-"))
    context = Context(options, options.postgres, options.redis, workdir, options.database_prefix)
    rows, failed = [], False
    try:
        prepare(context)
        for section in options.only:
            print(f"-- {section}", file=sys.stderr, flush=True)
            try:
                rows += importlib.import_module(f"bench.{section}").run(context)
            except HarnessError as error:  # BenchError, or a server of harness.py that did not start
                failed = True
                rows.append(
                    Row(section, "(section failed)", None, "", status="error", note=str(error)[-600:])
                )
                print(error, file=sys.stderr)
            except Exception:  # noqa: BLE001 - reported, and the other sections still run
                failed = True
                traceback.print_exc()
                rows.append(Row(section, "(section failed)", None, "", status="error"))
    finally:
        for name in (context.main_database, context.growth_database, context.baseline_database):
            drop_database(context.postgres_url, name)
    command = "python -m bench " + shlex.join(sys.argv[1:] if argv is None else argv)
    print(output.table(rows))
    output.write_json(options.json, rows, options, command)
    print(f"\nJSON: {options.json}")
    if failed:
        print(f"Logs kept in {workdir}", file=sys.stderr)
        sys.exit(1)
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
