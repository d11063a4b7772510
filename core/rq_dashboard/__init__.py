"""django-rq's dashboard (/admin/rq/), mounted without importing django-rq, rq or redis at start-up.

django-rq is a library here, not an installed app: its package imports redis and rq, which a process
that never enqueues, runs a worker or shows jobs should not pay for (docs/performance.md). Its
templates and stylesheet are found by path (settings), its template tags and views import it on use.
"""

from importlib.util import find_spec
from pathlib import Path

# django-rq's folder, found without importing the package (find_spec of a top-level name only locates it).
DJANGO_RQ_DIR = Path(find_spec("django_rq").origin).parent
