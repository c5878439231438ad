"""One file on disk -> one Document (.txt as text, .md and .html as text with the blocks their
readers find, .docx one line per Word paragraph).

Only regular files are read (a FIFO is never opened for reading, a device never read), and
no more than the input cap, unpacked .docx members included."""

from __future__ import annotations

import errno
import io
import os
import stat
import zipfile
from collections.abc import Sequence
from pathlib import Path

from aligncheck.errors import InputError
from aligncheck.model import Document
from aligncheck.read.decode import decode_with_fallback
from aligncheck.read.langcodes import EXTENSIONS, check_lang
from aligncheck.read.policy import (
    DEFAULT_MAX_INPUT_MB,
    Encodings,
    ReadPolicy,
    describe_mb,
    note,
    read_policy,
)
from aligncheck.read.structure import with_blocks

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_STAT_ERRORS = {
    errno.ENOENT: "no such file or directory; check the path",
    errno.ENOTDIR: "no such file or directory; check the path",
    errno.ELOOP: "is a symlink loop (or too many links); fix or remove the link",
    errno.EACCES: "permission denied; check the file's permissions",
    errno.EPERM: "permission denied; check the file's permissions",
}


def stat_path(path: Path) -> os.stat_result:
    """os.stat of `path` (links followed); InputError naming the reason if it cannot be."""
    try:
        return os.stat(path)
    except OSError as error:
        raise InputError(
            _STAT_ERRORS.get(error.errno, f"cannot be read ({error.strerror})"), str(path)
        ) from None
    except ValueError:  # an embedded NUL in the name
        raise InputError("is not a valid file name", str(path)) from None


def irregular_kind(status: os.stat_result) -> str | None:
    """What a non-regular, non-directory file is ("a named pipe (FIFO)" ...), else None."""
    for test, kind in _KINDS:
        if test(status.st_mode):
            return kind
    return (
        None
        if stat.S_ISREG(status.st_mode) or stat.S_ISDIR(status.st_mode)
        else "not a regular file"
    )


def _refuse_irregular(status: os.stat_result, path: Path) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise InputError("is a directory, expected a .txt, .md, .html or .docx file", str(path))
    kind = irregular_kind(status)
    if kind is not None:
        raise InputError(
            f"is {kind}, not a regular file; give a .txt, .md, .html or .docx file", str(path)
        )


def _refuse_oversize(size: int, path: Path, policy: ReadPolicy, what: str = "is") -> None:
    if size > policy.max_bytes:
        raise InputError(
            f"{what} {describe_mb(size / 1024 / 1024)}, over the input limit of "
            f"{describe_mb(policy.max_input_mb)} (default {DEFAULT_MAX_INPUT_MB} MB); "
            "raise it with --max-input-mb or max_input_mb in aligncheck.toml",
            str(path),
        )


def read_bytes(path: Path, policy: ReadPolicy) -> bytes:
    """The bytes of a regular file no larger than the cap, re-checked on the open descriptor."""
    _refuse_irregular(stat_path(path), path)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise InputError(
            _STAT_ERRORS.get(error.errno, f"cannot be read ({error.strerror})"), str(path)
        ) from None
    with open(fd, "rb", closefd=True) as handle:
        status = os.fstat(fd)
        _refuse_irregular(status, path)
        _refuse_oversize(status.st_size, path, policy)
        if _OPEN_FLAGS & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
        want = min(status.st_size, policy.max_bytes) + 1  # not the cap: read(n) allocates n
        try:
            data = handle.read(want)
            if len(data) == want:  # grew since fstat, or a size-0 /proc file
                data += handle.read(policy.max_bytes + 1 - len(data))
        except OSError as error:
            raise InputError(f"cannot be read ({error.strerror})", str(path)) from None
    _refuse_oversize(len(data), path, policy, "grew while being read to")
    return data


def _refuse_docx_bomb(data: bytes, path: Path, policy: ReadPolicy) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as error:
        raise InputError(
            f"cannot be opened as a Word .docx file (not a complete zip archive: "
            f"{error}); save it again from Word as .docx",
            str(path),
        ) from None
    _refuse_oversize(unpacked, path, policy, "unpacks to")


def _docx_lines(data: bytes, path: Path, policy: ReadPolicy) -> list[str]:
    import docx  # python-docx; imported here so plain-text runs do not pay for it
    from docx.table import Table

    _refuse_docx_bomb(data, path, policy)
    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(
                    p.text for row in block.rows for cell in row.cells for p in cell.paragraphs
                )
            else:
                lines.append(block.text)
    except MemoryError:
        raise
    except Exception as error:  # any failure of python-docx on these bytes is a bad file
        reason = " ".join(str(error).strip("'\"").split())[:120] or error.__class__.__name__
        raise InputError(
            f"cannot be opened as a Word .docx file ({reason}); save it again from Word as .docx",
            str(path),
        ) from None
    return [
        line.replace("\r\n", "\n").replace("\r", "\n").replace("\n", " ").replace("\v", " ")
        for line in lines
    ]


def _read_text(path: Path, policy: ReadPolicy, lang: str | None) -> tuple[str, str | None]:
    """(text, the --encoding used for it if it was not UTF-8/UTF-16)."""
    status = stat_path(path)
    _refuse_irregular(status, path)
    if path.suffix.lower() not in EXTENSIONS:
        raise InputError(
            f"unsupported file type {path.suffix or '(none)'!r}; use .txt, .md, .html or .docx",
            str(path),
        )
    data = read_bytes(path, policy)
    applied = None
    if path.suffix.lower() == ".docx":
        text = "\n".join(_docx_lines(data, path, policy))
    else:
        fallback = policy.encodings.for_lang(lang)
        text, used = decode_with_fallback(data, str(path), fallback)
        applied = fallback if used else None
    if not text.strip():
        raise InputError("is empty; every language version needs text", str(path))
    return text, applied


def applied_note(applied: Sequence[tuple[str, str]]) -> None:
    """One stderr line naming the files decoded with an --encoding (path, encoding) pairs."""
    if applied:
        files = ", ".join(f"{path} ({encoding})" for path, encoding in applied)
        note(f"--encoding applied to files that are not UTF-8/UTF-16: {files}")


def read_text(
    path: Path,
    *,
    encoding: str | Sequence[str] | Encodings | None = None,
    max_input_mb: float | None = None,
    lang: str | None = None,
) -> str:
    """The decoded, \\n-normalised text of a .txt/.md/.html/.docx file; InputError if unusable."""
    path = Path(path)
    text, applied = _read_text(path, read_policy(encoding, max_input_mb), lang)
    applied_note([(str(path), applied)] if applied else [])
    return text


def load_document(path: Path, lang: str, policy: ReadPolicy) -> tuple[Document, str | None]:
    """The Document of `path` and the --encoding applied to it (None: UTF-8/UTF-16)."""
    path = Path(path)
    lang = check_lang(lang, str(path))
    text, applied = _read_text(path, policy, lang)
    document = Document(path=str(path), lang=lang, text=text, format=path.suffix.lower()[1:])
    return with_blocks(document, policy.front_matter_keys), applied


def read_document(
    path: Path,
    lang: str,
    *,
    encoding: str | Sequence[str] | Encodings | None = None,
    max_input_mb: float | None = None,
) -> Document:
    """The decoded text of `path` as a Document in language `lang`."""
    document, applied = load_document(path, lang, read_policy(encoding, max_input_mb))
    applied_note([(document.path, applied)] if applied else [])
    return document
