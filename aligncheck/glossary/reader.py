"""Read glossaries: TSV / CSV (header of language codes) and TBX (2 or 3).

Table columns: language codes (`en ru kk ...`), `<lang>:forbidden`, `<lang>:note`, `kind`,
`case`, `note`. Cells hold alternatives separated by ` | `. Lines starting with `#` and blank
lines are skipped. Every problem is one InputError naming the file and line.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from aligncheck._runtime.cachefiles import cache_file, kept_strings
from aligncheck.errors import InputError
from aligncheck.glossary.entries import Entry, Glossary, base_lang, new_entry
from aligncheck.glossary.index import paused_gc
from aligncheck.glossary.table import TableEntries, split


@cache
def _babel_languages() -> frozenset[str]:
    """Babel's language codes, kept in the cache dir (loading the locale costs ~60 ms a run)."""
    import babel

    return frozenset(
        kept_strings(
            cache_file("glossary"),
            lambda: sorted({code.lower() for code in babel.Locale("en").languages}),
            nonempty=True,
        )
    )


def valid_lang(code: str, known_langs=None) -> bool:
    code = code.strip().lower().replace("_", "-")
    if not code or not code.replace("-", "").isalnum():
        return False
    if known_langs is not None:
        return code in known_langs or base_lang(code) in known_langs
    return code in _babel_languages() or base_lang(code) in _babel_languages()


def load_glossary(path: Path, known_langs=None) -> Glossary:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read glossary: {exc.strerror}", str(path)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"line {line}: not UTF-8 text", str(path)) from None
    del data  # not kept beside the text while a large file is parsed
    known = None if known_langs is None else {base_lang(k) for k in known_langs} | set(known_langs)
    suffix = path.suffix.lower()
    if suffix == ".tbx" or suffix == ".xml":
        return parse_tbx(text, str(path), known)
    if suffix in (".tsv", ".tab", ".txt"):
        return parse_table(text, str(path), "\t", known)
    if suffix == ".csv":
        return parse_table(text, str(path), ",", known)
    raise InputError("glossary must be .tsv, .csv or .tbx", str(path))


def _rows(text: str, delimiter: str):
    """(line number, TSV line or CSV cells) of every non-blank, non-comment row."""
    if delimiter == "\t":
        for number, line in enumerate(text.splitlines(), 1):
            start = line.lstrip()
            if start and start[0] != "#":
                yield number, line
        return
    import csv  # CSV files only (TSV, the built-in glossary's format, needs none)

    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    start = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells) and not cells[0].lstrip().startswith("#"):
                joined = "\t".join(cells)  # one string a row, as TSV: a third of the memory
                yield start, joined if joined.count("\t") == len(cells) - 1 else cells
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"line {reader.line_num}: {exc}") from None


def _header(cells: list[str], path: str, known) -> list[tuple[str, str]]:
    """Each column as (field, lang): field is 'term', 'forbidden', 'note', 'kind' or 'case'."""
    columns: list[tuple[str, str]] = []
    for cell in cells:
        name = cell.lower()
        if name in ("kind", "case", "note"):
            columns.append((name, ""))
            continue
        lang, _, role = name.partition(":")
        if role not in ("", "forbidden", "note"):
            raise InputError(f"line 1: unknown column '{cell}'", path)
        if not valid_lang(lang, known):
            hint = " (is the header row missing?)" if " " in cell or len(cell) > 12 else ""
            raise InputError(f"line 1: unknown language code '{lang}' in header{hint}", path)
        columns.append((role or "term", lang.replace("_", "-")))
    if len(set(columns)) != len(columns):
        raise InputError("line 1: a column is named twice in the header", path)
    if not any(f == "term" for f, _ in columns):
        raise InputError("line 1: header names no language column (e.g. 'en ru kk')", path)
    return columns


def parse_table(text: str, path: str, delimiter: str, known=None) -> Glossary:
    rows = _rows(text, delimiter)
    try:
        first = next(rows, None)
        if first is None:
            raise InputError("line 1: empty glossary, expected a header of language codes", path)
        columns = _header([c.strip() for c in split(first[1])], path, known)
        entries = TableEntries(columns, path)
        with paused_gc():
            entries.extend(rows)
    except InputError as exc:  # a CSV error names no file yet
        if exc.path is not None:
            raise
        raise InputError(str(exc), path) from None
    langs = tuple(lang for f, lang in columns if f == "term")
    return Glossary(path, langs, entries)


_FORBIDDEN_STATUS = ("forbidden", "deprecated", "obsolete", "notrecommended", "superseded")


