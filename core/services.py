"""The one exception type every feature's services raise; views turn it into a flash message."""


class ServiceError(Exception):
    """A business rule refused the action: `message` is for people, `code` for callers and tests."""

    def __init__(self, message, *, code):
        super().__init__(message)
        self.message = message
        self.code = code
