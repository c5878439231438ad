"""Items of work spread over N worker processes, each set up once, with one retry per item.

Workers are fresh interpreters (never forks of this one, whose model threads must not be
copied) in a process group of their own, so Ctrl-C on a terminal reaches only the parent,
which stops them; they get their environment (thread limits) before they start. Each gets one
item at a time, so a worker that dies loses only the item it held: that item is tried once
more in a new worker, and an item that fails twice (its worker died, or its work raised) is
given up with the reason. The parent alone decides the order of the results: they come back
indexed like the items.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing import Pipe
from multiprocessing.connection import Connection, wait
from typing import Any

ATTEMPTS = 2  # an item is tried at most this often
STOP_SECONDS = 5.0  # a worker asked to stop is killed after this


class SetupFailed(Exception):
    """A worker could not set itself up; `error` is the exception it raised, when picklable."""

    def __init__(self, message: str, error: BaseException | None = None):
        super().__init__(message)
        self.error = error


@dataclass(frozen=True)
class Failure:
    """An item given up after ATTEMPTS tries: why the last one failed."""

    reason: str


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    item: int | None = None


def threads_per_worker(jobs: int) -> int:
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    return max(1, cpus // jobs)


def worker_environment(jobs: int) -> dict[str, str]:
    """Intra-op threads per worker so that N workers share the cores instead of each taking
    all of them; ALIGNCHECK_JOBS=1: no forked rule child inside a worker."""
    n = str(threads_per_worker(jobs))
    names = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
    return {**dict.fromkeys(names, n), "ALIGNCHECK_JOBS": "1"}


def run(
    items: Sequence[Any],
    *,
    jobs: int,
    setup: Callable[..., Callable[[Any], Any]],
    setup_args: tuple = (),
    done: Callable[[int, Any], None] | None = None,
) -> list[Any]:
    """`work(item)` for every item, where `work = setup(*setup_args)` runs once per worker;
    results in the items' order, a `Failure` for an item given up. `done(index, result)` is
    called as each finishes. Raises SetupFailed when a worker cannot set up; Ctrl-C stops every
    worker and is raised here."""
    results: list[Any] = [None] * len(items)
    pending = deque(range(len(items)))
    tries = [0] * len(items)
    left = len(items)
    workers: list[_Worker] = []
    environment = worker_environment(jobs)
    try:
        while left:
            while len(workers) < min(jobs, left):
                workers.append(_start(environment, setup, setup_args))
            for worker in workers:
                if worker.ready and worker.item is None and pending:
                    worker.item = pending.popleft()
                    tries[worker.item] += 1
                    try:
                        worker.conn.send(items[worker.item])
                    except OSError:  # it has just died: its sentinel says so next
                        pass
            for worker in _readable(workers):
                try:
                    kind, value = worker.conn.recv()
                except (EOFError, OSError):
                    kind, value = "died", _death(worker)
                if kind == "ready":
                    worker.ready = True
                    continue
                if kind == "setup-error":
                    raise SetupFailed(*value)
                index, worker.item = worker.item, None
                if kind == "died":
                    _close(worker)
                    workers.remove(worker)
                    if not worker.ready:
                        raise SetupFailed(f"a worker process {value} while starting")
                    if index is None:
                        continue
                    value = f"its worker process {value}"
                if kind == "ok":
                    results[index] = value
                elif tries[index] < ATTEMPTS:
                    pending.appendleft(index)
                    continue
                else:
                    results[index] = Failure(value)
                left -= 1
                if done:
                    done(index, results[index])
    finally:
        for worker in workers:
            _close(worker)
    return results


def _readable(workers: list[_Worker]) -> list[_Worker]:
    """Workers with a message, or whose end of the pipe closed (the process ended)."""
    ready = set(wait([w.conn for w in workers]))
    return [w for w in workers if w.conn in ready]


def _death(worker: _Worker) -> str:
    try:
        code = worker.process.wait(STOP_SECONDS)
    except subprocess.TimeoutExpired:
        return "closed its pipe"
    if code < 0:
        return f"was killed by signal {signal.Signals(-code).name}"
    return f"exited with code {code}"


def worker_command(fd: int, parent: int | None = None) -> list[str]:
    """The command line of a fresh worker interpreter serving the pipe at descriptor `fd`
    (`serve_fd`), with this interpreter's import path."""
    code = (
        f"import sys; sys.path[:0] = {sys.path!r}; "
        f"from aligncheck._runtime.pool import serve_fd; serve_fd({fd}, {parent!r})"
    )
    return [sys.executable, "-c", code]


def _start(environment: dict[str, str], setup, setup_args: tuple) -> _Worker:
    parent, child = Pipe()
    process = subprocess.Popen(
        worker_command(child.fileno(), os.getpid()),
        pass_fds=[child.fileno()],
        env={**os.environ, **environment},
        process_group=0,  # not the terminal's foreground group: Ctrl-C is the parent's
    )
    child.close()
    try:
        parent.send((setup, setup_args))
    except BaseException:  # Ctrl-C between the start and the send: no worker left behind
        process.kill()
        process.wait()
        parent.close()
        raise
    return _Worker(process, parent)


def _close(worker: _Worker) -> None:
    """Ask the worker to leave; kill it if it does not."""
    try:
        worker.conn.send(None)
    except (OSError, ValueError):
        pass
    try:
        worker.process.wait(STOP_SECONDS if worker.item is None else 0.01)
    except subprocess.TimeoutExpired:
        worker.process.kill()
        worker.process.wait()
    worker.conn.close()


def serve_fd(fd: int, parent: int | None = None) -> None:
    """A worker's entry point: the pipe to the parent is file descriptor `fd`.

    A parent that is gone (its end of the pipe closed) is a reason to leave quietly, at any
    step: it has already told the user why it stopped. On Linux the kernel also ends the
    worker when the parent process `parent` dies, however it dies (killed by a CI timeout),
    rather than let it finish an item nobody will read.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    if parent is not None and (_die_with_parent() and os.getppid() != parent):
        return  # the parent died before the kernel was asked
    try:
        _serve(Connection(fd))
    except (EOFError, BrokenPipeError, ConnectionResetError):
        pass


def _die_with_parent() -> bool:
    """Ask Linux to kill this process when its parent dies (prctl PR_SET_PDEATHSIG); False
    where that cannot be asked."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


_PR_SET_PDEATHSIG = 1


def _serve(conn: Connection) -> None:
    """A worker: set up, then work item by item until told to stop."""
    setup, setup_args = conn.recv()
    try:
        work = setup(*setup_args)
    except Exception as exc:  # noqa: BLE001 - told to the parent, which stops the run
        conn.send(("setup-error", (f"{type(exc).__name__}: {exc}", _picklable(exc))))
        return
    conn.send(("ready", None))
    while True:
        item = conn.recv()
        if item is None:
            return
        try:
            reply = ("ok", work(item))
        except Exception as exc:  # noqa: BLE001 - the parent retries the item elsewhere
            reply = ("error", f"{type(exc).__name__}: {exc}")
        conn.send(reply)


def _picklable(exc: BaseException) -> BaseException | None:
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        return None
