"""Runs the redis-server that `make dev` gives its web and worker processes (Procfile.dev).

At Ctrl-C honcho stops every process at once; a worker whose Redis is already gone ends its warm shutdown
with tracebacks. So this command keeps Redis up until its other clients have left, then shuts it down.
"""

import shutil
import signal
import subprocess
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

INSTALL_HINT = (
    "redis-server is not installed: run 'sudo apt-get install redis-server' (Debian, Ubuntu) or "
    "'brew install redis' (macOS), or `make run` to work without Redis."
)
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
# honcho kills whatever still runs 5 s after asking it to stop: Redis must be gone before that.
CLIENTS_GRACE_SECONDS = 3


class Command(BaseCommand):
    help = "Run a development redis-server that outlives its clients at shutdown (used by `make dev`)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=6380, help="port to listen on (127.0.0.1 only)")
        parser.add_argument("--dir", dest="folder", default=".dev/redis", help="Redis's data folder")

    def handle(self, *, port, folder, **options):
        if shutil.which("redis-server") is None:
            raise CommandError(INSTALL_HINT)
        Path(folder).mkdir(parents=True, exist_ok=True)
        # Blocked signals stay blocked across exec, so redis-server ignores the Ctrl-C meant for the whole
        # stack too; this process takes them with sigtimedwait and shuts Redis down in order.
        signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        server = subprocess.Popen(
            ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--dir", folder]
            + ["--save", "60 1", "--appendonly", "no", "--loglevel", "warning"]
        )
        while server.poll() is None:
            if signal.sigtimedwait(STOP_SIGNALS, 0.5):
                self.shut_down(port)
                server.wait(timeout=CLIENTS_GRACE_SECONDS)
        if server.returncode:
            raise CommandError(f"redis-server exited with status {server.returncode} (see its log above).")

    def shut_down(self, port):
        """Wait (briefly) for the web and worker processes to disconnect, then save and stop Redis."""
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        # No retries: the connection closing is how SHUTDOWN answers.
        client = redis.Redis(port=port, socket_timeout=1, retry=Retry(NoBackoff(), retries=0))
        deadline = time.monotonic() + CLIENTS_GRACE_SECONDS
        try:
            while len(client.client_list()) > 1 and time.monotonic() < deadline:
                time.sleep(0.1)
            client.shutdown(save=True)
        except redis.ConnectionError:
            pass  # already stopped
