"""`aligncheck cache`: what the cache directory holds, and clearing it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from aligncheck.cachefiles import cache_dir
from aligncheck.errors import InputError

EMBEDDINGS = "embeddings.sqlite3"
PARTS = ("embeddings", "models", "all")


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else 0


def _megabytes(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"


def _embedding_counts(path: Path) -> str:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5.0)
        try:
            rows = conn.execute("SELECT model, count(*) FROM vectors GROUP BY model ORDER BY model").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return f"unreadable ({exc}); the next run rebuilds it"
    return "; ".join(f"{count:,} vectors of {model.split('|')[0]}" for model, count in rows) or "empty"


def summary() -> str:
    root = cache_dir()
    lines = [f"cache directory: {root}"]
    if not root.exists():
        return lines[0] + " (not created yet)\n"
    embeddings = root / EMBEDDINGS
    if embeddings.exists():
        size = sum(_size(Path(f"{embeddings}{s}")) for s in ("", "-wal", "-shm"))
        lines.append(f"  embeddings  {_megabytes(size):>10}  {_embedding_counts(embeddings)}")
    for entry in sorted(root.iterdir()):
        if entry.is_dir():
            inside = (", ".join(sorted(p.name for p in entry.iterdir() if p.is_dir()))
                      or f"{sum(1 for p in entry.iterdir() if p.is_file())} files")
            lines.append(f"  {entry.name:<11} {_megabytes(_size(entry)):>10}  {inside}")
    return "\n".join(lines) + "\n"


def clear(part: str) -> str:
    """Delete the embedding cache, the built models or everything; what was removed."""
    if part not in PARTS:
        raise InputError(f"cannot clear {part!r}: choose one of {', '.join(PARTS)}")
    root = cache_dir()
    targets = {
        "embeddings": [Path(f"{root / EMBEDDINGS}{s}") for s in ("", "-wal", "-shm")],
        "models": [root / "models"],
        "all": [root],
    }[part]
    freed = 0
    for target in targets:
        if not target.exists():
            continue
        freed += _size(target)
        try:
            shutil.rmtree(target) if target.is_dir() else target.unlink()
        except OSError as exc:
            raise InputError(f"cannot delete {target} ({exc.strerror}); check its permissions") from None
    return f"cleared {part} in {root}: {_megabytes(freed)} freed\n"
