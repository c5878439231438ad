"""The text of an XLIFF or TMX element with its inline codes kept, and where that text starts
in the file.

Inline codes are written as in the file, with their namespace prefix dropped: an empty code
(`<x id="1"/>`, `<ph id="2"/>`) or a code holding native markup (`<bpt i="1">&lt;b&gt;</bpt>`)
whole, a code around translatable text (`<g>`, `<pc>`, `<mrk>`, `<hi>`, `<sub>`) as its start
and end tags around that text. Every tag is a verbatim span of the text.
"""

from __future__ import annotations

import bisect
from functools import cache
from xml.sax.saxutils import escape, quoteattr

import regex
from lxml import etree

from aligncheck.extract.placeholders import placeholder_spans
from aligncheck.read.transunits import UnitText

_AROUND_TEXT = frozenset({"g", "pc", "mrk", "hi", "sub"})
_XML_NS = "{http://www.w3.org/XML/1998/namespace}"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attributes(element: etree._Element) -> str:
    parts = []
    for name, value in element.attrib.items():
        shown = "xml:" + name[len(_XML_NS) :] if name.startswith(_XML_NS) else _local(name)
        parts.append(f" {shown}={quoteattr(value)}")
    return "".join(parts)


def _whole(element: etree._Element) -> str:
    """An element as XML, without namespace declarations or its tail."""
    name, attributes = _local(element.tag), _attributes(element)
    inner = escape(element.text or "") + "".join(
        _whole(child) + escape(child.tail or "") for child in element if isinstance(child.tag, str)
    )
    return f"<{name}{attributes}>{inner}</{name}>" if inner else f"<{name}{attributes}/>"


def render(element: etree._Element) -> tuple[str, tuple[tuple[int, int], ...]]:
    """(text, verbatim spans): the element's content with its inline codes as tags."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0

    def add(text: str, verbatim: bool = False) -> None:
        nonlocal length
        if text:
            parts.append(text)
            if verbatim:
                spans.append((length, length + len(text)))
            length += len(text)

    def walk(node: etree._Element) -> None:
        add(node.text or "")
        for child in node:
            if isinstance(child.tag, str):
                name = _local(child.tag)
                if name in _AROUND_TEXT and (len(child) or child.text):
                    add(f"<{name}{_attributes(child)}>", True)
                    walk(child)
                    add(f"</{name}>", True)
                else:
                    add(_whole(child), True)
            add(child.tail or "")

    walk(element)
    return "".join(parts), tuple(spans)


@cache  # static: one pattern per element name
def _start_tag(name: str) -> regex.Pattern:
    return regex.compile(rf"<(?:[\w.-]+:)?{regex.escape(name)}(?=[\s/>])[^>]*>")


def unit_text(element: etree._Element, where: tuple[int, int]) -> UnitText | None:
    """The element's text with its inline codes and placeholders as verbatim spans, stripped,
    starting at `where` (line, column) of the file; None if it is empty."""
    text, tags = render(element)
    if not text.strip():
        return None
    codes = [p for p in placeholder_spans(text) if not any(a <= p[0] < b for a, b in tags)]
    return UnitText(text, tuple(sorted([*tags, *codes])), *where).stripped()


def content_positions(
    text: str, root: etree._Element, names: tuple[str, ...]
) -> dict[etree._Element, tuple[int, int]]:
    """(line, column) where the content of every element of these local names starts in the
    file `text`. All of them are located, in document order (those of <alt-trans> or of
    skipped units too), so that the search never takes one element's tag for another's."""
    locator = _Locator(text)
    return {e: locator.locate(e) for e in root.iter(*(f"{{*}}{name}" for name in names))}


class _Locator:
    """Finds start tags in the file's text from lxml's `sourceline`, resuming where the last
    one ended: elements asked for in document order are located in one pass."""

    def __init__(self, text: str):
        self.text = text
        self.line_starts = [0] + [m.end() for m in regex.finditer(r"\n", text)]
        self.cursor = 0

    def locate(self, element: etree._Element) -> tuple[int, int]:
        """Where the content of `element` starts (just after its start tag)."""
        line = element.sourceline or 1
        start = max(self.cursor, self.line_starts[min(line, len(self.line_starts)) - 1])
        tag = _start_tag(_local(element.tag)).search(self.text, start)
        if tag is None:
            return line, 1
        self.cursor = tag.end()
        return self.position(tag.end())

    def position(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self.line_starts, offset) - 1
        return row + 1, offset - self.line_starts[row] + 1
