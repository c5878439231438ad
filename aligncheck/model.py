"""The records every stage shares: plain, typed, immutable.

read -> Document; segment -> Segmentation of Segments; align -> Links;
check -> Findings; a run -> RunResult that reporters render without computing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

CATEGORIES = (
    "number",
    "date",
    "email",
    "url",
    "name",
    "glossary",
    "omission",
    "addition",
    "untranslated",
    "consistency",
    "script",
    "markup",
    "alignment",
)
UNITS = ("paragraph", "line", "sentence")


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True)
class Block:
    """A unit a structure-aware reader found (a Markdown block, an HTML text block, a
    translation unit): characters [start, end) of the document's text.

    `kind` is "prose" for text every check reads, anything else ("code", "html",
    "front_matter", ...) for text only the rules of that kind read; `verbatim` holds spans
    (relative to `start`) inside prose that are not prose (inline code, tags, link targets);
    `key` pairs units of pre-paired formats across versions (msgid, trans-unit id); `line` and
    `column` (1-based) are where the block starts in the file when that is not where `start`
    falls in `text` (0: take it from `start`); `anchor` is the in-page name a link `#name`
    reaches it by (a heading's slug, an element's id)."""

    start: int
    end: int
    kind: str = "prose"
    verbatim: tuple[tuple[int, int], ...] = ()
    key: str = ""
    line: int = 0
    column: int = 0
    anchor: str = ""


@dataclass(frozen=True)
class Document:
    """One language version as read from disk (or from a block of a multilingual file).

    `text` is the decoded content; `line_base` is added to every line number so that a
    block cut from a larger file still points into that file. For .docx, each Word
    paragraph is one line of `text`.
    """

    path: str
    lang: str
    text: str
    format: str = "txt"
    line_base: int = 0
    blocks: tuple[Block, ...] = ()  # empty: segment `text` by blank lines


@dataclass(frozen=True)
class Release:
    """The language versions of one release: a source and its targets. `paired`: the
    versions' blocks are already paired by `Block.key` (XLIFF, PO, TMX), so nothing is
    aligned."""

    name: str
    source: Document
    targets: tuple[Document, ...]
    paired: bool = False


@dataclass(frozen=True)
class Segment:
    """A unit of text with its place in the file.

    `text` is an exact slice of the document text starting at `offset`; `line` and
    `column` (1-based, file coordinates) are where it starts. `kind`, `verbatim` and `key`
    come from the reader's Block (see there); checks read `prose`, reports quote `text`.
    """

    index: int
    text: str
    offset: int
    line: int
    column: int
    kind: str = "prose"
    verbatim: tuple[tuple[int, int], ...] = ()
    key: str = ""
    anchor: str = ""

    @cached_property
    def prose(self) -> str:
        """`text` with its verbatim spans blanked (same length, so offsets hold); all of it
        blanked when the segment is not prose (code, HTML, front matter), so that the rules
        reading prose pass over it."""
        if self.kind != "prose":
            return re.sub(r"[^\n]", " ", self.text)
        if not self.verbatim:
            return self.text
        chars = list(self.text)
        for start, end in self.verbatim:
            for i in range(start, min(end, len(chars))):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)

    def locate(self, pos: int) -> tuple[int, int]:
        """File (line, column) of character `pos` inside this segment's text."""
        newlines = bisect.bisect_left(self._newlines, pos)
        if newlines == 0:
            return self.line, self.column + pos
        return self.line + newlines, pos - self._newlines[newlines - 1]

    @cached_property
    def _newlines(self) -> list[int]:
        """Where the text's line breaks are (a long segment is located many times)."""
        return [i for i, char in enumerate(self.text) if char == "\n"] if "\n" in self.text else []


@dataclass(frozen=True)
class Segmentation:
    document: Document
    unit: str
    segments: tuple[Segment, ...]

    @property
    def lang(self) -> str:
        return self.document.lang

    @property
    def path(self) -> str:
        return self.document.path

    def texts(self, indices: tuple[int, ...]) -> str:
        return "\n".join(self.segments[i].text for i in indices)

    def prose(self, indices: tuple[int, ...]) -> str:
        """`texts` with verbatim spans blanked: what prose checks read."""
        return "\n".join(self.segments[i].prose for i in indices)


@dataclass(frozen=True)
class Link:
    """Source segments aligned to target segments (either side may be empty)."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    score: float


@dataclass(frozen=True)
class Location:
    path: str
    line: int
    column: int


@dataclass(frozen=True)
class Span:
    """Characters [start, end) of one segment's text, for highlighting."""

    segment: int
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    rule: str
    category: str
    severity: Severity
    lang: str
    source_segments: tuple[int, ...]
    target_segments: tuple[int, ...]
    source_text: str | None
    target_text: str | None
    message: str
    source_location: Location | None
    target_location: Location | None
    fingerprint: str = ""
    source_span: Span | None = None
    target_span: Span | None = None

    def sort_key(self) -> tuple:
        first = lambda segs: segs[0] if segs else -1  # noqa: E731
        return (
            self.lang,
            first(self.source_segments),
            first(self.target_segments),
            self.rule,
            self.source_text or "",
            self.target_text or "",
            self.message,
        )


@dataclass(frozen=True)
class TargetResult:
    target: Segmentation
    links: tuple[Link, ...]


@dataclass(frozen=True)
class TitleRendering:
    """How one version writes one source title: a spelling (inflections merged), how often,
    and where first."""

    lang: str
    text: str
    count: int
    location: Location | None


@dataclass(frozen=True)
class Title:
    """A quoted or emphasised title of the source, and each version's renderings of it (the
    quoted or emphasised span at the same place of the aligned target)."""

    source: str
    count: int  # places of the source that write it
    location: Location | None  # the first
    renderings: tuple[TitleRendering, ...]  # by language, most frequent first


@dataclass(frozen=True)
class ReleaseResult:
    name: str
    source: Segmentation
    targets: tuple[TargetResult, ...]
    findings: tuple[Finding, ...]
    titles: tuple[Title, ...] = ()


@dataclass(frozen=True)
class RunResult:
    model: str
    unit: str
    releases: tuple[ReleaseResult, ...]
    tool_version: str = ""
    warnings: tuple[str, ...] = field(default=())

    def findings(self) -> list[Finding]:
        return [f for r in self.releases for f in r.findings]

    def summary(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Severity}
        for f in self.findings():
            counts[f.severity.value] += 1
        return counts
