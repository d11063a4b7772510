"""Job functions and a worker class for the worker tests; the worker imports them by name (it runs in the
repository root)."""

import os
import time
from pathlib import Path

from core.jobs.worker import Worker


def work_slowly(folder, seconds):
    """Write `started` (with the work horse's pid), sleep, then write `finished`: a job to interrupt."""
    folder = Path(folder)
    (folder / "started").write_text(str(os.getpid()))
    time.sleep(seconds)
    (folder / "finished").write_text("done")
    return "finished"


class FastRecoveryWorker(Worker):
    """The project's worker with second-long intervals, so that recovery tests stay short."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, job_monitoring_interval=1, maintenance_interval=1, **kwargs)
