"""Notes written into a translator file: aligncheck's notes of an earlier run are removed from
every unit, then this run's are added to the units they concern; nothing else changes.

XLIFF 1.2: `<note from="aligncheck">` in the `<trans-unit>`. XLIFF 2.0: `<note
category="aligncheck" appliesTo="target">` in the unit's `<notes>` (which the schema wants
before `<originalData>` and the segments). TMX: `<note>aligncheck: ...</note>` first in the
`<tu>`. PO: translator comments `# aligncheck: ...`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lxml import etree

ORIGIN = "aligncheck"
_XLIFF2 = "urn:oasis:names:tc:xliff:document:2.0"


def _indent(parent: etree._Element) -> str | None:
    text = parent.text or ""
    return text if "\n" in text and not text.strip() else None


def _insert(parent: etree._Element, index: int, element: etree._Element) -> None:
    """Insert `element` as child `index`, indented like its siblings when they are."""
    indent = _indent(parent)
    children = list(parent)
    if indent is not None and index >= len(children) and children:
        element.tail, children[-1].tail = children[-1].tail, indent
    elif indent is not None:
        element.tail = indent
    parent.insert(index, element)


def _remove(element: etree._Element) -> None:
    """Remove `element`; when it was the last child, its tail closes the parent instead."""
    parent = element.getparent()
    if element.getnext() is None:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = element.tail
        else:
            parent.text = element.tail
    parent.remove(element)


def _note(tag: str, text: str, **attributes: str) -> etree._Element:
    note = etree.Element(tag, attributes)
    note.text = text
    return note


def xliff12(store, units: Sequence[tuple[str, object]], notes: Mapping[str, list[str]]) -> None:
    tag = store.namespaced("note")
    for key, unit in units:
        element = unit.xmlelement
        for old in element.findall(tag):
            if old.get("from") == ORIGIN:
                _remove(old)
        for text in notes.get(key, ()):
            _insert(element, len(element), _note(tag, text, **{"from": ORIGIN}))


def xliff20(store, units: Sequence[tuple[str, object]], notes: Mapping[str, list[str]]) -> None:
    ns = f"{{{_XLIFF2}}}"
    elements = list({id(u.getunitelement()): u.getunitelement() for _, u in units}.values())
    for element in elements:
        for box in element.findall(f"{ns}notes"):
            ours = [old for old in box.findall(f"{ns}note") if old.get("category") == ORIGIN]
            for old in ours:
                _remove(old)
            if ours and not len(box):
                _remove(box)
    for key, unit in units:
        element = unit.getunitelement()
        for text in notes.get(key, ()):
            box = element.find(f"{ns}notes")
            note = _note(f"{ns}note", text, category=ORIGIN, appliesTo="target")
            if box is None:
                _new_notes(element, note)
            else:
                _insert(box, len(box), note)


def _new_notes(unit: etree._Element, note: etree._Element) -> None:
    """A `<notes>` holding `note`, where XLIFF 2.0 wants it: before the unit's first core
    element (`<originalData>`, `<segment>`), after any extension."""
    box = etree.Element(f"{{{_XLIFF2}}}notes")
    box.append(note)
    outer = _indent(unit)
    if outer is not None:
        box.text, note.tail = outer + "  ", outer
    core = (i for i, c in enumerate(unit) if str(c.tag).startswith(f"{{{_XLIFF2}}}"))
    _insert(unit, next(core, len(unit)), box)


def tmx(store, units: Sequence[tuple[str, object]], notes: Mapping[str, list[str]]) -> None:
    for key, unit in units:
        element = unit.xmlelement
        for old in element.findall("note"):
            if (old.text or "").startswith(f"{ORIGIN}:"):
                _remove(old)
        first = next((i for i, c in enumerate(element) if c.tag != "note"), len(element))
        for n, text in enumerate(notes.get(key, ())):
            _insert(element, first + n, _note("note", f"{ORIGIN}: {text}"))


def po(store, units: Sequence[tuple[str, object]], notes: Mapping[str, list[str]]) -> None:
    prefix = f"# {ORIGIN}:"
    for key, unit in units:
        unit.othercomments = [c for c in unit.othercomments if not c.startswith(prefix)]
        for text in notes.get(key, ()):
            unit.addnote(f"{ORIGIN}: {text}", origin="translator")
