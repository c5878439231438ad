"""A damaged embedding cache costs time, never results, and is never deleted: bad rows are
dropped and computed again, a failed write only stops writing, a file that is not SQLite is
moved aside, anything else switches the cache off for the run."""

import hashlib
import json
import os
import sqlite3
import subprocess
import sys

import numpy as np
import pytest

from aligncheck._runtime.cachefiles import cache_dir
from aligncheck.embed.cache import EmbeddingCache, text_key
from aligncheck.embed.embedder import CachedEmbedder

DIM = 8
TEXTS = [
    "The reservoir holds water for four villages.",
    "Водохранилище снабжает водой четыре села.",
    "Inspections take place twice a year.",
    "Проверки проходят дважды в год.",
]


class FakeModel:
    """Deterministic, unnormalised vectors, so a test can tell computed ones from damaged ones."""

    def __init__(self):
        self.encoded: list[str] = []

    def get_sentence_embedding_dimension(self) -> int:
        return DIM

    def encode(self, texts, **_):
        self.encoded += texts
        seeds = [int.from_bytes(hashlib.sha256(t.encode()).digest()[:4], "little") for t in texts]
        return np.stack([np.random.default_rng(s).standard_normal(DIM) * 3 for s in seeds])


def _embedder(path, model: FakeModel, dim: int | None = DIM) -> CachedEmbedder:
    return CachedEmbedder(
        "fake", "fake|1", "passage: ", lambda: model, EmbeddingCache(path), dim=dim
    )


def _expected() -> np.ndarray:
    vectors = FakeModel().encode(TEXTS)
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def _sql(path, statement: str, *args) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(statement, args)
    conn.close()


def _blobs(path) -> dict[bytes, bytes]:
    conn = sqlite3.connect(path)
    try:
        return {bytes(k): v for k, v in conn.execute("SELECT text_hash, vector FROM vectors")}
    finally:
        conn.close()


@pytest.fixture
def filled(tmp_path):
    path = tmp_path / "c" / "embeddings.sqlite3"
    embedder = _embedder(path, FakeModel())
    assert np.allclose(embedder.embed(TEXTS), _expected())
    embedder.cache.close()
    return path


DAMAGE = {  # SQL, or the blob to store made from the right vector
    "truncated": "substr(vector, 1, 10)",
    "one float more": lambda v: v.astype("<f4").tobytes() + bytes(4),  # still of unit norm
    "float64": lambda v: v.astype("<f8").tobytes(),
    "short text, not UTF-8": "CAST(substr(vector, 5) AS TEXT)",
    "text": "'text'",
    "all zero": "zeroblob(length(vector))",
    "not finite": "x'0000c07f' || substr(vector, 5)",
    "not unit": "x'00002041' || substr(vector, 5)",
}


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("dim", [DIM, None], ids=["known dim", "dim from cache"])
def test_damaged_rows_are_dropped_and_computed_again(filled, damage, dim):
    key = text_key(TEXTS[1])
    if callable(DAMAGE[damage]):
        _sql(
            filled,
            "UPDATE vectors SET vector = ? WHERE text_hash = ?",
            DAMAGE[damage](_expected()[1]),
            key,
        )
    else:
        _sql(filled, f"UPDATE vectors SET vector = {DAMAGE[damage]} WHERE text_hash = ?", key)
    model = FakeModel()
    embedder = _embedder(filled, model, dim)
    assert np.allclose(embedder.embed(TEXTS), _expected(), atol=1e-6)
    assert model.encoded == [TEXTS[1]]
    assert [w for w in embedder.warnings if "1 damaged vector(s) dropped" in w] == list(
        embedder.warnings
    )
    assert len(embedder.warnings) == 1
    assert np.allclose(np.frombuffer(_blobs(filled)[key], "<f4"), _expected()[1])
    again = FakeModel()
    _embedder(filled, again, dim).embed(TEXTS)
    assert again.encoded == []


def test_dimension_is_not_taken_from_one_damaged_row(filled):
    _sql(filled, "UPDATE vectors SET vector = zeroblob(12) WHERE text_hash = ?", text_key(TEXTS[0]))
    assert EmbeddingCache(filled).dim("fake|1") == DIM


def test_the_model_decides_the_length_when_the_cache_guessed_it_wrong(tmp_path):
    path = tmp_path / "embeddings.sqlite3"
    short = [np.full(4, 0.5, dtype=np.float32) for _ in TEXTS[:3]]  # unit norm, but of length 4
    EmbeddingCache(path).put_many("fake|1", "passage: ", list(zip(map(text_key, TEXTS[:3]), short)))
    model = FakeModel()
    embedder = _embedder(path, model, dim=None)
    assert np.allclose(embedder.embed(TEXTS), _expected(), atol=1e-6)
    assert sorted(model.encoded) == sorted(TEXTS) and embedder.dim == DIM


