import multiprocessing
import os
from pathlib import Path

import numpy as np
import pytest

from aligncheck.embed.cache import EmbeddingCache, text_key


def _vec(seed: int, dim: int = 8) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(dim).astype(np.float32)


def test_round_trip_is_keyed_by_model_prompt_and_text(tmp_path):
    cache = EmbeddingCache(tmp_path / "c.sqlite3")
    a, b = text_key("Die Brücke ist gesperrt."), text_key("The bridge is closed.")
    cache.put_many("m1", "passage: ", [(a, _vec(1)), (b, _vec(2))])
    found = cache.get_many("m1", "passage: ", [a, b, text_key("unseen")])
    assert set(found) == {a, b}
    assert np.array_equal(found[a], _vec(1)) and found[a].dtype == np.float32
    assert cache.get_many("m2", "passage: ", [a]) == {}
    assert cache.get_many("m1", "query: ", [a]) == {}
    assert cache.dim("m1") == 8 and cache.dim("m2") is None


def test_survives_reopening(tmp_path):
    key = text_key("persisted")
    EmbeddingCache(tmp_path / "c.sqlite3").put_many("m", "", [(key, _vec(3))])
    assert np.array_equal(
        EmbeddingCache(tmp_path / "c.sqlite3").get_many("m", "", [key])[key], _vec(3)
    )


def test_many_keys_are_fetched_in_chunks(tmp_path):
    cache = EmbeddingCache(tmp_path / "c.sqlite3")
    items = [(text_key(f"paragraph {i}"), _vec(i, 4)) for i in range(1234)]
    cache.put_many("m", "", items)
    assert len(cache.get_many("m", "", [k for k, _ in items])) == 1234


def test_corrupt_file_is_rebuilt_not_fatal(tmp_path):
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    cache = EmbeddingCache(path)
    key = text_key("after corruption")
    assert cache.get_many("m", "", [key]) == {}
    cache.put_many("m", "", [(key, _vec(5))])
    assert cache.disabled_reason is None
    assert key in EmbeddingCache(path).get_many("m", "", [key])


def test_unusable_location_disables_the_cache_without_raising(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where a directory should be")
    cache = EmbeddingCache(blocker / "sub" / "c.sqlite3")
    cache.put_many("m", "", [(text_key("x"), _vec(6))])
    assert cache.get_many("m", "", [text_key("x")]) == {}
    assert "unusable" in cache.disabled_reason


def _writer(path: str, worker: int, queue) -> None:
    cache = EmbeddingCache(Path(path))
    for i in range(40):
        key = text_key(f"text {i % 10}")
        cache.put_many("m", "", [(key, _vec(i % 10))])
        got = cache.get_many("m", "", [key])
        if key not in got or not np.array_equal(got[key], _vec(i % 10)):
            queue.put(f"worker {worker}: bad read at {i}")
    queue.put(cache.disabled_reason or "ok")


@pytest.mark.skipif(os.name != "posix", reason="fork-based concurrency test")
def test_concurrent_processes_read_and_write_safely(tmp_path):
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    workers = [
        ctx.Process(target=_writer, args=(str(tmp_path / "c.sqlite3"), w, queue)) for w in range(4)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert [queue.get(timeout=5) for _ in workers] == ["ok"] * 4
    assert (
        len(
            EmbeddingCache(tmp_path / "c.sqlite3").get_many(
                "m", "", [text_key(f"text {i}") for i in range(10)]
            )
        )
        == 10
    )
