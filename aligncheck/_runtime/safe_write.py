"""Writing what a run produces (reports, baselines, split files, glossaries): never half a file,
never over one of the run's own inputs."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path

from aligncheck._runtime.cachefiles import replace_via
from aligncheck.errors import InputError


def write_text(path: str | Path, text: str, *, what: str, option: str) -> None:
    """Write `text` (UTF-8) to `path` through a temporary file in the same directory, fsynced and
    renamed into place: on failure the old file stays whole. A symlink keeps pointing at the new
    file; a device or FIFO (/dev/null, /dev/stdout) is written directly. InputError names `what`
    and the `option` to change."""
    write_bytes(path, text.encode("utf-8"), what=what, option=option)


def write_bytes(path: str | Path, data: bytes, *, what: str, option: str) -> None:
    """`write_text` for bytes already encoded (an annotated copy keeps its file's encoding)."""
    target = Path(os.path.realpath(path))
    try:
        if target.is_dir():
            raise IsADirectoryError(21, "Is a directory")
        if target.exists() and not target.is_file():
            with open(target, "wb") as stream:
                stream.write(data)
            return
        if target.parent.exists() and not target.parent.is_dir():
            raise NotADirectoryError(20, f"{target.parent} is not a directory")
        target.parent.mkdir(parents=True, exist_ok=True)
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644 & ~_umask()
        replace_via(
            target,
            target.with_name(f".{target.name}.{os.getpid()}.tmp"),
            lambda temporary: _write_synced(temporary, data, mode),
        )
        _sync_directory(target.parent)
    except OSError as exc:
        raise InputError(
            f"cannot write {what}: {exc.strerror or exc}; choose another {option}", str(path)
        ) from None


def _write_synced(path: Path, data: bytes, mode: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with open(fd, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fchmod(fd, mode)
        os.fsync(fd)


def _sync_directory(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every file system allows it)."""
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def same_file(a: str | Path, b: str | Path) -> bool:
    """Both paths name one file: equal once resolved (.., symlinks) or one inode (hard links)."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def refuse_overwriting(
    outputs: Iterable[tuple[str, str | Path]], inputs: Iterable[str | Path]
) -> None:
    """InputError when an output (label, path) is one of the run's inputs,
    or two outputs are one file."""
    inputs = [str(p) for p in inputs]
    seen: list[tuple[str, str | Path]] = []
    for label, path in outputs:
        for source in inputs:
            if same_file(path, source):
                raise InputError(
                    f"{label} would overwrite the input {source}; choose another path", str(path)
                )
        for other_label, other in seen:
            if same_file(path, other):
                raise InputError(
                    f"{label} and {other_label} name the same file; give each its own path",
                    str(path),
                )
        seen.append((label, path))
