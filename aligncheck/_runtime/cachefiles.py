"""Where aligncheck keeps what it builds once (models, embeddings, profiles, lexicons), and
how it writes them: whole files swapped in atomically, so concurrent runs never see half a file.

The cache root carries a CACHEDIR.TAG naming aligncheck (https://bford.info/cachedir/) when
aligncheck created it or found nothing but its own entries there; `aligncheck cache --clear`
deletes only in such a root, and only the names of the entries in cache_registry.REGISTRY."""

from __future__ import annotations

import json
import os
import re
import string
import sys
from collections.abc import Callable, Iterable
from contextlib import suppress
from functools import lru_cache
from importlib import import_module
from pathlib import Path

from aligncheck._runtime.cache_registry import REGISTRY, owner
from aligncheck.errors import InputError

CACHE_ENV = "ALIGNCHECK_CACHE_DIR"
MARKER = "CACHEDIR.TAG"
MARKER_SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55"
MARKER_TEXT = (
    f"{MARKER_SIGNATURE}\n# This file is a cache directory tag created by aligncheck.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


def configured_cache_dir() -> Path:
    """$ALIGNCHECK_CACHE_DIR, else the platform's user cache dir for aligncheck."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("aligncheck"))


def cache_dir() -> Path:
    """The cache root, tagged as aligncheck's on first use
    when it is new or holds only our entries."""
    root = configured_cache_dir()
    _tag_once(str(root))
    return root


@lru_cache(maxsize=None)
def _tag_once(root: str) -> None:
    with suppress(OSError):
        claim(Path(root))


def is_tagged(root: Path) -> bool:
    """`root` holds a CACHEDIR.TAG that aligncheck wrote."""
    try:
        text = (root / MARKER).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return text.startswith(MARKER_SIGNATURE) and "aligncheck" in text


def foreign_entries(root: Path) -> list[str]:
    """Names in `root` that aligncheck never creates there."""
    return sorted(name for name in os.listdir(root) if not _ours(name))


def _ours(name: str) -> bool:
    return (
        name == MARKER
        or re.fullmatch(r"CACHEDIR\.\d+\.tmp", name) is not None
        or owner(name) is not None
    )


def claim(root: Path) -> bool:
    """Whether `root` is aligncheck's own cache root; a new root, or an untagged one holding only
    aligncheck's entries (a cache from before the tag), gets the tag. Another program's tag or
    any other entry means the directory is shared: it is then never tagged nor cleared."""
    if is_tagged(root):
        return True
    if root.exists() or root.is_symlink():
        if not root.is_dir() or (root / MARKER).exists() or foreign_entries(root):
            return False
    else:
        root.mkdir(parents=True, exist_ok=True)
    store(root / MARKER, lambda t: t.write_text(MARKER_TEXT, encoding="utf-8"))
    return True


def require_cache_dir() -> Path:
    """The configured cache root;
    InputError when it, or the nearest existing parent, is not a directory."""
    root = configured_cache_dir()
    existing = root
    while not (existing.exists() or existing.is_symlink()) and existing != existing.parent:
        existing = existing.parent
    if existing.is_dir():
        return root
    what = "is a file" if existing == root else f"is inside {existing}, a file"
    raise InputError(
        f"cannot be the cache directory: it {what}, not a directory; "
        f"set {CACHE_ENV} to a directory",
        str(root),
    )


def cache_file(
    name: str, kind: str | None = None, key: str = "", packages: tuple[str, ...] = ()
) -> Path | None:
    """Where registry entry `name` keeps its file of `kind` (its only kind if None): for data
    built from `packages`, so a new release of any of them builds it again. None when one is
    not installed (nothing to key the file on: build without keeping)."""
    entry = REGISTRY[name]
    template = entry.files[kind] if kind else next(iter(entry.files.values()))
    versions = [installed_version(p) for p in packages]
    if None in versions:
        return None
    fields: dict[str, object] = {
        "version": entry.version,
        "key": key,
        "packages": "-".join(versions),
    }  # type: ignore[arg-type]
    for _, field, _, _ in string.Formatter().parse(template):
        if field and field not in fields:
            fields[field] = import_module(field).__version__
    return cache_dir() / template.format(**fields)


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
                dist, _, version = name[: -len(".dist-info")].partition("-")
                found.setdefault(_normal_name(dist), version)
    return found


def replace_via(path: Path, temporary: Path, write: Callable[[Path], None]) -> None:
    """`write(temporary)`, then rename it over `path`: readers see the old file or the new one,
    never part of one. On any failure the temporary is removed, `path` is untouched, and the
    error is raised."""
    try:
        write(temporary)
        os.replace(temporary, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise


def store(path: Path, write: Callable[[Path], None], suffix: str = ".tmp") -> None:
    """Write through `write(temporary)` then rename into place;
    a read-only cache only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_via(path, path.with_suffix(f".{os.getpid()}{suffix}"), write)
    except OSError:
        pass


def store_json(path: Path, data: object) -> None:
    store(path, lambda t: t.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8"))


def kept_strings(
    path: Path, build: Callable[[], Iterable[str]], *, nonempty: bool = False
) -> tuple[str, ...]:
    """The list of strings stored at `path`, else `build()`'s, stored there for the next run
    (`nonempty`: an empty stored list counts as damaged)."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if (
            isinstance(stored, list)
            and (stored or not nonempty)
            and all(isinstance(x, str) for x in stored)
        ):
            return tuple(stored)
    except (OSError, ValueError):
        pass
    found = tuple(build())
    store_json(path, list(found))
    return found