class _TbxBuilder:
    """expat handlers collecting TBX 2 (termEntry/langSet/tig)
    and TBX 3 (conceptEntry/langSec/termSec)."""

    def __init__(self, parser, path: str, known):
        self.parser, self.path, self.known = parser, path, known
        self.entries: list[Entry] = []
        self.langs: list[str] = []
        self.entry = self.lang = self.term = self.status = None
        self.text: list[str] = []
        self.capture = None
        self.seen_root = False
        self.lang_codes: dict[str, str] = {}  # xml:lang as written -> checked code

    def error(self, message: str):
        raise InputError(f"line {self.parser.CurrentLineNumber}: {message}", self.path)

    def start(self, tag: str, attrs: dict):
        if " " in tag:
            tag = tag.rsplit(" ", 1)[-1]
        if not self.seen_root:
            self.seen_root = True
            if tag not in ("martif", "tbx"):
                self.error(f"not a TBX file (root element <{tag}>, expected <martif> or <tbx>)")
        if tag in ("termEntry", "conceptEntry"):
            if self.entry is not None:
                self.error(f"<{tag}> inside another term entry")
            self.entry = {
                "terms": {},
                "forbidden": {},
                "note": "",
                "kind": "term",
                "line": self.parser.CurrentLineNumber,
            }
        elif tag in ("langSet", "langSec"):
            lang = (
                attrs.get("xml:lang")
                or attrs.get("http://www.w3.org/XML/1998/namespace lang")
                or attrs.get("lang")
            )
            if self.entry is None:
                self.error(f"<{tag}> outside a term entry")
            if lang not in self.lang_codes:
                if not lang or not valid_lang(lang, self.known):
                    self.error(f"<{tag}> has a missing or unknown xml:lang '{lang or ''}'")
                self.lang_codes[lang] = lang.lower().replace("_", "-")
                if self.lang_codes[lang] not in self.langs:
                    self.langs.append(self.lang_codes[lang])
            self.lang = self.lang_codes[lang]
        elif tag in ("tig", "termSec", "ntig"):
            self.term, self.status = None, None
        elif tag == "term":
            if self.lang is None:
                self.error("<term> outside a language section")
            self.capture, self.text = "term", []
        elif tag in ("termNote", "descrip", "note"):
            self.capture, self.text = (tag, attrs.get("type", "")), []

    def end(self, tag: str):
        if " " in tag:
            tag = tag.rsplit(" ", 1)[-1]
        if tag == "term":
            self.term = "".join(self.text).strip()
            if not self.term:
                self.error("empty <term>")
            self.capture = None
        elif tag in ("termNote", "descrip", "note") and self.capture:
            value = "".join(self.text).strip()
            _, kind = self.capture
            if kind in ("administrativeStatus", "normativeAuthorization"):
                self.status = value
            elif self.entry is None:
                pass  # a note of the header or the file, not of a term
            elif tag in ("descrip", "note") and kind in ("", "definition", "note", "context"):
                self.entry["note"] = self.entry["note"] or value
            elif kind == "termType" and value.lower() in ("acronym", "abbreviation"):
                self.entry["kind"] = "acronym"
            elif kind == "termType" and value.lower() in ("propername", "properName".lower()):
                self.entry["kind"] = "name"
            self.capture = None
        elif tag in ("tig", "termSec", "ntig") and self.term:
            status = (self.status or "").lower().replace("-", "").replace(" ", "")
            bucket = (
                "forbidden" if status and any(s in status for s in _FORBIDDEN_STATUS) else "terms"
            )
            self.entry[bucket].setdefault(self.lang, []).append(self.term)
            self.term = None
        elif tag in ("langSet", "langSec"):
            self.lang = None
        elif tag in ("termEntry", "conceptEntry"):
            e = self.entry
            if e["terms"] or e["forbidden"]:
                self.entries.append(
                    new_entry(
                        {k: tuple(v) for k, v in e["terms"].items()},
                        {k: tuple(v) for k, v in e["forbidden"].items()},
                        e["kind"],
                        None,
                        e["note"],
                        {},
                        self.path,
                        e["line"],
                    )
                )
            self.entry = None

    def chars(self, data: str):
        if self.capture:
            self.text.append(data)


def parse_tbx(text: str, path: str, known=None) -> Glossary:
    from xml.parsers import expat  # TBX files only

    parser = expat.ParserCreate(namespace_separator=" ")
    builder = _TbxBuilder(parser, path, known)
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.chars
    parser.buffer_text = True  # one call per text run, not per line
    try:
        with paused_gc():
            parser.Parse(text, True)
    except expat.ExpatError as exc:
        raise InputError(
            f"line {exc.lineno}: bad TBX: {expat.ErrorString(exc.code)}", path
        ) from None
    if not builder.entries:
        raise InputError("line 1: TBX file has no term entries", path)
    return Glossary(path, tuple(builder.langs), tuple(builder.entries))
