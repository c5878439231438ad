"""`aligncheck cache`: what the cache holds, and clearing parts of it."""

import os
import subprocess
import sys

import numpy as np

from aligncheck.embed.cache import EmbeddingCache, text_key


def aligncheck(cache, *args):
    env = {**os.environ, "ALIGNCHECK_CACHE_DIR": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "aligncheck", "cache", *args],
        capture_output=True,
        text=True,
        env=env,
    )


def fill(cache):
    store = EmbeddingCache(cache / "embeddings.sqlite3")
    store.put_many(
        "model-a|abc", "passage: ", [(text_key(t), np.ones(4)) for t in ("one", "two", "three")]
    )
    store.put_many("model-b|def", "", [(text_key("one"), np.ones(4))])
    store.close()
    (cache / "models" / "built-model").mkdir(parents=True)
    (cache / "models" / "built-model" / "weights.bin").write_bytes(b"x" * 2_000_000)


def test_summary_counts_vectors_per_model_and_sizes_each_part(tmp_path):
    fill(tmp_path)
    proc = aligncheck(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert str(tmp_path) in proc.stdout
    assert "3 vectors of model-a; 1 vectors of model-b" in proc.stdout
    [models] = [line for line in proc.stdout.splitlines() if line.strip().startswith("models")]
    assert "2.0 MB" in models and "built-model" in models


def test_clear_embeddings_keeps_the_models_and_clear_all_removes_everything(tmp_path):
    fill(tmp_path)
    assert aligncheck(tmp_path, "--clear", "embeddings").returncode == 0
    assert not (tmp_path / "embeddings.sqlite3").exists()
    assert (tmp_path / "models" / "built-model" / "weights.bin").exists()
    proc = aligncheck(tmp_path, "--clear", "all")
    assert proc.returncode == 0 and "2.0 MB freed" in proc.stdout
    assert not tmp_path.exists()
    after = aligncheck(tmp_path).stdout  # this run may keep its own bytecode there (bytecode.py)
    assert "not created yet" in after or all(
        line.split()[0] == "bytecode" for line in after.splitlines()[1:]
    )


def test_a_cache_dir_not_created_yet_is_said_so(tmp_path, monkeypatch):
    from aligncheck._runtime import cachestats

    monkeypatch.setenv("ALIGNCHECK_CACHE_DIR", str(tmp_path / "fresh"))
    assert cachestats.summary() == f"cache directory: {tmp_path / 'fresh'} (not created yet)\n"


def test_unknown_part_is_a_usage_error(tmp_path):
    proc = aligncheck(tmp_path, "--clear", "everything")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
