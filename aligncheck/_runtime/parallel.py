"""Two pieces of work at once: one here, one in a forked child process.

The rules of a release are independent of each other, and on a warm run they are most of the
time that is left; two CPU cores can share them. Forking (Linux only) copies the run's state
for free; the child sends its result back pickled through a pipe. Whatever goes wrong with the
child (no fork, a crash, a result that does not arrive in time), the parent does the child's
part itself, so the result never depends on the child. SQLite connections opened before the
fork are reopened in the child (`reopen_after_fork`): a connection must not be shared.
"""

from __future__ import annotations

import os
import pickle
import select
import sys
import time
import weakref
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
U = TypeVar("U")

_AFTER_FORK: weakref.WeakSet = weakref.WeakSet()
CHILD_GRACE_SECONDS = 30.0  # beyond the parent's own part, before the parent does the child's


def reopen_after_fork(holder) -> None:
    """`holder.forget_connection()` runs in every forked child, before it does anything."""
    _AFTER_FORK.add(holder)


def _in_child() -> None:
    for holder in list(_AFTER_FORK):
        holder.forget_connection()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_in_child)


def available() -> bool:
    """Linux with at least two usable CPUs, not switched off by ALIGNCHECK_JOBS=1."""
    if os.environ.get("ALIGNCHECK_JOBS", "").strip() == "1" or not sys.platform.startswith("linux"):
        return False
    try:
        return len(os.sched_getaffinity(0)) >= 2
    except (AttributeError, OSError):
        return False


def run_both(here: Callable[[], T], there: Callable[[], U]) -> tuple[T, U]:
    """(here(), there()), with there() run in a forked child where `available()`."""
    if not available():
        return here(), there()
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return here(), there()
    if pid == 0:  # the child: compute, send, leave without running the parent's exit handlers
        os.close(read_end)
        code = 0
        try:
            data = pickle.dumps(there(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as out:
                out.write(data)
        except BaseException:  # noqa: BLE001 - the parent notices the missing result
            code = 1
        os._exit(code)
    os.close(write_end)
    started = time.monotonic()
    try:
        mine = here()
    except BaseException:  # e.g. Ctrl-C: leave no child behind
        os.close(read_end)
        _stop(pid)
        raise
    theirs = _collect(read_end, pid, time.monotonic() - started + CHILD_GRACE_SECONDS)
    return mine, (theirs if theirs is not None else there())


def _collect(read_end: int, pid: int, timeout: float):
    """The child's unpickled result, or None when it failed or took longer than `timeout`."""
    chunks, deadline, complete = [], time.monotonic() + timeout, False
    with os.fdopen(read_end, "rb", buffering=0) as pipe:
        while True:
            ready, _, _ = select.select([pipe], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                break
            chunk = pipe.read(1 << 20)
            if not chunk:
                complete = True
                break
            chunks.append(chunk)
    if not complete:
        _stop(pid)
        return None
    _, status = os.waitpid(pid, 0)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        return None
    try:
        return pickle.loads(b"".join(chunks))
    except Exception:  # noqa: BLE001 - a damaged result: the parent does that part itself
        return None


def _stop(pid: int) -> None:
    import signal

    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass
