"""Install size: what `pip install -r requirements.txt` puts on disk, against a bare Django project's install.

Measured from this virtualenv's installed distributions: the files each one's RECORD lists (bytecode
included), for the requirements and every dependency they pull in on this platform.
"""

from importlib.metadata import PackageNotFoundError, distribution

from packaging.requirements import Requirement

from bench.common import Row
from project.env import BASE_DIR

SECTION = "install"


def requirements(path):
    """The requirement lines of a requirements file, without comments and `-r` includes."""
    lines = (line.split("#")[0].strip() for line in path.read_text().splitlines())
    return [Requirement(line) for line in lines if line and not line.startswith("-")]


def installed_closure(names):
    """The distributions named and, recursively, those they require here (markers evaluated)."""
    seen, pending = {}, list(names)
    while pending:
        requirement = pending.pop()
        key = requirement.name.lower().replace("_", "-")
        if key in seen or (requirement.marker and not requirement.marker.evaluate({"extra": ""})):
            continue
        try:
            seen[key] = distribution(requirement.name)
        except PackageNotFoundError:
            continue
        pending += [Requirement(line) for line in seen[key].requires or []]
    return seen


def size_mib(distributions):
    total = 0
    for dist in distributions.values():
        for file in dist.files or []:
            path = file.locate()
            if path.is_file():
                total += path.stat().st_size
    return total / 2**20


def run(context):
    runtime = installed_closure(requirements(BASE_DIR / "requirements.txt"))
    bare = installed_closure([Requirement("Django")])
    return [
        Row(
            SECTION,
            "runtime install (requirements.txt)",
            size_mib(runtime),
            "MiB",
            "bare Django install",
            size_mib(bare),
            note=f"{len(runtime)} distributions: {', '.join(sorted(runtime))}",
        )
    ]
