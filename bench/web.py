"""Web throughput and p99 latency of the app's pages against the baseline pages, one gunicorn, one run."""

import statistics
from dataclasses import dataclass
from http import HTTPStatus

from bench.common import PROXY_HEADERS, BenchError, Gunicorn, Load, Row, in_django, probe, status_label, wrk

SECTION = "web"


@dataclass(frozen=True)
class Target:
    """A page under load; `target` is the least requests/s it must reach as a ratio of the bare view's,
    `reference_target` as a ratio of the reference page's (Django's own login view); "" = report only."""

    name: str
    path: str
    signed_in: bool = False
    target: str = ""
    reference_target: str = ""


BARE = Target("bare view", "/bench/bare/")
TEMPLATE = Target("template page", "/bench/template/")
# The pages measured, in order; add a page here to measure it.
# What Django's own LoginView, AuthenticationForm and form templates cost, in a template with nothing else.
REFERENCE = Target("Django's login view", "/bench/login/")
TARGETS = [
    BARE,
    TEMPLATE,
    Target("home page", "/", target=">= 0.65"),
    Target("login page", "/account/login/", target=">= 0.35", reference_target=">= 1.0"),
    REFERENCE,
    Target("admin user list", "/admin/users/", signed_in=True),
]


def headers_for(target, cookie):
    return {**PROXY_HEADERS, **({"Cookie": cookie} if target.signed_in else {})}


def check_status(server, target, cookie):
    """The page's status before the load: wrk alone would count a redirect to the login page as fine."""
    statuses, _, _ = probe(server.url(target.path), headers=headers_for(target, cookie), count=1)
    return statuses[0]


def load(server, target, cookie, options, duration):
    url, headers = server.url(target.path), headers_for(target, cookie)
    return wrk(
        url, duration=duration, connections=options.connections, threads=options.threads, headers=headers
    )


def run(context):
    """Each round loads every page in turn for a short slice, and a page's ratio is the median of
    its rounds' ratios: a burst of noise from other processes spoils a round, not the figure."""
    options = context.options
    env = context.app_env(context.database_url(context.main_database))
    cookie = in_django("session", env=env)["cookie"]
    rounds, missing = {}, {}
    with Gunicorn(
        "project.wsgi", env=env, workers=options.workers, log_path=context.workdir / "web.log"
    ) as server:
        for target in TARGETS:
            status = check_status(server, target, cookie)
            if status != HTTPStatus.OK:
                missing[target] = status
            elif options.warmup:
                load(server, target, cookie, options, options.warmup)
        for _ in range(options.rounds):
            for target in TARGETS:
                if target not in missing:
                    rounds.setdefault(target, []).append(
                        load(server, target, cookie, options, options.duration)
                    )
    if BARE in missing:
        raise BenchError(f"The bare view answered {missing[BARE]}; see {context.workdir / 'web.log'}")
    loads = {target: combine(results) for target, results in rounds.items()}
    bare, template, reference = loads[BARE], loads.get(TEMPLATE), loads.get(REFERENCE)
    rows = [Row(SECTION, "bare view req/s", bare.requests_per_second, "req/s", note=failures(bare))]
    for target in TARGETS[1:]:
        if target in missing:
            label = status_label(missing[target])
            rows.append(Row(SECTION, f"{target.name} req/s", None, "req/s", BARE.name, status=label))
            continue
        result = loads[target]
        rate = Row(
            SECTION, f"{target.name} req/s", result.requests_per_second, "req/s", BARE.name,
            bare.requests_per_second, target=target.target, note=failures(result),
            ratio=median_ratio(rounds[target], rounds[BARE]),
        )  # fmt: skip
        if result.not_2xx or result.socket_errors:
            rate.status, rate.met = "failed requests", False
        rows.append(rate)
        if template and target is not TEMPLATE:
            rows.append(
                Row(
                    SECTION, f"{target.name} req/s", result.requests_per_second, "req/s",
                    TEMPLATE.name, template.requests_per_second,
                    ratio=median_ratio(rounds[target], rounds[TEMPLATE]),
                )
            )  # fmt: skip
        if reference and target.reference_target:
            rows.append(
                Row(
                    SECTION, f"{target.name} req/s", result.requests_per_second, "req/s",
                    REFERENCE.name, reference.requests_per_second, target=target.reference_target,
                    ratio=median_ratio(rounds[target], rounds[REFERENCE]),
                )
            )  # fmt: skip
        rows.append(Row(SECTION, f"{target.name} p99", result.p99_ms, "ms", BARE.name, bare.p99_ms))
    return rows


def median_ratio(results, baselines):
    """The median over rounds of requests/s against the baseline's in the same round."""
    return statistics.median(
        result.requests_per_second / baseline.requests_per_second
        for result, baseline in zip(results, baselines, strict=True)
    )


def combine(results):
    """The rounds of one page as one result: median requests/s, p50 and p99; summed counts."""
    return Load(
        statistics.median(result.requests_per_second for result in results),
        statistics.median(result.p50_ms for result in results),
        statistics.median(result.p99_ms for result in results),
        sum(result.requests for result in results),
        sum(result.not_2xx for result in results),
        sum(result.socket_errors for result in results),
    )


def failures(load):
    return f"{load.requests} requests, {load.not_2xx} not 2xx, {load.socket_errors} socket errors"
