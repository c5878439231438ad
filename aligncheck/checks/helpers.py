"""What several rules share: how a finding quotes and places text, and the base of the
value rules (EM01, UR01). A rule module imports these from here, never from another rule."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from aligncheck.checks.base import PairContext, Rule
from aligncheck.extract.links import Value, compare, located
from aligncheck.model import Finding, Link, Segmentation, Severity, Span

QUOTE_CHARS = 200


def where(unit: str, indices: tuple[int, ...]) -> str:
    """'paragraph 8' or 'paragraphs 8-9', numbered from 1 for people."""
    first = indices[0] + 1
    return f"{unit} {first}" if len(indices) == 1 else f"{unit}s {first}-{indices[-1] + 1}"


def code_only(seg: Segmentation, indices: tuple[int, ...]) -> bool:
    """Whether those segments are all code blocks or front matter: not text the segment rules
    (omission, addition, alignment) judge; MK02 compares code blocks."""
    return bool(indices) and all(seg.segments[i].kind in ("code", "front_matter") for i in indices)


def quote(seg: Segmentation, indices: tuple[int, ...]) -> str:
    """The linked texts, cut to about QUOTE_CHARS characters."""
    text = " ".join(seg.texts(indices).split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def quoted(variants: tuple[str, ...]) -> str:
    """'a' or 'b': the renderings a glossary accepts, for a message."""
    return " or ".join(f"'{v}'" for v in variants)


def gap_span(seg: Segmentation, links: tuple[Link, ...], at: int, side: str) -> Span | None:
    """Where the counterpart of links[at] is missing on `side`: the start of that side's next
    linked segment, else the end of its previous one (a zero-width span)."""
    for link in links[at + 1 :]:
        indices = getattr(link, side)
        if indices:
            return Span(indices[0], 0, 0)
    for link in reversed(links[:at]):
        indices = getattr(link, side)
        if indices:
            end = len(seg.segments[indices[-1]].text)
            return Span(indices[-1], end, end)
    return None


SCRIPTS = {
    "Latin": regex.compile(r"\p{Latin}"),
    "Cyrillic": regex.compile(r"\p{Cyrillic}"),
    "Greek": regex.compile(r"\p{Greek}"),
}


@lru_cache(maxsize=4096)  # asked for every letter of a mixed word; there are few letters
def script_of(char: str) -> str | None:
    """The script of a letter among SCRIPTS, None for any other character."""
    return next((name for name, pattern in SCRIPTS.items() if pattern.match(char)), None)


def _linked(seg: Segmentation, index: int) -> str:
    """What a value rule reads of a segment: the whole text of prose, link targets and all
    (they are verbatim, not prose), nothing of code or HTML blocks."""
    segment = seg.segments[index]
    return segment.text if segment.kind == "prose" else ""


class ValueRule(Rule):
    """Base of EM01/UR01: values that must reappear unchanged in the aligned target."""

    kind = ""
    severity = Severity.ERROR

    def values(self, text: str) -> list[Value]:
        raise NotImplementedError

    def key(self, ctx: PairContext):
        raise NotImplementedError

    def values_of(self, ctx: PairContext, link: Link) -> tuple[list, list]:
        """(segment index, value) of each side of the link."""
        return (
            located([(i, _linked(ctx.source, i)) for i in link.source], self.values),
            located([(i, _linked(ctx.target, i)) for i in link.target], self.values),
        )

    def check_link(self, ctx: PairContext, link: Link) -> Iterable[Finding]:
        if not link.source or not link.target:
            return
        src, tgt = self.values_of(ctx, link)
        if not src and not tgt:
            return
        where = {id(v): i for i, v in src + tgt}
        for d in compare([v for _, v in src], [v for _, v in tgt], self.key(ctx)):
            yield self._finding(ctx, link, d.source, d.target, where)

    def _finding(
        self, ctx: PairContext, link: Link, s: Value | None, t: Value | None, where: dict[int, int]
    ) -> Finding:
        span = lambda v: Span(where[id(v)], v.start, v.end) if v else None  # noqa: E731
        if s and t:
            message = f"{self.kind} changed from {s.text} to {t.text}"
        elif s:
            message = f"{self.kind} {s.text} is missing in the target"
        else:
            message = f"{self.kind} {t.text} is not in the source"
        return self.finding(
            ctx,
            link,
            message,
            source_text=s.text if s else None,
            target_text=t.text if t else None,
            source_span=span(s),
            target_span=span(t),
        )
