"""The job the worker benchmarks drain: it does nothing, so only the worker's own cost is measured."""


def noop():
    return None
