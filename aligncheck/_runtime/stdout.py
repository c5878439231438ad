"""Writing to standard output: a reader that left ends the run quietly, a stdout that cannot take
the text is an input error (one line, exit 2), never a traceback."""

from __future__ import annotations

import os
import sys
from contextlib import suppress

from aligncheck.errors import InputError

EXIT_STDOUT_GONE = 141  # 128 + SIGPIPE: what a shell reports for a tool stopped by a closed pipe


def write_stdout(text: str, what: str = "the report", hint: str = "give --output FILE") -> None:
    """Print `text`; InputError when stdout is closed or cannot take it (a full disk,
    /dev/full), naming `what` was written and, if given, how to do without stdout (`hint`)."""
    if sys.stdout is None:
        raise InputError("standard output is closed" + (f"; {hint} for {what}" if hint else ""))
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        stdout_gone()
    except OSError as exc:
        raise InputError(
            f"cannot write {what} to standard output: {exc.strerror or exc}"
            + (f"; {hint}" if hint else "")
        ) from None


def stdout_gone() -> None:
    """The reader of stdout left (`| head -1`): end quietly, without Python's complaint at exit."""
    with suppress(OSError, AttributeError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    raise SystemExit(EXIT_STDOUT_GONE)
