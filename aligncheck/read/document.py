"""One file on disk -> one Document (.txt and .md as text, .docx one line per Word paragraph)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from aligncheck.errors import InputError
from aligncheck.model import Document
from aligncheck.read.decode import decode
from aligncheck.read.names import EXTENSIONS, check_lang


def _docx_lines(path: Path) -> list[str]:
    import docx  # python-docx; imported here so plain-text runs do not pay for it
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(f"cannot be opened as a Word .docx file ({error.__class__.__name__}); "
                         "save it again from Word as .docx", str(path)) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(p.text for row in block.rows for cell in row.cells for p in cell.paragraphs)
        else:
            lines.append(block.text)
    return [line.replace("\r\n", "\n").replace("\r", "\n").replace("\n", " ").replace("\v", " ")
            for line in lines]


def _read_text(path: Path, encoding: str | None) -> str:
    if path.suffix.lower() == ".docx":
        return "\n".join(_docx_lines(path))
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror})", str(path)) from None
    return decode(data, str(path), encoding)


def read_text(path: Path, *, encoding: str | None = None) -> str:
    """The decoded, \\n-normalised text of a .txt/.md/.docx file; InputError if unusable."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such file; check the path", str(path))
    if path.is_dir():
        raise InputError("is a directory, expected a .txt, .md or .docx file", str(path))
    if path.suffix.lower() not in EXTENSIONS:
        raise InputError(f"unsupported file type {path.suffix or '(none)'!r}; "
                         "use .txt, .md or .docx", str(path))
    text = _read_text(path, encoding)
    if not text.strip():
        raise InputError("is empty; every language version needs text", str(path))
    return text


def read_document(path: Path, lang: str, *, encoding: str | None = None) -> Document:
    """The decoded text of `path` as a Document in language `lang`."""
    path = Path(path)
    lang = check_lang(lang, str(path))
    text = read_text(path, encoding=encoding)
    return Document(path=str(path), lang=lang, text=text, format=path.suffix.lower().lstrip("."))
