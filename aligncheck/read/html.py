"""HTML pages -> the Blocks of a Document.

lxml's HTML parser (libxml2) says what the page is: which elements exist, how they nest,
where unclosed ones end, whatever the markup's faults. It gives no character offsets, only
each element's `sourceline`, so the page's tags are also scanned in the text and each
element is paired with the start tag of its name on its line. A text element (p, h1-h6, li,
td, th, blockquote, figcaption, dt, dd, title ...) then becomes a prose Block running from
the end of its start tag to its end tag (or to where the parser closed it), with every tag
inside it verbatim, and the content of inline code (code, kbd, samp, var, script, style)
too. `pre` is a code block; an element holding other text elements gives only the text
before the first of them. A container (div, section, article, body ...) with text of its own
before its first child gives that text as a prose block (<div>Text<br>more</div>); text
after a child element (a tail) is not read. An element's `id` is its anchor. Entities stay
as written.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from aligncheck.model import Block

TEXT_ELEMENTS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li td th blockquote figcaption dt dd title caption summary legend".split()
)
# containers whose own text (before their first child) is prose too: <div>Text</div>
CONTAINERS = frozenset("div section article main aside header footer body center".split())
_BLOCKS = TEXT_ELEMENTS | {"pre"}
_INLINE_CODE = frozenset("code kbd samp var script style".split())
_RAW_TEXT = ("script", "style")
_TAG = regex.compile(r"<(/?)([A-Za-z][\w:.-]*)(?:[^>\"']|\"[^\"]{0,4000}\"|'[^']{0,4000}')*>")


@dataclass(frozen=True)
class _Tag:
    start: int
    end: int
    name: str  # lower-case; "" for a comment, doctype or processing instruction
    closing: bool


def _scan(text: str) -> list[_Tag]:
    """Every tag, comment and declaration of the text, in order (script and style content
    skipped), in one pass."""
    tags, pos = [], 0
    while (pos := text.find("<", pos)) >= 0:
        if text.startswith("<!--", pos):
            end = text.find("-->", pos + 4)
            end = len(text) if end < 0 else end + 3
            tags.append(_Tag(pos, end, "", False))
            pos = end
            continue
        if text.startswith(("<!", "<?"), pos):
            end = text.find(">", pos)
            end = len(text) if end < 0 else end + 1
            tags.append(_Tag(pos, end, "", False))
            pos = end
            continue
        match = _TAG.match(text, pos)
        if not match:
            pos += 1
            continue
        tag = _Tag(pos, match.end(), match[2].lower(), bool(match[1]))
        tags.append(tag)
        pos = match.end()
        if tag.name in _RAW_TEXT and not tag.closing:
            close = regex.compile(rf"</{tag.name}\b", regex.IGNORECASE).search(text, pos)
            pos = close.start() if close else len(text)
    return tags


class _Page:
    """The parsed tree beside the scanned tags: which start tag each element came from."""

    def __init__(self, text: str):
        self.text, self.tags = text, _scan(text)
        line_starts = [0] + [m.end() for m in regex.finditer("\n", text)]
        self.elements = [el for el in _root(text).iter() if isinstance(el.tag, str)]
        self.order = {id(el): i for i, el in enumerate(self.elements)}
        self.tag_of = self._pair(line_starts)
        self.after = self._subtree_ends()

    def _pair(self, line_starts: list[int]) -> list[int | None]:
        """For each element, the index of its start tag in `tags` (None: the parser made it)."""
        by_name: dict[str, list[int]] = {}
        for i, tag in enumerate(self.tags):
            if tag.name and not tag.closing:
                by_name.setdefault(tag.name, []).append(i)
        taken = {name: 0 for name in by_name}
        out: list[int | None] = []

        def line(i: int) -> int:
            return bisect.bisect_right(line_starts, self.tags[i].start)

        for el in self.elements:
            candidates, k = by_name.get(el.tag, []), taken.get(el.tag, 0)
            while k < len(candidates) and el.sourceline and line(candidates[k]) < el.sourceline:
                k += 1
            if k < len(candidates) and (not el.sourceline or line(candidates[k]) == el.sourceline):
                out.append(candidates[k])
                taken[el.tag] = k + 1
            else:
                out.append(None)
        return out

    def _subtree_ends(self) -> list[int]:
        """For each element (in document order), the order of the first element after its
        subtree."""
        ends = [0] * len(self.elements)
        for i in range(len(self.elements) - 1, -1, -1):
            last = i
            for child in self.elements[i]:
                if isinstance(child.tag, str):
                    last = ends[self.order[id(child)]] - 1
            ends[i] = last + 1
        return ends

    def next_tag(self, order: int) -> int:
        """Index in `tags` of the first paired element at or after `order` (len(tags): none)."""
        for i in range(order, len(self.elements)):
            if self.tag_of[i] is not None:
                return self.tag_of[i]
        return len(self.tags)

    def close(self, order: int, limit: int) -> int:
        """Where element `order`'s content ends: its end tag, else the end tag of an ancestor
        or the next element outside it (tags before index `limit`)."""
        el, first = self.elements[order], self.tag_of[order]
        ancestors = {a.tag for a in el.iterancestors()}
        nested = 0
        for tag in self.tags[first + 1 : limit]:
            if tag.name == el.tag and not tag.closing:
                nested += 1
            elif tag.closing and tag.name == el.tag and nested:
                nested -= 1
            elif tag.closing and (tag.name == el.tag or tag.name in ancestors):
                return tag.start
        return self.tags[limit].start if limit < len(self.tags) else len(self.text)


def _root(text: str):
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True)
    try:
        return lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, ValueError):  # nothing but blanks or comments
        return lxml.html.fromstring("<html></html>")


def _text_block(page: _Page, order: int, kind: str) -> Block | None:
    el = page.elements[order]
    first = page.tag_of[order]
    inner = [
        j
        for j in range(order + 1, page.after[order])
        if page.elements[j].tag in _BLOCKS and page.tag_of[j] is not None
    ]
    limit = page.tag_of[inner[0]] if inner else page.next_tag(page.after[order])
    start, end = page.tags[first].end, page.close(order, limit)
    if inner:
        end = min(end, page.tags[limit].start)
    if kind == "code":
        start = page.tags[first].start
        close_tag = next((t for t in page.tags[first + 1 : limit] if t.start == end), None)
        end = close_tag.end if close_tag else end
    while start < end and page.text[start].isspace():
        start += 1
    while end > start and page.text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    if kind == "code":
        return Block(start, end, "code", anchor=el.get("id", ""))
    start, end = _trimmed(page.text, _verbatim(page, first + 1, start, end), start, end)
    if start >= end:
        return None
    verbatim = _verbatim(page, first + 1, start, end)
    return Block(start, end, "prose", verbatim, anchor=el.get("id", ""))


def _trimmed(text: str, verbatim, start: int, end: int) -> tuple[int, int]:
    """(start, end) less the tags that open nothing inside it at its end (`<img>`, the `<ul>`
    of a nested list) and the blanks at either edge."""
    for a, b in reversed([(start + a, start + b) for a, b in verbatim]):
        if text[b:end].strip() or text.startswith("</", a):
            break
        end = min(end, a)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _verbatim(page: _Page, from_tag: int, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Tags between `start` and `end`, and what inline code elements hold, relative to start."""
    out, code_from, depth = [], None, 0
    index = from_tag
    while index < len(page.tags) and page.tags[index].start < end:
        tag = page.tags[index]
        index += 1
        if tag.end <= start:
            continue
        if tag.name in _INLINE_CODE:
            if not tag.closing:
                depth += 1
                code_from = tag.start if depth == 1 else code_from
            elif depth:
                depth -= 1
                if depth == 0:
                    out.append((code_from, tag.end))
                    continue
        if not depth:
            out.append((tag.start, tag.end))
    if depth:
        out.append((code_from, end))
    return tuple((max(a, start) - start, min(b, end) - start) for a, b in _merged(out))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def html_blocks(text: str) -> list[Block]:
    """The blocks of an HTML page, in order."""
    page = _Page(text)
    blocks: list[Block] = []
    skip_until = -1  # inside a pre block (its text elements are code, not prose)
    for order, el in enumerate(page.elements):
        if order < skip_until or page.tag_of[order] is None:
            continue
        if el.tag == "pre":
            block = _text_block(page, order, "code")
            skip_until = page.after[order]
        elif el.tag in TEXT_ELEMENTS or el.tag in CONTAINERS and (el.text or "").strip():
            block = _text_block(page, order, "prose")
        else:
            continue
        if block is not None:
            blocks.append(block)
    blocks.sort(key=lambda b: b.start)
    return [b for i, b in enumerate(blocks) if i == 0 or b.start >= blocks[i - 1].end]
