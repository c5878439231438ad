"""Where aligncheck keeps what it builds once (models, embeddings, profiles, lexicons), and
how it writes them: whole files swapped in atomically, so concurrent runs never see half a file."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

CACHE_ENV = "ALIGNCHECK_CACHE_DIR"


def cache_dir() -> Path:
    """$ALIGNCHECK_CACHE_DIR, else the platform's user cache dir for aligncheck."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("aligncheck"))


def versioned_file(folder: str, stem: str, packages: tuple[str, ...], version: int) -> Path | None:
    """`folder/<stem>-v<version>-<package versions>.json` in the cache dir: for data built from
    those packages, so a new release of any of them builds it again. None when one is not
    installed (nothing to key the file on: build without keeping)."""
    versions = [installed_version(p) for p in packages]
    if None in versions:
        return None
    return cache_dir() / folder / f"{stem}-v{version}-{'-'.join(versions)}.json"


@lru_cache(maxsize=None)
def installed_version(package: str) -> str | None:
    """The installed version of a distribution, None if it is not installed."""
    found = _dist_info_versions().get(_normal_name(package))
    if found:
        return found
    from importlib.metadata import PackageNotFoundError, version  # e.g. an .egg-info install

    try:
        return version(package)
    except PackageNotFoundError:
        return None


def _normal_name(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


@lru_cache(maxsize=1)
def _dist_info_versions() -> dict[str, str]:
    """Distribution versions from the `<name>-<version>.dist-info` folder names on sys.path,
    first entry winning as for imports: one directory listing per entry, where importing and
    scanning with importlib.metadata costs ~0.1 s a run."""
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                dist, _, version = name[:-len(".dist-info")].partition("-")
                found.setdefault(_normal_name(dist), version)
    return found


def store(path: Path, write: Callable[[Path], None], suffix: str = ".tmp") -> None:
    """Write through `write(temporary)` then rename into place; a read-only cache only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}{suffix}")
        write(temporary)
        temporary.replace(path)
    except OSError:
        pass


def store_json(path: Path, data: object) -> None:
    store(path, lambda t: t.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8"))


def kept_strings(path: Path, build: Callable[[], Iterable[str]], *, nonempty: bool = False) -> tuple[str, ...]:
    """The list of strings stored at `path`, else `build()`'s, stored there for the next run
    (`nonempty`: an empty stored list counts as damaged)."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(stored, list) and (stored or not nonempty) and all(isinstance(x, str) for x in stored):
            return tuple(stored)
    except (OSError, ValueError):
        pass
    found = tuple(build())
    store_json(path, list(found))
    return found
