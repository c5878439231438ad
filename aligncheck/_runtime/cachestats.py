"""`aligncheck cache`: what the cache directory holds, entry by entry of the registry, and
clearing one entry or all of them."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from aligncheck._runtime.cache_registry import REGISTRY, CacheEntry, owner
from aligncheck._runtime.cachefiles import (
    CACHE_ENV,
    MARKER,
    claim,
    foreign_entries,
    require_cache_dir,
)
from aligncheck.errors import InputError

PARTS = (*REGISTRY, "all")


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
            rows = conn.execute(
                "SELECT model, count(*) FROM vectors GROUP BY model ORDER BY model"
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return f"unreadable ({exc}); the next run rebuilds it"
    return (
        "; ".join(f"{count:,} vectors of {model.split('|')[0]}" for model, count in rows) or "empty"
    )


def _claimed(root: Path) -> bool:
    try:
        return claim(root)
    except OSError:
        return False


def _found(root: Path) -> dict[str, list[Path]]:
    """The names in `root`, by the registry entry they belong to."""
    found: dict[str, list[Path]] = {}
    for name in sorted(os.listdir(root)):
        entry = owner(name)
        if entry is not None:
            found.setdefault(entry.name, []).append(root / name)
    return found


def _details(entry: CacheEntry, paths: list[Path]) -> str:
    said = []
    for path in paths:
        if ".corrupt-" in path.name:
            said.append(f"set aside as damaged: {path.name}")
        elif path.is_dir():
            said.append(
                ", ".join(sorted(p.name for p in path.iterdir() if p.is_dir()))
                or f"{sum(1 for p in path.iterdir() if p.is_file())} files"
            )
            said += [f"set aside as damaged: {p.name}" for p in sorted(path.glob("*.corrupt-*"))]
        elif entry.name == "embeddings" and path.name == entry.files["store"]:
            said.append(_embedding_counts(path))
    return "; ".join(said)


def summary() -> str:
    root = require_cache_dir()
    lines = [f"cache directory: {root}"]
    if not root.exists():
        return lines[0] + " (not created yet)\n"
    if not _claimed(root):
        lines[0] += " (shared with other files: --clear refuses to delete here)"
    found = _found(root)
    for entry in REGISTRY.values():
        paths = found.get(entry.name)
        if paths:
            size = _megabytes(sum(_size(p) for p in paths))
            lines.append(f"  {entry.name:<11} {size:>10}  {_details(entry, paths)}")
    return "\n".join(lines) + "\n"


def table() -> str:
    """The registry: each entry, what it holds, its format and version, the names it clears."""
    lines = []
    for e in REGISTRY.values():
        version = "-" if e.version is None else f"v{e.version}"
        clears = ", ".join(e.clears)
        lines.append(f"{e.name:<11} {version:<3} {e.format:<32} {e.holds}; clears {clears}")
    return "\n".join(lines) + "\n"


def _names(names: list[str]) -> str:
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def clear(part: str) -> str:
    """Delete one registry entry's names (with what was set aside as damaged) or every entry's;
    what was removed. Only in a root that is aligncheck's own (cachefiles.claim)."""
    if part not in PARTS:
        raise InputError(f"cannot clear {part!r}: choose one of {', '.join(PARTS)}")
    root = require_cache_dir()
    if not root.exists():
        return f"nothing to clear: {root} does not exist\n"
    try:
        ours = claim(root)
        others = foreign_entries(root)
        found = _found(root)
    except OSError as exc:
        raise InputError(
            f"cannot read the cache directory ({exc.strerror}); check its permissions", str(root)
        ) from None
    if not ours:
        why = (
            f"holds files aligncheck did not create ({_names(others)})"
            if others
            else "carries another program's CACHEDIR.TAG"
        )
        raise InputError(
            f"not an aligncheck cache directory: it {why}; nothing deleted. Set {CACHE_ENV} "
            "to a directory of its own, or delete aligncheck's entries by hand",
            str(root.absolute()),
        )
    freed = 0
    for name in REGISTRY if part == "all" else (part,):
        for target in found.get(name, ()):
            freed += _size(target)
            try:
                if target.is_dir() and not target.is_symlink():
                    shutil.rmtree(target)
                else:
                    target.unlink()
            except OSError as exc:
                raise InputError(
                    f"cannot delete {target} ({exc.strerror}); check its permissions"
                ) from None
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
