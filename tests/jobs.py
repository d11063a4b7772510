"""Job functions for the worker tests; the worker imports them by name (it runs in the repository root)."""

import os
import time
from pathlib import Path


def work_slowly(folder, seconds):
    """Write `started` (with the work horse's pid), sleep, then write `finished`: a job to interrupt."""
    folder = Path(folder)
    (folder / "started").write_text(str(os.getpid()))
    time.sleep(seconds)
    (folder / "finished").write_text("done")
    return "finished"
