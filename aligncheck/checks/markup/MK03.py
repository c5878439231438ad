from __future__ import annotations

from collections.abc import Iterable

from aligncheck.checks.base import PairContext, Rule
from aligncheck.checks.helpers import quote
from aligncheck.extract.placeholders import find_placeholders
from aligncheck.model import Finding, Link, Segmentation, Severity, Span

INLINE_CODE_FORMATS = ("xliff", "tmx", "po")


def _placeholders(seg: Segmentation, indices: tuple[int, ...]) -> dict[str, Span]:
    """Each placeholder key of the linked segments and where it first stands."""
    found: dict[str, Span] = {}
    inline_codes = seg.document.format in INLINE_CODE_FORMATS  # not HTML a Markdown page adds
    for i in indices:
        segment = seg.segments[i]
        for p in find_placeholders(segment.text, segment.verbatim if inline_codes else ()):
            found.setdefault(p.key, Span(i, p.start, p.end))
    return found


def _written(seg: Segmentation, span: Span) -> str:
    return seg.segments[span.segment].text[span.start : span.end]


def _what(written: str) -> str:
    return f"inline code {written}" if written.startswith("<") else f"placeholder {written}"


class MK03(Rule):
    """A placeholder or inline code of the source is missing or changed in the target.

    Printf (`%s`, `%(name)d`, `%1$s`) and brace (`{0}`, `{name}`) placeholders are compared
    in every text; the inline codes of XLIFF and TMX (`<x id="1"/>`, `<g id="2">`, `<bpt>`)
    where the reader kept them (HTML in a Markdown or HTML page is markup, MK01's: a
    translation may add an `<abbr title=...>` to explain a term). A placeholder's position
    (`%2$s`) may change, and placeholders may be reordered or repeated: each one of the
    source must appear in the target and the target may hold no other.

    **Anti-pattern**
    source: Deleted {count} files from %s.
    target: Удалено {count} файлов.

    **Best practice**
    source: Deleted {count} files from %s.
    target: Из %s удалено {count} файлов.
    """

    code = "MK03"
    name = "placeholder-mismatch"
    category = "markup"
    severity = Severity.ERROR
    groups = ("all", "default", "markup")

    def check_link(self, ctx: PairContext, link: Link) -> Iterable[Finding]:
        if not link.source or not link.target:
            return
        source = _placeholders(ctx.source, link.source)
        target = _placeholders(ctx.target, link.target)
        for key, span in source.items():
            if key not in target:
                yield self.finding(
                    ctx,
                    link,
                    f"{_what(_written(ctx.source, span))} of the source is missing in the target",
                    source_text=_written(ctx.source, span),
                    target_text=quote(ctx.target, link.target),
                    source_span=span,
                )
        for key, span in target.items():
            if key not in source:
                yield self.finding(
                    ctx,
                    link,
                    f"{_what(_written(ctx.target, span))} of the target is not in the source",
                    source_text=quote(ctx.source, link.source),
                    target_text=_written(ctx.target, span),
                    target_span=span,
                )
