"""An archive of releases checked by several worker processes (`check --jobs N`).

Each worker loads the model once (on its first text missing from the embedding cache, which
all workers share: SQLite in WAL mode) and checks whole releases; the parent merges their
ReleaseResults in the releases' order into the RunResult one process gives, so every report is
the same to the byte. A release whose worker dies is tried once more in a new worker; one that
fails twice becomes a run warning, and the rest of the report still comes out.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from aligncheck import __version__
from aligncheck.model import Release, ReleaseResult, RunResult

# Under test only: a worker checking a release named in ALIGNCHECK_TEST_DIE_ON ("r2,r3:once")
# ends at once, as a crashed worker would; ":once" only the first time (a marker file in
# ALIGNCHECK_TEST_DIE_MARKS says it did).
DIE_ON_ENV, DIE_MARKS_ENV = "ALIGNCHECK_TEST_DIE_ON", "ALIGNCHECK_TEST_DIE_MARKS"


@dataclass(frozen=True)
class Checked:
    """One release as a worker checked it, with what its run said meanwhile."""

    result: ReleaseResult
    warnings: tuple[str, ...]  # the rules' (in order)
    embed_warnings: tuple[str, ...]  # the worker's embedding cache's, so far


class ReleaseChecker:
    """What one worker holds between releases: the embedder, the rules, the glossaries."""

    def __init__(self, config, embedder=None):
        from aligncheck.app.run import load_rules
        from aligncheck.glossary import load_glossary

        self.unit = config.unit
        self.embedder = embedder
        self.rules = load_rules(config)
        self.options = {**config.thresholds, "url_map": dict(config.url_map)}
        self.glossaries = [load_glossary(Path(p)) for p in config.glossaries]

    def __call__(self, release: Release, embedder=None) -> Checked:
        """`release` checked with this checker's embedder, or with `embedder` if given."""
        from aligncheck import pipeline

        _die_under_test(release.name)
        embedder = embedder or self.embedder
        warnings: list[str] = []
        result = pipeline.check_release(
            release,
            unit=self.unit,
            embed=embedder.embed,
            rules=self.rules,
            options=self.options,
            resources={"glossaries": self.glossaries, "embedder": embedder},
            warnings=warnings,
        )
        if getattr(embedder, "cache", None) is not None:  # it keeps them; memory stays flat
            embedder.forget()
        return Checked(result, tuple(warnings), tuple(getattr(embedder, "warnings", ())))


def _die_under_test(name: str) -> None:
    named = os.environ.get(DIE_ON_ENV, "").split(",")
    if name in named:
        os._exit(70)
    if f"{name}:once" in named:
        marker = Path(os.environ[DIE_MARKS_ENV]) / f"{name}.died"
        if not marker.exists():
            marker.touch()
            os._exit(70)


def merge(
    releases: Sequence[Release], outcomes: Sequence, *, model: str, unit: str, warnings: list[str]
) -> RunResult:
    """The RunResult of one process from per-release outcomes (Checked, or a pool Failure) in
    the releases' order; `warnings` are those said before any release was checked."""
    results, said, cache_said = [], list(warnings), []
    for release, outcome in zip(releases, outcomes):
        if not isinstance(outcome, Checked):
            said.append(
                f"release {release.name} was not checked: it failed twice ({outcome.reason}); "
                "the report covers the other releases"
            )
            continue
        results.append(outcome.result)
        said.extend(outcome.warnings)
        cache_said.extend(w for w in outcome.embed_warnings if w not in cache_said)
    return RunResult(
        model=model,
        unit=unit,
        releases=tuple(results),
        tool_version=__version__,
        warnings=tuple(said + cache_said),
    )


def _checker(config, use_cache: bool) -> ReleaseChecker:
    from aligncheck.embed import load_embedder

    return ReleaseChecker(config, load_embedder(config.model, use_cache=use_cache))


def check_in_processes(
    releases: Sequence[Release],
    config,
    *,
    jobs: int,
    use_cache: bool,
    warnings: list[str],
    progress: Callable[[str, int, int], None],
) -> RunResult:
    from aligncheck._runtime import pool
    from aligncheck.errors import InputError

    finished = 0

    def done(index: int, _outcome) -> None:
        nonlocal finished
        finished += 1
        progress(f"checked {releases[index].name}", finished, len(releases))

    progress("checking releases", 0, len(releases))
    try:
        outcomes = pool.run(
            releases, jobs=jobs, setup=_checker, setup_args=(config, use_cache), done=done
        )
    except pool.SetupFailed as exc:
        if isinstance(exc.error, InputError):
            raise exc.error from None
        raise RuntimeError(f"a worker could not start: {exc}") from None
    return merge(releases, outcomes, model=config.model, unit=config.unit, warnings=warnings)