def test_a_failed_write_stops_writing_and_keeps_the_cache(filled):
    before = _blobs(filled)
    embedder = _embedder(filled, FakeModel())
    conn = embedder.cache._connect()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # a full disk, for this connection
    more = [f"Paragraph {i} about the dam, long enough to need new pages. " * 20 for i in range(50)]
    assert embedder.embed(more).shape == (50, DIM)
    embedder.embed(more[::-1] + ["one more text"])
    (warning,) = embedder.warnings
    assert "cannot write" in warning and "full" in warning
    assert embedder.cache.disabled_reason is None
    key = text_key(TEXTS[0])
    assert np.allclose(embedder.cache.get_many("fake|1", "passage: ", [key])[key], _expected()[0])
    assert _blobs(filled) == before


def test_a_file_that_is_not_sqlite_is_moved_aside_not_deleted(tmp_path):
    path = tmp_path / "embeddings.sqlite3"
    junk = b"these bytes were never a database\n" * 200
    path.write_bytes(junk)
    embedder = _embedder(path, FakeModel())
    assert np.allclose(embedder.embed(TEXTS), _expected())
    (aside,) = tmp_path.glob("embeddings.sqlite3.corrupt-*")
    assert aside.read_bytes() == junk
    (warning,) = embedder.warnings
    assert "not a SQLite database" in warning and aside.name in warning
    assert len(_blobs(path)) == len(TEXTS)


@pytest.mark.parametrize("damage", ["pages", "schema"])
def test_a_damaged_or_newer_database_is_left_alone(filled, damage):
    if damage == "schema":
        _sql(filled, "PRAGMA user_version = 99")
    else:
        _sql(filled, "PRAGMA journal_mode = DELETE")
        data = bytearray(filled.read_bytes())
        data[100:] = b"\xff" * (len(data) - 100)  # keep the header, ruin every page
        filled.write_bytes(bytes(data))
    before = filled.read_bytes()
    embedder = _embedder(filled, FakeModel())
    assert np.allclose(embedder.embed(TEXTS), _expected())
    (warning,) = embedder.warnings
    assert "--clear embeddings" in warning
    assert filled.read_bytes() == before
    assert not list(filled.parent.glob("*.corrupt-*"))


@pytest.fixture
def shared_build_cache(tmp_path, monkeypatch):
    """A fresh cache directory whose models/ is the real one, so the default model is reused."""
    models = cache_dir() / "models"
    models.mkdir(parents=True, exist_ok=True)
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "models").symlink_to(models, target_is_directory=True)
    monkeypatch.setenv("ALIGNCHECK_CACHE_DIR", str(tmp_path / "c"))
    return tmp_path / "c"


def _check(release):
    proc = subprocess.run(
        [sys.executable, "-m", "aligncheck", "check", str(release), "--format", "json", "-q"],
        capture_output=True,
        text=True,
        env={**os.environ, "ALIGNCHECK_JOBS": "1"},
    )
    assert proc.returncode in (0, 1), proc.stderr
    findings = json.loads(proc.stdout)["documents"][0]["findings"]
    return proc.returncode, sorted(f["fingerprint"] for f in findings), proc.stderr


@pytest.mark.parametrize("damage", ["zeroblob(length(vector))", "substr(vector, 1, 6)"])
def test_cli_gives_the_same_findings_on_a_damaged_cache(tmp_path, shared_build_cache, damage):
    release = tmp_path / "release"
    release.mkdir()
    (release / "en.txt").write_text(
        "The pumping station serves 1,200 households.\n\nRepairs will end on 14 March.\n\n"
        "Residents can write to water@valley.example.org with questions.\n",
        encoding="utf-8",
    )
    (release / "ru.txt").write_text(
        "Насосная станция обслуживает 1 500 домохозяйств.\n\nРемонт завершится 14 марта.\n\n"
        "Жители могут писать с вопросами на water@valley.example.org.\n",
        encoding="utf-8",
    )
    clean = _check(release)
    assert clean[1] and "warning" not in clean[2]
    _sql(shared_build_cache / "embeddings.sqlite3", f"UPDATE vectors SET vector = {damage}")
    code, fingerprints, stderr = _check(release)
    assert (code, fingerprints) == clean[:2]
    assert "damaged vector(s) dropped" in stderr
    assert _check(release) == clean
