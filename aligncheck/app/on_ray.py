"""Releases checked on a Ray cluster (`check --ray [ADDRESS|auto]`, the `ray` extra).

Each release is a Ray task (the rules, on any node's CPU), which looks its texts up in its
node's SQLite embedding cache and keeps there what it computes; the model lives in a pool of
actors, one per CPU of the cluster, spread over the nodes: each loads the model once, keeps it
between calls, and encodes the texts of the releases that call it at once in one batch
(embed/shared.py). A warm run never calls an actor. The driver merges the results
in the releases' order (archive.merge), so the reports are those of one process. A task whose
worker dies, or that raises, is run once more; a release that fails twice is a run warning.
Ctrl-C cancels the tasks, ends the actors, and stops the local cluster aligncheck started.
"""

from __future__ import annotations

import logging
import re
import signal
from collections.abc import Callable, Sequence
from contextlib import contextmanager

from aligncheck.app.archive import Checked, ReleaseChecker, merge
from aligncheck.errors import InputError
from aligncheck.model import Release, RunResult
from aligncheck.read.policy import note

TASK_ENVIRONMENT = {"ALIGNCHECK_JOBS": "1", "OMP_NUM_THREADS": "1"}  # one core per task/actor
_ADDRESS = re.compile(r"(auto|local|(ray://)?[\w.\-]+:\d+)")


def require_ray(address: str) -> str | None:
    """The address to give ray.init ("local" for `--ray` alone); None without Ray installed:
    the same command line then runs locally (with --jobs, in local processes), saying so."""
    if address and not _ADDRESS.fullmatch(address):
        raise InputError(
            f"--ray takes 'auto' or a cluster ADDRESS (host:port), not {address!r}; "
            "put --ray after the paths or write --ray=ADDRESS"
        )
    try:
        import ray  # noqa: F401
    except ImportError:
        note(
            "Ray is not installed, so the releases are checked here instead "
            "(pip install 'aligncheck[ray]' for --ray)"
        )
        return None
    return address or "local"


class ModelActor:
    """One model load, serving the releases that call it (a threaded Ray actor)."""

    def __init__(self, model: str):
        import os

        from aligncheck.embed import DEFAULT_MODEL, load_embedder
        from aligncheck.embed.shared import SharedModel

        os.environ.update(TASK_ENVIRONMENT)
        self.embedder = load_embedder(model, use_cache=False)
        self.tokens = model == DEFAULT_MODEL  # its lean runners give token states
        self.shared = SharedModel(lambda: self.embedder.model)

    def describe(self) -> tuple[int, bool]:
        """(vector length, token states or not); the default model is not loaded for it."""
        return self.embedder.dim, self.tokens

    def call(self, method: str, texts: list[str], options: dict):
        return self.shared.call(method, texts, options)


_CHECKERS: dict[bytes, ReleaseChecker] = {}  # per Ray worker process: rules and glossaries


def check_release_task(release: Release, config, use_cache: bool, actor, model) -> Checked:
    """One release, in a Ray worker: its texts are looked up in the node's embedding cache
    here, and only those missing go to the model actor."""
    import os
    import pickle

    import ray

    from aligncheck.embed import load_embedder
    from aligncheck.embed.shared import remote_model

    os.environ.update(TASK_ENVIRONMENT)
    key = pickle.dumps(config)
    if key not in _CHECKERS:
        _CHECKERS.clear()
        _CHECKERS[key] = ReleaseChecker(config)

    def call(method: str, texts: list[str], options: dict):
        return ray.get(actor.call.remote(method, texts, options))

    dim, tokens = model
    embedder = load_embedder(
        config.model, use_cache=use_cache, model=lambda: remote_model(call, dim, tokens)
    )
    try:
        return _CHECKERS[key](release, embedder=embedder)
    finally:
        if embedder.cache is not None:
            embedder.cache.close()


def check_on_ray(
    releases: Sequence[Release],
    config,
    *,
    address: str,
    use_cache: bool,
    warnings: list[str],
    progress: Callable[[str, int, int], None],
) -> RunResult:
    import ray

    try:
        _connect(ray, address)
        actors = _actors(ray, config.model, len(releases))
        model = ray.get(actors[0].describe.remote())
        task = ray.remote(num_cpus=1, max_retries=1, retry_exceptions=True)(check_release_task)
        config_ref = ray.put(config)

        def submit(i: int):
            actor = actors[i % len(actors)]
            return task.remote(releases[i], config_ref, use_cache, actor, model)

        outcomes = _gather(ray, submit, releases, progress, window=2 * len(actors))
    finally:
        ray.shutdown()
    return merge(releases, outcomes, model=config.model, unit=config.unit, warnings=warnings)


def _connect(ray, address: str) -> None:
    try:  # Ray's own processes block SIGINT: Ctrl-C reaches the driver, which stops them
        with _interrupts_deferred():  # once started: a half-started cluster is left running
            ray.init(
                address=address,
                include_dashboard=False,
                log_to_driver=False,
                logging_level=logging.ERROR,
            )
    except (ConnectionError, ValueError, RuntimeError) as exc:
        raise InputError(f"cannot start or reach the Ray cluster {address!r}: {exc}") from None
    # The driver prints the cluster's error events (a worker died, a task is retried) to
    # stdout, where a report may be going; what failed is this run's warning instead.
    from ray._private import worker

    if hasattr(worker, "print_to_stdstream"):
        worker.print_to_stdstream = lambda *args, **kwargs: None


@contextmanager
def _interrupts_deferred():
    """Ctrl-C meanwhile is raised when the block is done."""
    caught = []
    previous = signal.signal(signal.SIGINT, lambda *_: caught.append(True))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def _actors(ray, model: str, releases: int) -> list:
    cpus = max(1, min(releases, int(ray.cluster_resources().get("CPU", 1))))
    actor = ray.remote(num_cpus=0, max_concurrency=16, max_restarts=1, max_task_retries=1)(
        ModelActor
    )
    return [actor.options(scheduling_strategy="SPREAD").remote(model) for _ in range(cpus)]


def _gather(ray, submit: Callable, releases: Sequence[Release], progress, window: int) -> list:
    """Each release's Checked, or a Failure saying why it failed twice; in their order. At
    most `window` tasks are out at once, so each wait looks at a few, however many releases."""
    from aligncheck._runtime.pool import Failure

    outcomes: list = [None] * len(releases)
    out: dict = {}
    submitted = finished = 0
    progress("checking releases", 0, len(releases))
    try:
        while finished < len(releases):
            while submitted < len(releases) and len(out) < window:
                out[submit(submitted)] = submitted
                submitted += 1
            (ready,), _ = ray.wait(list(out), num_returns=1)
            index = out.pop(ready)
            try:
                outcomes[index] = ray.get(ready)
            except Exception as exc:  # noqa: BLE001 - a RayError after its retry
                outcomes[index] = Failure(_reason(exc))
            finished += 1
            progress(f"checked {releases[index].name}", finished, len(releases))
    except BaseException:  # Ctrl-C: nothing left running for this run
        for ref in out:
            ray.cancel(ref, force=True)
        raise
    return outcomes


def _reason(exc: BaseException) -> str:
    import ray

    if isinstance(exc, ray.exceptions.WorkerCrashedError):
        return "its Ray worker process died"
    cause = getattr(exc, "cause", None)
    if cause is not None:
        return f"{type(cause).__name__}: {cause}"
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__
