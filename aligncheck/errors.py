"""Errors that end a run with exit code 2 and one clear line, never a traceback."""


class InputError(Exception):
    """Bad input or usage: the message names the file (if any) and what to do."""

    def __init__(self, message: str, path: str | None = None):
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)
