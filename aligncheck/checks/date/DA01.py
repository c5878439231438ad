from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from aligncheck.checks.base import PairContext, Rule
from aligncheck.extract.dates import DateMention, extract_dates
from aligncheck.model import Finding, Link, Segmentation, Severity, Span

Located = tuple[int, DateMention]  # (segment index, mention)


def mentions(seg: Segmentation, indices: Sequence[int]) -> list[Located]:
    return [(i, d) for i in indices for d in extract_dates(seg.segments[i].prose, seg.lang)]


Pair = tuple[Located | None, Located | None]


def paired(source: list[Located], target: list[Located]) -> tuple[list[Pair], list[Pair]]:
    """(agreeing, differing): the (source, target) pairs of dates that agree where both say
    them, and those that disagree, None where a side has no counterpart."""
    left, right = list(source), list(target)
    agreeing: list[Pair] = []
    differing: list[Pair] = []
    for item in list(left):
        partner = next((t for t in right if item[1].matches(t[1])), None)
        if partner:
            left.remove(item)
            right.remove(partner)
            agreeing.append((item, partner))
    for item in list(left):
        partner = next(
            (t for t in right if t[1].month == item[1].month or t[1].year == item[1].year), None
        )
        partner = partner or (right[0] if right else None)
        if partner:
            left.remove(item)
            right.remove(partner)
            differing.append((item, partner))
    differing += [(d, None) for d in left] + [(None, d) for d in right]
    return agreeing, differing


def _numbers_written(seg: Segmentation, indices: Sequence[int]) -> set[int]:
    return {int(n) for i in indices for n in regex.findall(r"\d+", seg.segments[i].prose)}


def _left_out(source: DateMention, target: DateMention, numbers: set[int]) -> str | None:
    """The year or day a source date gives and its target counterpart leaves out, when the
    target link writes that number nowhere (a translator may name the year once for two
    dates, or put it in the next sentence)."""
    for part, mine, theirs in (
        ("year", source.year, target.year),
        ("day", source.day, target.day),
    ):
        if mine and not theirs and mine not in numbers:
            return part
    return None


class DA01(Rule):
    """Every date of the source must reappear as the same date in the aligned target.

    A date whose year or day the target leaves out (the number written nowhere in the link)
    is a warning.

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
        agreeing, differing = paired(source, target)
        for src, tgt in differing:
            yield self._finding(ctx, link, _difference(src, tgt, ctx.lang), src, tgt)
        numbers = _numbers_written(ctx.target, link.target)
        for src, tgt in agreeing:
            part = _left_out(src[1], tgt[1], numbers)
            if part:
                message = (
                    f'{part} of date {src[1].label()} ("{src[1].raw}") left out in {ctx.lang}: '
                    f'"{tgt[1].raw}"'
                )
                yield self._finding(ctx, link, message, src, tgt, Severity.WARNING)

    def _finding(
        self,
        ctx: PairContext,
        link: Link,
        message: str,
        src: Located | None,
        tgt: Located | None,
        severity: Severity | None = None,
    ) -> Finding:
        return self.finding(
            ctx,
            link,
            message,
            source_text=src[1].raw if src else None,
            target_text=tgt[1].raw if tgt else None,
            source_span=Span(src[0], *src[1].span) if src else None,
            target_span=Span(tgt[0], *tgt[1].span) if tgt else None,
            severity=severity,
        )


def _difference(src: Located | None, tgt: Located | None, lang: str) -> str:
    if src and tgt:
        return f'date {src[1].label()} changed to {tgt[1].label()} ("{tgt[1].raw}") in {lang}'
    if src:
        return f'date {src[1].label()} ("{src[1].raw}") missing in {lang}'
    return f'date {tgt[1].label()} ("{tgt[1].raw}") in target not in source'
