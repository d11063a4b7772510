"""harness.py, shared with the bench: a missing service is named with the command that starts it."""

import socket
from pathlib import Path

import pytest

from harness import (
    START_POSTGRES,
    START_REDIS,
    HarnessError,
    check_postgres,
    check_redis,
    free_port,
    wait_until,
)


def test_a_redis_that_does_not_answer_is_named_with_how_to_start_it():
    url = f"redis://127.0.0.1:{free_port()}/0"
    with pytest.raises(HarnessError) as missing:
        check_redis(url)
    assert str(missing.value).startswith(f"Redis at {url} is not reachable")
    assert str(missing.value).endswith(f"Start it with: {START_REDIS}")


def test_a_postgresql_that_does_not_answer_is_named_with_how_to_start_it():
    with pytest.raises(HarnessError) as missing:
        check_postgres(host="127.0.0.1", port=free_port(), user="postgres", shown_as="the test server")
    assert str(missing.value).startswith("PostgreSQL at the test server is not reachable")
    assert str(missing.value).endswith(f"Start it with: {START_POSTGRES}")


def test_wait_until_returns_what_the_condition_found():
    answers = iter([None, 0, "found"])
    assert wait_until(lambda: next(answers), "an answer", timeout=5, interval=0) == "found"


def test_wait_until_names_what_it_waited_for_and_explains():
    with pytest.raises(HarnessError, match="Gave up after 0.05 s waiting for nothing:\nthe log"):
        wait_until(lambda: False, "nothing", timeout=0.05, interval=0.01, explain=lambda: "the log")


def test_free_ports_are_below_the_kernels_ephemeral_range_and_free():
    """Outgoing connections take their local port from the ephemeral range: a test server restarted on a
    port from it could find the port taken in between (see harness.PORTS)."""
    ephemeral_start = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    ports = {free_port() for _ in range(50)}
    assert max(ports) < ephemeral_start
    assert len(ports) > 40  # drawn at random, so parallel test processes rarely meet
    with socket.socket() as server:
        port = ports.pop()
        server.bind(("127.0.0.1", port))
