"""`aligncheck cache`: what the cache directory holds, and clearing it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from aligncheck._runtime.cachefiles import (CACHE_ENV, EMBEDDING_FILES, ENTRIES, MARKER, claim, foreign_entries,
                                   require_cache_dir)
from aligncheck.errors import InputError

EMBEDDINGS = "embeddings.sqlite3"
PARTS = ("embeddings", "models", "all")
PART_ENTRIES = {"embeddings": EMBEDDING_FILES, "models": ("models",),
                "all": tuple(sorted(ENTRIES - {MARKER}))}


def _size(path: Path) -> int:
    if path.is_symlink():
        return 0
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


def _claimed(root: Path) -> bool:
    try:
        return claim(root)
    except OSError:
        return False


def summary() -> str:
    root = require_cache_dir()
    lines = [f"cache directory: {root}"]
    if not root.exists():
        return lines[0] + " (not created yet)\n"
    if not _claimed(root):
        lines[0] += " (shared with other files: --clear refuses to delete here)"
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


def _names(names: list[str]) -> str:
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def clear(part: str) -> str:
    """Delete the embedding cache, the built models or all of aligncheck's entries; what was removed.
    Only in a root that is aligncheck's own (cachefiles.claim), only the entry names it creates."""
    if part not in PARTS:
        raise InputError(f"cannot clear {part!r}: choose one of {', '.join(PARTS)}")
    root = require_cache_dir()
    if not root.exists():
        return f"nothing to clear: {root} does not exist\n"
    try:
        ours = claim(root)
        others = foreign_entries(root)
    except OSError as exc:
        raise InputError(f"cannot read the cache directory ({exc.strerror}); check its permissions", str(root)) from None
    if not ours:
        why = f"holds files aligncheck did not create ({_names(others)})" if others else "carries another program's CACHEDIR.TAG"
        raise InputError(f"not an aligncheck cache directory: it {why}; nothing deleted. Set {CACHE_ENV} "
                         "to a directory of its own, or delete aligncheck's entries by hand", str(root.absolute()))
    freed = 0
    for name in PART_ENTRIES[part]:
        target = root / name
        if not (target.exists() or target.is_symlink()):
            continue
        freed += _size(target)
        try:
            shutil.rmtree(target) if target.is_dir() and not target.is_symlink() else target.unlink()
        except OSError as exc:
            raise InputError(f"cannot delete {target} ({exc.strerror}); check its permissions") from None
    kept = ""
    if part == "all" and others:
        kept = f"; kept what aligncheck did not create: {_names(others)}"
    elif part == "all":
        (root / MARKER).unlink(missing_ok=True)
        try:
            root.rmdir()
        except OSError:
            pass
    return f"cleared {part} in {root}: {_megabytes(freed)} freed{kept}\n"
