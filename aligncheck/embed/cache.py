"""SQLite cache of embeddings keyed by (model id, prompt, SHA-256 of the text).

Safe under concurrent runs (WAL, busy timeout, retries). A corrupt or unreadable
cache file is deleted and rebuilt; if even that fails the cache switches itself
off and records why in `disabled_reason` - a cache problem never stops a run.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import numpy as np

SCHEMA_VERSION = 1
RETRIES = 6
CHUNK = 500  # keys per SELECT (well under SQLite's variable limit)
T = TypeVar("T")


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def _is_busy(exc: sqlite3.Error) -> bool:
    message = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in message or "busy" in message)


class EmbeddingCache:
    def __init__(self, path: Path, timeout: float = 30.0):
        self.path = path
        self.timeout = timeout
        self.disabled_reason: str | None = None
        self._conn: sqlite3.Connection | None = None
        from aligncheck.parallel import reopen_after_fork

        reopen_after_fork(self)

    def forget_connection(self) -> None:
        """In a forked child: drop (not close) the parent's connection; the next use reopens."""
        self._conn = None

    def _connect(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
            try:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version not in (0, SCHEMA_VERSION):
                    raise sqlite3.DatabaseError(f"unknown cache schema {version}")
                conn.execute("CREATE TABLE IF NOT EXISTS vectors (model TEXT NOT NULL, "
                             "prompt TEXT NOT NULL, text_hash BLOB NOT NULL, vector BLOB NOT NULL, "
                             "PRIMARY KEY (model, prompt, text_hash)) WITHOUT ROWID")
                conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            except BaseException:
                conn.close()
                raise
            self._conn = conn
        return self._conn

    def _discard_file(self) -> None:
        self.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def _run(self, operation: Callable[[sqlite3.Connection], T], fallback: T) -> T:
        """Run `operation`, retrying when busy and rebuilding the file once if corrupt."""
        if self.disabled_reason:
            return fallback
        rebuilt = False
        for attempt in range(RETRIES):
            try:
                return operation(self._connect())
            except sqlite3.Error as exc:
                if _is_busy(exc):
                    time.sleep(0.05 * 2 ** attempt)
                    continue
                if rebuilt:
                    self.disabled_reason = f"embedding cache {self.path} unusable: {exc}"
                    return fallback
                rebuilt = True
                try:
                    self._discard_file()
                except OSError as os_exc:
                    self.disabled_reason = f"embedding cache {self.path} unusable: {os_exc}"
                    return fallback
            except OSError as exc:
                self.disabled_reason = f"embedding cache {self.path} unusable: {exc}"
                return fallback
        self.disabled_reason = f"embedding cache {self.path} stayed locked"
        return fallback

    def get_many(self, model: str, prompt: str, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        def select(conn: sqlite3.Connection) -> dict[bytes, np.ndarray]:
            found = {}
            for start in range(0, len(keys), CHUNK):
                chunk = list(keys[start:start + CHUNK])
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(f"SELECT text_hash, vector FROM vectors WHERE model=? AND "
                                    f"prompt=? AND text_hash IN ({marks})", [model, prompt, *chunk])
                for key, blob in rows:
                    found[bytes(key)] = np.frombuffer(blob, dtype="<f4").astype(np.float32)
            return found

        return self._run(select, {}) if keys else {}

    def put_many(self, model: str, prompt: str, items: Sequence[tuple[bytes, np.ndarray]]) -> None:
        rows = [(model, prompt, key, np.asarray(vec, dtype="<f4").tobytes()) for key, vec in items]

        def insert(conn: sqlite3.Connection) -> None:
            with conn:
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)", rows)

        if rows:
            self._run(insert, None)

    def dim(self, model: str) -> int | None:
        """Length of the vectors stored for `model`, if any are."""
        def first(conn: sqlite3.Connection) -> int | None:
            row = conn.execute("SELECT length(vector) FROM vectors WHERE model=? LIMIT 1",
                               [model]).fetchone()
            return row[0] // 4 if row else None

        return self._run(first, None)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
