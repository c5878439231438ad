"""Translation units read from translator formats (XLIFF, PO, TMX): the records the format
readers return, the languages asked for, and how a file's bytes become a translate-toolkit
store (one clear InputError when they cannot)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import regex

from aligncheck.errors import InputError
from aligncheck.read.langcodes import check_lang

FORMATS = {".xlf": "xliff", ".xliff": "xliff", ".po": "po", ".pot": "po", ".tmx": "tmx"}


@dataclass(frozen=True)
class UnitText:
    """One language's text of a unit and where it starts in the file (1-based)."""

    text: str
    verbatim: tuple[tuple[int, int], ...]
    line: int
    column: int

    def stripped(self) -> UnitText:
        """Without leading and trailing whitespace; position and spans follow the text."""
        start = len(self.text) - len(self.text.lstrip())
        text = self.text.strip()
        skipped = self.text[:start]
        line, column = self.line, self.column + start
        if "\n" in skipped:
            line += skipped.count("\n")
            column = len(skipped) - skipped.rfind("\n")
        spans = tuple(
            (max(a - start, 0), min(b - start, len(text)))
            for a, b in self.verbatim
            if b > start and a - start < len(text)
        )
        return UnitText(text, spans, line, column)


@dataclass(frozen=True)
class Unit:
    """A translation unit: its pairing key and its texts by language (a language whose text is
    empty, or fuzzy in PO, is absent)."""

    key: str
    texts: Mapping[str, UnitText]


@dataclass(frozen=True)
class UnitFile:
    path: str
    format: str  # "xliff", "po" or "tmx"
    source_lang: str
    target_langs: tuple[str, ...]
    units: tuple[Unit, ...]
    template: bool = False  # a .pot: source texts only
    fuzzy: int = 0  # PO units whose fuzzy translation was left out


@dataclass(frozen=True)
class Languages:
    """What the command line says about languages: `source` is the fallback source language
    (`--source-lang` or the configuration), `source_given` whether it overrides the file's,
    `targets` the --langs given for this file (for a TMX file: the languages to read)."""

    source: str = "en"
    source_given: bool = False
    targets: tuple[str, ...] | None = None

    def source_for(self, declared: str | None, path: str) -> str:
        if self.source_given or not declared:
            return check_lang(self.source, path)
        return check_lang(declared, path)


def translator_format(path: Path) -> str | None:
    """ "xliff", "po" or "tmx" for a translator file name, else None."""
    return FORMATS.get(Path(path).suffix.lower())


def storage(name: str, path: str):
    """translate-toolkit's storage module `name`. translate-toolkit is GPL-3.0, so it is an
    optional extra (`aligncheck[translator]`), not a dependency of the MIT core."""
    try:
        return importlib.import_module(f"translate.storage.{name}")
    except ImportError:
        raise InputError(
            "reading XLIFF, PO and TMX needs translate-toolkit (GPL-3.0, not installed with "
            "aligncheck): pip install 'aligncheck[translator]'",
            path,
        ) from None


def parse_store(data: bytes, path: str, what: str, parse: Callable, hint: str, root: str = ""):
    """`parse(data)`, or an InputError naming the file, the format and the parser's reason;
    an XML format names its `root` element, which must open the file."""
    if root and not regex.search(rb"<(?:[\w.-]+:)?" + root.encode() + rb"[\s>]", data[:4096]):
        raise InputError(f"has no <{root}> root element, so it is not {what}; {hint}", path)
    try:
        return parse(data)
    except MemoryError:
        raise
    except Exception as error:  # lxml, translate-toolkit and codec errors alike
        reason = regex.sub(r" \(<string>, line \d+\)", "", " ".join(str(error).split()))
        reason = reason[:160] or type(error).__name__
        raise InputError(f"cannot be read as {what} ({reason}); {hint}", path) from None


def decoded(data: bytes, encoding: str | None) -> str:
    """The file's text, for finding lines and columns (never for the units' texts)."""
    try:
        return data.decode(encoding or "utf-8", errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def unique_keys(keys: list[str]) -> list[str]:
    """The keys with repeats numbered (`id`, `id\\x002`): the nth repeat pairs with the nth."""
    seen: dict[str, int] = {}
    out = []
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
        out.append(key if seen[key] == 1 else f"{key}\x00{seen[key]}")
    return out
