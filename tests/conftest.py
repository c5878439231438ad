"""Settings every test shares: a private cache directory and the Hypothesis profiles.

Cache: the test session gets its own ALIGNCHECK_CACHE_DIR, a new temporary directory removed at
the end, so no test reads or writes the user's cache (embeddings, language tables, compiled
modules). Only the built default model is borrowed, through a symlink to the user cache's
models/, so nothing is downloaded or built again; tests only read it. One cache per session, not
per test: the language tables and embeddings it fills once would otherwise be rebuilt by every
test. A test that needs an empty cache sets its own (monkeypatch.setenv, or env= of a
subprocess); subprocesses inherit the session's.

Hypothesis: "ci" (the default) replays the same examples on every run, so a failure is
reproducible and the suite's time is steady; "explore" draws fresh random examples:
HYPOTHESIS_PROFILE=explore pytest ... No deadline: two shared cores make single-example timings
noise, and speed is measured in benchmarks/. too_slow is suppressed because a few strategies
build whole RunResults.
"""

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

CACHE_ENV = "ALIGNCHECK_CACHE_DIR"  # as aligncheck._runtime.cachefiles, not imported: see below
_saved_env: dict[str, str | None] = {}
_session_cache: list[Path] = []


def _user_cache_dir() -> Path:
    """Where aligncheck would keep its cache outside the tests (cachefiles.configured_cache_dir)."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("aligncheck"))


def pytest_configure(config):
    # Before any test module imports aligncheck: its import may already use the cache dir
    # (compiled modules, with PYTHONDONTWRITEBYTECODE set).
    models = _user_cache_dir() / "models"
    cache = Path(tempfile.mkdtemp(prefix="aligncheck-tests-")) / "cache"
    cache.mkdir()
    if models.is_dir():
        (cache / "models").symlink_to(models.resolve(), target_is_directory=True)
    _saved_env[CACHE_ENV] = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(cache)
    _session_cache.append(cache)


def pytest_unconfigure(config):
    if CACHE_ENV in _saved_env:
        saved = _saved_env.pop(CACHE_ENV)
        if saved is None:
            os.environ.pop(CACHE_ENV, None)
        else:
            os.environ[CACHE_ENV] = saved
    while _session_cache:
        shutil.rmtree(_session_cache.pop().parent, ignore_errors=True)  # the symlink, not the model


_COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
settings.register_profile("ci", derandomize=True, print_blob=True, **_COMMON)
settings.register_profile("explore", derandomize=False, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _one_release_per_test():
    """Each test is one release's worth of work: the extractors memoise what they compute for
    the test's texts as the pipeline lets them for a release's (aligncheck/_runtime/memo.py), and
    nothing carries over to the next test. Tests that call rules directly rely on it for speed."""
    from aligncheck._runtime.memo import release_memo

    with release_memo():
        yield
