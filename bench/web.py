"""Web throughput and p99 latency of the app's pages against the baseline pages, one gunicorn, one run."""

from dataclasses import dataclass
from http import HTTPStatus

from bench.common import PROXY_HEADERS, Gunicorn, Row, in_django, probe, wrk

SECTION = "web"


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    signed_in: bool = False
    # The least requests/s, as a ratio of the bare view's, this page must reach ("" = report only).
    target: str = ""


BARE = Target("bare view", "/bench/bare/")
TEMPLATE = Target("template page", "/bench/template/")
# The pages measured, in order; add a page here to measure it.
TARGETS = [
    BARE,
    TEMPLATE,
    Target("home page", "/", target=">= 0.6"),
    Target("login page", "/account/login/", target=">= 0.6"),
    Target("admin user list", "/admin/users/", signed_in=True),
]


def headers_for(target, cookie):
    return {**PROXY_HEADERS, **({"Cookie": cookie} if target.signed_in else {})}


def check_status(server, target, cookie):
    """The page's status before the load: wrk alone would count a redirect to the login page as fine."""
    statuses, _, _ = probe(server.url(target.path), headers=headers_for(target, cookie), count=1)
    return statuses[0]


def measure(server, target, cookie, options):
    url, headers = server.url(target.path), headers_for(target, cookie)
    if options.warmup:
        wrk(url, duration=options.warmup, connections=options.connections, threads=options.threads, headers=headers)
    return wrk(
        url, duration=options.duration, connections=options.connections, threads=options.threads, headers=headers
    )


def run(context):
    options = context.options
    env = context.app_env(context.database_url(context.main_database))
    cookie = in_django("session", env=env)["cookie"]
    loads, missing = {}, {}
    with Gunicorn("project.wsgi", env=env, workers=options.workers, log_path=context.workdir / "web.log") as server:
        for target in TARGETS:
            status = check_status(server, target, cookie)
            if status != HTTPStatus.OK:
                missing[target] = status
                continue
            loads[target] = measure(server, target, cookie, options)
    if BARE not in loads:
        raise RuntimeError(f"The bare view answered {missing.get(BARE)}; see {context.workdir / 'web.log'}")
    bare, template = loads[BARE], loads.get(TEMPLATE)
    rows = [Row(SECTION, "bare view req/s", bare.requests_per_second, "req/s", note=failures(bare))]
    for target in TARGETS[1:]:
        if target in missing:
            status = missing[target]
            label = "missing (404)" if status == HTTPStatus.NOT_FOUND else f"answered {status}, not 200"
            rows.append(Row(SECTION, f"{target.name} req/s", None, "req/s", BARE.name, status=label))
            continue
        load = loads[target]
        rate = Row(
            SECTION, f"{target.name} req/s", load.requests_per_second, "req/s", BARE.name,
            bare.requests_per_second, target=target.target, note=failures(load),
        )  # fmt: skip
        if load.not_2xx or load.socket_errors:
            rate.status, rate.met = "failed requests", False
        rows.append(rate)
        if template and target is not TEMPLATE:
            rows.append(
                Row(
                    SECTION, f"{target.name} req/s", load.requests_per_second, "req/s",
                    TEMPLATE.name, template.requests_per_second,
                )
            )  # fmt: skip
        rows.append(Row(SECTION, f"{target.name} p99", load.p99_ms, "ms", BARE.name, bare.p99_ms))
    return rows


def failures(load):
    return f"{load.requests} requests, {load.not_2xx} not 2xx, {load.socket_errors} socket errors"
