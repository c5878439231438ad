"""Language codes: validated against Babel, and read from `<lang>.<ext>` / `<stem>.<lang>.<ext>`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import regex

from aligncheck.errors import InputError
from aligncheck.lang.langid import is_known_language, normalize_lang

EXTENSIONS = (".txt", ".md", ".docx", ".html", ".htm")
# In file names only two-letter codes (with an optional region) count: three-letter words
# such as "new" or "fin" are Babel languages too but far likelier part of a name.
_FILENAME_CODE = regex.compile(r"[A-Za-z]{2}(?:[-_](?:[A-Za-z]{2}|\d{3}))?")


def check_lang(code: str, path: str | None = None) -> str:
    """The normalised code, or InputError if Babel does not know the language."""
    if not is_known_language(code):
        raise InputError(
            f"unknown language code {code!r}; use an ISO 639-1 code such as en, ru, kk", path
        )
    return normalize_lang(code)


def parse_langs(value: str | Sequence[str]) -> list[str]:
    """`"en,ru"` or `["en", "ru"]` as checked codes; InputError on unknown or repeated codes."""
    items = value.split(",") if isinstance(value, str) else list(value)
    codes = [check_lang(item.strip()) for item in items if item.strip()]
    repeated = sorted({code for code in codes if codes.count(code) > 1})
    if repeated:
        raise InputError(f"--langs names {', '.join(repeated)} more than once")
    if not codes:
        raise InputError("--langs is empty; give codes such as en,ru,kk")
    return codes


def split_name(path: Path) -> tuple[str, str | None]:
    """(stem, language-code part) of a supported file name; the part may be unknown to Babel."""
    if path.suffix.lower() not in EXTENSIONS:
        return path.name, None
    stem = path.name[: -len(path.suffix)]
    head, _, last = stem.rpartition(".")
    if _FILENAME_CODE.fullmatch(last):
        return head, last
    return stem, None


def lang_from_filename(path: Path) -> str | None:
    """The language a file name declares (`en.txt`, `notes.kk.docx`), or None."""
    _, code = split_name(Path(path))
    if code is None or not is_known_language(code):
        return None
    return normalize_lang(code)
