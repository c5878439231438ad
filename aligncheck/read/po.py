"""Gettext PO (and POT template) files -> units, through translate-toolkit's pure-Python store.

A unit's key is its msgctxt and msgid. Its source text is the msgid (and msgid_plural, on the
next line), its target the msgstr (plural forms one per line). The header and obsolete (#~)
entries are skipped. A fuzzy translation is left out, as gettext leaves it out of the built
catalogue: the unit counts as untranslated, like one whose msgstr is empty. Printf and brace
placeholders are verbatim spans. Lines and columns point at the msgid and msgstr strings.
"""

from __future__ import annotations

from pathlib import Path

from aligncheck.errors import InputError
from aligncheck.extract.placeholders import placeholder_spans
from aligncheck.read.langcodes import check_lang
from aligncheck.read.transunits import (
    Languages,
    Unit,
    UnitFile,
    UnitText,
    decoded,
    parse_store,
    storage,
    unique_keys,
)


def load_po(data: bytes, path: str):
    return parse_store(
        data,
        path,
        "a PO file",
        storage("pypo", path).pofile.parsestring,
        "check it with msgfmt -c and fix it",
    )


def keyed_units(store) -> list[tuple[str, object]]:
    """(key, translate-toolkit unit) of every entry but the header and obsolete ones."""
    units = [u for u in store.units if not u.isheader() and not u.isobsolete()]
    return list(zip(unique_keys([str(u.getid()) for u in units]), units))


def _string_start(lines: list[str], at: int) -> tuple[int, int]:
    """(line, column), 1-based, of the first character of the string that starts on line `at`
    (`msgid "..."`, or `msgid ""` continued on the next lines)."""
    quote = lines[at].find('"')
    following = lines[at + 1].lstrip() if at + 1 < len(lines) else ""
    if lines[at][quote:].strip() == '""' and following.startswith('"'):
        return at + 2, len(lines[at + 1]) - len(following) + 2
    return at + 1, quote + 2


def _positions(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(msgid start, msgstr start) of every entry of the file, in order, header included."""
    lines = text.split("\n")
    found: list[list[tuple[int, int]]] = []
    for at, line in enumerate(lines):
        if line.startswith(("msgid ", "msgid\t")):
            start = _string_start(lines, at)
            found.append([start, start])
        elif line.startswith("msgstr") and found and found[-1][0] == found[-1][1]:
            found[-1][1] = _string_start(lines, at)
    return [(a, b) for a, b in found]


def _joined(value) -> str:
    strings = getattr(value, "strings", None)
    return "\n".join(strings) if strings and len(strings) > 1 else str(value or "")


def _text(text: str, at: tuple[int, int]) -> UnitText | None:
    if not text.strip():
        return None
    return UnitText(text, placeholder_spans(text), *at).stripped()


def read_po(data: bytes, path: str, languages: Languages) -> UnitFile:
    store = load_po(data, path)
    template = Path(path).suffix.lower() == ".pot"
    source = languages.source_for(None, path)
    declared = (store.gettargetlanguage() or "").strip()
    targets = languages.targets or ((declared,) if declared else ())
    if not template and len(targets) != 1:
        raise InputError(
            "declares no target language; add a 'Language: ru' line to its header "
            "or pass --langs with the file's language"
            if not targets
            else f"--langs gives {len(targets)} languages for one PO file; give its language",
            path,
        )
    target = None if template else check_lang(targets[0], path)
    entries = keyed_units(store)
    positions = _positions(decoded(data, store.encoding))
    if len(positions) != len(entries) + (1 if store.header() else 0):
        positions = [((0, 0), (0, 0))] * len(entries)  # unusual layout: no positions
    elif store.header():
        positions = positions[1:]
    units, fuzzy = [], 0
    for (key, unit), (source_at, target_at) in zip(entries, positions):
        texts = {}
        if (found := _text(_joined(unit.source), source_at)) is not None:
            texts[source] = found
        if target is not None and unit.isfuzzy():
            fuzzy += 1
        elif target is not None and (found := _text(_joined(unit.target), target_at)):
            texts[target] = found
        units.append(Unit(key, texts))
    return UnitFile(path, "po", source, (target,) if target else (), tuple(units), template, fuzzy)
