"""SQLite cache of embeddings keyed by (model id, prompt, SHA-256 of the text).

Safe under concurrent runs (WAL, busy timeout, retries). A cache problem never stops a run
and never deletes the cache:
- a row that cannot be the vector asked for (blob of the wrong length or type, values not
  finite, not of unit norm) is dropped on read, so the caller computes it again;
- a write that fails (disk full, read-only file) turns writing off for this run;
- a file that is not a SQLite database at all is renamed aside (`.corrupt-<time>`) and a new
  cache started; any other error (a damaged database, a newer schema) turns the cache off.
Each of these adds one line to `warnings`, which the run prints on stderr.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import numpy as np

from aligncheck._runtime.cache_registry import REGISTRY

SCHEMA_VERSION = REGISTRY["embeddings"].version  # of every store: embeddings, langid scores
RETRIES = 6
CHUNK = 500  # keys per SELECT (well under SQLite's variable limit)
NORM_TOLERANCE = 1e-3  # stored vectors are L2-normalised float32: |norm - 1| is ~1e-7
SQLITE_MAGIC = b"SQLite format 3\x00"
CLEAR_HINT = "`aligncheck cache --clear embeddings` starts a new one"
T = TypeVar("T")


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def unit_rows(matrix: np.ndarray) -> np.ndarray:
    """Per row: finite, and of norm 1 within NORM_TOLERANCE (so not all zero)."""
    with np.errstate(all="ignore"):
        norms = np.linalg.norm(matrix.astype(np.float64), axis=-1)
    return np.isfinite(norms) & (np.abs(norms - 1.0) <= NORM_TOLERANCE)


def is_unit_vector(vector: np.ndarray) -> bool:
    return bool(unit_rows(np.asarray(vector)))


def _is_busy(exc: sqlite3.Error) -> bool:
    message = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in message or "busy" in message)


class _NewerSchema(Exception):
    pass


class EmbeddingCache:
    def __init__(self, path: Path, timeout: float = 30.0):
        self.path = path
        self.timeout = timeout
        self.disabled_reason: str | None = None  # reads and writes off
        self.write_error: str | None = None  # writes off
        self.set_aside: Path | None = None
        self.dropped = 0  # rows dropped on read
        self._conn: sqlite3.Connection | None = None
        from aligncheck._runtime.parallel import reopen_after_fork

        reopen_after_fork(self)

    @property
    def warnings(self) -> tuple[str, ...]:
        said = []
        if self.set_aside:
            said.append(
                f"embedding cache {self.path} was not a SQLite database: "
                f"moved aside to {self.set_aside.name}, a new cache was started"
            )
        if self.dropped:
            said.append(
                f"embedding cache {self.path}: {self.dropped} damaged vector(s) dropped "
                "and computed again"
            )
        return tuple(said) + tuple(r for r in (self.write_error, self.disabled_reason) if r)

    def forget_connection(self) -> None:
        """In a forked child: drop (not close) the parent's connection; the next use reopens."""
        self._conn = None

    def _connect(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
            conn.text_factory = bytes  # a vector stored as TEXT is checked, not decoded
            try:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version not in (0, SCHEMA_VERSION):
                    raise _NewerSchema(f"schema {version}, made by another aligncheck version")
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS vectors (model TEXT NOT NULL, "
                    "prompt TEXT NOT NULL, text_hash BLOB NOT NULL, vector BLOB NOT NULL, "
                    "PRIMARY KEY (model, prompt, text_hash)) WITHOUT ROWID"
                )
                if version != SCHEMA_VERSION:
                    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            except BaseException:
                conn.close()
                raise
            self._conn = conn
        return self._conn

    def _has_sqlite_header(self) -> bool:
        try:
            with open(self.path, "rb") as file:
                return file.read(len(SQLITE_MAGIC)) in (SQLITE_MAGIC, b"")
        except OSError:
            return True  # nothing to move aside

    def _move_aside(self) -> None:
        self.close()
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        if aside.exists():
            aside = aside.with_name(f"{aside.name}-{os.getpid()}")
        self.path.replace(aside)
        for suffix in ("-wal", "-shm", "-journal"):
            companion = Path(f"{self.path}{suffix}")
            if companion.exists():
                companion.replace(Path(f"{aside}{suffix}"))
        self.set_aside = aside

    def _run(
        self, operation: Callable[[sqlite3.Connection], T], fallback: T, *, write: bool = False
    ) -> T:
        """Run `operation`, retrying while the file is busy; see the module docstring for errors."""
        if self.disabled_reason or (write and self.write_error):
            return fallback
        reopened = False
        for attempt in range(RETRIES):
            try:
                return operation(self._connect())
            except sqlite3.Error as exc:
                if _is_busy(exc):
                    time.sleep(0.05 * 2**attempt)
                    continue
                if "not a database" in str(exc) and not reopened:
                    reopened = True  # once: the header decides, as another run may have moved it
                    try:
                        if self._has_sqlite_header():
                            self.close()
                        else:
                            self._move_aside()
                        continue
                    except OSError as os_exc:
                        exc = os_exc
                if write and self._conn is not None:
                    self.write_error = (
                        f"embedding cache {self.path}: cannot write ({exc}); "
                        "going on without saving new vectors"
                    )
                else:
                    self.disabled_reason = (
                        f"embedding cache {self.path} unusable ({exc}); {CLEAR_HINT}"
                    )
                return fallback
            except _NewerSchema as exc:
                self.disabled_reason = f"embedding cache {self.path} not used: {exc}; {CLEAR_HINT}"
                return fallback
            except OSError as exc:
                self.disabled_reason = f"embedding cache {self.path} unusable: {exc}"
                return fallback
        if write:
            self.write_error = f"embedding cache {self.path} stayed locked; new vectors not saved"
        else:
            self.disabled_reason = f"embedding cache {self.path} stayed locked"
        return fallback

    def get_many(
        self,
        model: str,
        prompt: str,
        keys: Sequence[bytes],
        *,
        dim: int | None = None,
        unit: bool = False,
    ) -> dict[bytes, np.ndarray]:
        """The stored float32 vectors of those keys that have a sound one: of length `dim` if
        given, of unit norm if `unit`. Other rows are deleted, so they are computed again."""
        bad: list[bytes] = []

        def select(conn: sqlite3.Connection) -> dict[bytes, np.ndarray]:
            found, bad[:] = {}, []
            for start in range(0, len(keys), CHUNK):
                chunk = list(keys[start : start + CHUNK])
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT text_hash, vector FROM vectors WHERE model=? AND "
                    f"prompt=? AND text_hash IN ({marks})",
                    [model, prompt, *chunk],
                )
                found.update(_sound(rows, dim, unit, bad))
            return found

        found = self._run(select, {}) if keys else {}
        if bad:
            self.dropped += len(bad)
            self._run(
                lambda conn: conn.executemany(
                    "DELETE FROM vectors WHERE model=? AND prompt=? AND text_hash=?",
                    [(model, prompt, key) for key in bad],
                ),
                None,
                write=True,
            )
        return found

    def put_many(self, model: str, prompt: str, items: Sequence[tuple[bytes, np.ndarray]]) -> None:
        rows = [(model, prompt, key, np.asarray(vec, dtype="<f4").tobytes()) for key, vec in items]

        def insert(conn: sqlite3.Connection) -> None:
            with conn:
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)", rows)

        if rows:
            self._run(insert, None, write=True)

    def dim(self, model: str) -> int | None:
        """Length of the vectors stored for `model`, if any are (the most common among a few
        rows, so one damaged row does not decide it)."""

        def sample(conn: sqlite3.Connection) -> int | None:
            rows = conn.execute(
                "SELECT length(vector) FROM vectors WHERE model=? LIMIT 64", [model]
            )
            counts = Counter(n // 4 for (n,) in rows if isinstance(n, int) and n and n % 4 == 0)
            return counts.most_common(1)[0][0] if counts else None

        return self._run(sample, None)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _sound(rows, dim: int | None, unit: bool, bad: list[bytes]) -> dict[bytes, np.ndarray]:
    """The vectors of those (key, blob) rows that pass; the keys of the others go to `bad`.
    Rows of one length are decoded and checked together (a warm run reads thousands)."""
    by_length: dict[int, list[tuple[bytes, bytes]]] = {}
    for key, blob in rows:
        if (
            isinstance(blob, bytes)
            and blob
            and len(blob) % 4 == 0
            and dim in (None, len(blob) // 4)
        ):
            by_length.setdefault(len(blob), []).append((bytes(key), blob))
        else:
            bad.append(bytes(key))
    found = {}
    for length, group in by_length.items():
        matrix = np.frombuffer(b"".join(blob for _, blob in group), dtype="<f4")
        matrix = matrix.astype(np.float32).reshape(len(group), length // 4)
        sound = unit_rows(matrix) if unit else np.ones(len(group), dtype=bool)
        for (key, _), vector, ok in zip(group, matrix, sound):
            if ok:
                found[key] = vector
            else:
                bad.append(key)
    return found
