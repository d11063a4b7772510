"""Job functions the admin-area tests enqueue; the worker subprocess imports them by name."""


def fail_with(message):
    """A job that always fails, with `message` in its traceback."""
    raise ValueError(message)
