"""Ctrl-C, and a TERM signal (a CI job's timeout), that always stop the run.

Python raises KeyboardInterrupt wherever the main thread is when SIGINT arrives; inside a
finaliser (a `__del__` the garbage collector runs) it cannot propagate, so Python prints
"Exception ignored in ..." with a traceback and carries on, and the run finishes as if no key
had been pressed. `keep_interrupts` installs a hook for such unraisable exceptions that says
nothing and has the main thread interrupted again a moment later (from another thread: an
interrupt raised in the hook would be unraisable too), where it then surfaces as usual.
"""

from __future__ import annotations

import _thread
import signal
import sys
import threading

AGAIN_AFTER = 0.01  # seconds: the finaliser has returned by then


def keep_interrupts() -> None:
    """Install the hook (once; other unraisable exceptions go to the hook there was)."""
    previous = sys.unraisablehook
    if getattr(previous, "keeps_interrupts", False):
        return

    def hook(unraisable) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            again = threading.Timer(AGAIN_AFTER, _thread.interrupt_main)
            again.daemon = True
            again.start()
            return
        previous(unraisable)

    hook.keeps_interrupts = True  # type: ignore[attr-defined]
    sys.unraisablehook = hook


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the run is: it stops the way Ctrl-C does (workers stopped,
    nothing half-written), and the command says "terminated" and exits 143."""


def stop_on_terminate() -> None:
    """Raise Terminated in the main thread when the process gets SIGTERM (called from
    another thread, where Python refuses a signal handler, it leaves SIGTERM as it is)."""

    def terminated(signum, frame) -> None:
        raise Terminated

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, terminated)
