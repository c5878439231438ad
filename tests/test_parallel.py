"""Rules shared between this process and a forked child give what one process gives."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aligncheck import pipeline
from aligncheck._runtime import parallel

SAMPLE = Path(__file__).resolve().parents[1] / "corpora" / "steppe-rivers"
needs_fork = pytest.mark.skipif(not parallel.available(), reason="needs Linux and two CPUs")


@needs_fork
def test_the_child_part_runs_in_another_process():
    mine, theirs = parallel.run_both(os.getpid, os.getpid)
    assert mine == os.getpid() and theirs != mine


@needs_fork
def test_a_failing_child_part_is_done_here(monkeypatch):
    parent = os.getpid()

    def there():
        if os.getpid() != parent:
            raise RuntimeError("broken in the child")
        return "done here"

    assert parallel.run_both(lambda: 1, there) == (1, "done here")


@needs_fork
def test_a_child_that_does_not_answer_in_time_is_stopped_and_its_part_done_here(monkeypatch):
    parent = os.getpid()
    monkeypatch.setattr(parallel, "CHILD_GRACE_SECONDS", 0.5)

    def there():
        if os.getpid() != parent:
            time.sleep(60)
        return "done here"

    started = time.monotonic()
    assert parallel.run_both(lambda: 1, there) == (1, "done here")
    assert time.monotonic() - started < 10


def test_switched_off_both_parts_run_here(monkeypatch):
    monkeypatch.setenv("ALIGNCHECK_JOBS", "1")
    assert not parallel.available()
    assert parallel.run_both(os.getpid, os.getpid) == (os.getpid(), os.getpid())


@needs_fork
def test_a_child_reopens_the_sqlite_connections_it_inherits(tmp_path):
    from aligncheck.embed.cache import EmbeddingCache

    cache = EmbeddingCache(tmp_path / "vectors.sqlite3")
    cache.dim("model")  # opens the connection here
    assert cache._conn is not None
    _, inherited = parallel.run_both(lambda: None, lambda: cache._conn is None)
    assert inherited is True and cache._conn is not None


def _sample_run(env_extra: dict) -> tuple[dict, str]:
    """The sample's JSON report, and stderr (which says "shared" each time rules were shared)."""
    env = {**os.environ, **env_extra}
    code = (
        "import sys; from aligncheck import pipeline; from aligncheck._runtime import parallel; "
        "pipeline.MIN_SEGMENTS_TO_FORK = 0; "
        "run_both = parallel.run_both; "
        "parallel.run_both = lambda h, t: (sys.stderr.write('shared\\n'), run_both(h, t))[1]; "
        "from aligncheck.app.cli import main; sys.argv = ['aligncheck', 'check', sys.argv[1], "
        "'--format', 'json', '--quiet']; main()"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(SAMPLE)], capture_output=True, text=True, env=env
    )
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout), out.stderr


@needs_fork
@pytest.mark.slow
def test_the_sample_report_is_the_same_with_the_rules_shared_or_not():
    alone, said = _sample_run({"ALIGNCHECK_JOBS": "1"})  # also fills the embedding cache
    shared, said_shared = _sample_run({})
    assert "shared" in said_shared
    assert shared == alone
    assert any(
        f["rule"].startswith(("NA", "CO")) for d in shared["documents"] for f in d["findings"]
    )


class _Loaded:
    model_loaded = True


class _Ctx:
    def __init__(self, embedder, segments=500):
        from types import SimpleNamespace

        self.resources = {"embedder": embedder}
        self.source = SimpleNamespace(segments=[None] * segments)
        self.pairs = ()


def test_no_fork_once_a_model_and_its_threads_are_loaded_or_for_small_releases():
    assert not pipeline._may_fork(_Ctx(_Loaded()))
    assert not pipeline._may_fork(_Ctx(object()))  # an embedder that cannot say: never
    assert not pipeline._may_fork(_Ctx(None, segments=3))
    assert pipeline._may_fork(_Ctx(None)) == parallel.available()


@needs_fork
def test_when_this_part_fails_the_child_is_stopped_and_the_error_raised():
    def here():
        raise KeyError("here broke")

    def there():
        time.sleep(30)
        return os.getpid()

    started = time.monotonic()
    with pytest.raises(KeyError):
        parallel.run_both(here, there)
    assert time.monotonic() - started < 10
