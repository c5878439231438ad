from __future__ import annotations

from collections.abc import Iterable, Sequence

from aligncheck.checks.base import PairContext, Rule
from aligncheck.extract.dates import DateMention, extract_dates
from aligncheck.model import Finding, Link, Segmentation, Severity, Span

Located = tuple[int, DateMention]  # (segment index, mention)


def mentions(seg: Segmentation, indices: Sequence[int]) -> list[Located]:
    return [(i, d) for i in indices for d in extract_dates(seg.segments[i].prose, seg.lang)]


def differences(source: list[Located], target: list[Located]):
    """(source, target) pairs of dates that disagree; None where a side has no counterpart."""
    left, right = list(source), list(target)
    for item in list(left):
        partner = next((t for t in right if item[1].matches(t[1])), None)
        if partner:
            left.remove(item)
            right.remove(partner)
    for item in list(left):
        partner = next(
            (t for t in right if t[1].month == item[1].month or t[1].year == item[1].year), None
        )
        partner = partner or (right[0] if right else None)
        if partner:
            left.remove(item)
            right.remove(partner)
            yield item, partner
    yield from ((d, None) for d in left)
    yield from ((None, d) for d in right)


class DA01(Rule):
    """Every date of the source must reappear as the same date in the aligned target.

    **Anti-pattern**
    source: The talks open on 3 March 2027 in Baku.
    target: Переговоры откроются 13 марта 2027 года в Баку.

    **Best practice**
    source: The talks open on 3 March 2027 in Baku.
    target: Переговоры откроются 3 марта 2027 года в Баку.
    """

    code = "DA01"
    name = "date-mismatch"
    category = "date"
    severity = Severity.ERROR
    groups = ("all", "default", "values")

    def check_link(self, ctx: PairContext, link: Link) -> Iterable[Finding]:
        if not link.source or not link.target:
            return
        source, target = mentions(ctx.source, link.source), mentions(ctx.target, link.target)
        for src, tgt in differences(source, target):
            if src and tgt:
                message = (
                    f'date {src[1].label()} changed to {tgt[1].label()} ("{tgt[1].raw}")'
                    f" in {ctx.lang}"
                )
            elif src:
                message = f'date {src[1].label()} ("{src[1].raw}") missing in {ctx.lang}'
            else:
                message = f'date {tgt[1].label()} ("{tgt[1].raw}") in target not in source'
            yield self.finding(
                ctx,
                link,
                message,
                source_text=src[1].raw if src else None,
                target_text=tgt[1].raw if tgt else None,
                source_span=Span(src[0], *src[1].span) if src else None,
                target_span=Span(tgt[0], *tgt[1].span) if tgt else None,
            )
