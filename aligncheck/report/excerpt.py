"""Pieces of segment text to quote next to a finding, with the finding's span marked."""

from __future__ import annotations

from dataclasses import dataclass

from aligncheck.model import Finding, Segmentation, Span

CONTEXT = 60
WHOLE = 160


@dataclass(frozen=True)
class Excerpt:
    before: str
    marked: str
    after: str

    def plain(self, left: str = "[[", right: str = "]]") -> str:
        mark = f"{left}{self.marked}{right}" if self.marked else ""
        return f"{self.before}{mark}{self.after}"


def _flat(text: str) -> str:
    return " ".join(text.split("\n"))


def excerpt(seg: Segmentation, indices: tuple[int, ...], span: Span | None) -> Excerpt | None:
    if span is not None and 0 <= span.segment < len(seg.segments):
        text = seg.segments[span.segment].text
        start, end = max(0, span.start - CONTEXT), min(len(text), span.end + CONTEXT)
        before = ("…" if start else "") + text[start : span.start]
        after = text[span.end : end] + ("…" if end < len(text) else "")
        return Excerpt(_flat(before), _flat(text[span.start : span.end]), _flat(after))
    if not indices:
        return None
    text = seg.texts(indices)
    cut = text[:WHOLE] + ("…" if len(text) > WHOLE else "")
    return Excerpt(_flat(cut), "", "")


def sides(
    finding: Finding, source: Segmentation, target: Segmentation
) -> tuple[Excerpt | None, Excerpt | None]:
    return (
        excerpt(source, finding.source_segments, finding.source_span),
        excerpt(target, finding.target_segments, finding.target_span),
    )


def where(loc) -> str:
    return f"{loc.path}:{loc.line}:{loc.column}" if loc else "-"
