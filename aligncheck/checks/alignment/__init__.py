"""Rules on the alignment itself (AL), and helpers the OM01/AD01 gap rules share."""

from __future__ import annotations

from aligncheck.model import Link, Segmentation, Span

QUOTE_CHARS = 200


def where(unit: str, indices: tuple[int, ...]) -> str:
    """'paragraph 8' or 'paragraphs 8-9', numbered from 1 for people."""
    first = indices[0] + 1
    return f"{unit} {first}" if len(indices) == 1 else f"{unit}s {first}-{indices[-1] + 1}"


def quote(seg: Segmentation, indices: tuple[int, ...]) -> str:
    """The linked texts, cut to about QUOTE_CHARS characters."""
    text = " ".join(seg.texts(indices).split())
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1].rstrip() + "…"


def gap_span(seg: Segmentation, links: tuple[Link, ...], at: int, side: str) -> Span | None:
    """Where the counterpart of links[at] is missing on `side`: the start of that side's next
    linked segment, else the end of its previous one (a zero-width span)."""
    for link in links[at + 1:]:
        indices = getattr(link, side)
        if indices:
            return Span(indices[0], 0, 0)
    for link in reversed(links[:at]):
        indices = getattr(link, side)
        if indices:
            end = len(seg.segments[indices[-1]].text)
            return Span(indices[-1], end, end)
    return None
