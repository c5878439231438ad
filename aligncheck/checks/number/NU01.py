from __future__ import annotations

from collections.abc import Iterable, Sequence

from aligncheck.checks.base import PairContext, Rule
from aligncheck.extract.numbers import NumberMention, extract_numbers
from aligncheck.model import Finding, Segmentation, Severity, Span

Located = tuple[int, NumberMention]  # (segment index, mention)


def mentions(seg: Segmentation, indices: Sequence[int]) -> list[Located]:
    return [(i, m) for i in indices for m in extract_numbers(seg.segments[i].text, seg.lang)]


def unmatched(source: list[Located], target: list[Located]) -> tuple[list[Located], list[Located]]:
    """Reportable numbers of each side that no number of the other side accounts for.

    Equal values pair first, then any shared reading ("1,500" may be 1.5 or 1500), then
    imperial quantities with their metric conversion ("30 yards" ~ "27 м"). A value
    repeated on one side is satisfied by one occurrence on the other (translations fold
    repetitions into pronouns).
    """
    left, right = list(source), list(target)
    for same in (lambda a, b: a.value == b.value, lambda a, b: bool(set(a.values) & set(b.values)),
                 lambda a, b: a.converts_to(b) or b.converts_to(a)):
        for item in list(left):
            partner = next((t for t in right if same(item[1], t[1])), None)
            if partner:
                left.remove(item)
                right.remove(partner)

    def alone(items: list[Located], other: list[Located], added: bool) -> list[Located]:
        seen = {v for _, m in other for v in m.values}
        converted = lambda m: any(m.converts_to(o) or o.converts_to(m) for _, o in other)
        return [(i, m) for i, m in items if m.reportable and not seen & set(m.values)
                and not (added and explicitation(m)) and not converted(m)]

    return alone(left, target, False), alone(right, source, True)


def explicitation(m: NumberMention) -> bool:
    """"the two countries" for "the rivals": a translation may spell out a pair."""
    return m.kind == "word" and m.value == 2


def pair_changes(missing: list[Located], extra: list[Located]):
    """(source, target) pairs: a missing and an extra number of the same kind read as one change."""
    missing, extra = list(missing), list(extra)
    for kinds in (lambda a, b: a.kind == b.kind, lambda a, b: True):
        for item in list(missing):
            partner = next((t for t in extra if kinds(item[1], t[1])), None)
            if partner:
                missing.remove(item)
                extra.remove(partner)
                yield item, partner
    yield from ((m, None) for m in missing)
    yield from ((None, e) for e in extra)


def describe(m: NumberMention) -> str:
    return m.label() if m.raw == m.label() else f'{m.label()} ("{m.raw}")'


class NU01(Rule):
    """Every number of the source must reappear with the same value in the aligned target.

    **Anti-pattern**
    source: Turnout rose to 44% in three of the 12 regions.
    target: Явка выросла до 45% в трёх из 12 регионов.

    **Best practice**
    source: Turnout rose to 44% in three of the 12 regions.
    target: Явка выросла до 44 % в трёх из 12 регионов.
    """

    code = "NU01"
    name = "number-mismatch"
    category = "number"
    severity = Severity.ERROR
    groups = ("all", "default", "values")

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        for link in ctx.links:
            if not link.source or not link.target:
                continue
            missing, extra = unmatched(mentions(ctx.source, link.source), mentions(ctx.target, link.target))
            for src, tgt in pair_changes(missing, extra):
                if src and tgt:
                    message = f"number {describe(src[1])} changed to {describe(tgt[1])} in {ctx.lang}"
                elif src:
                    message = f"number {describe(src[1])} missing in {ctx.lang}"
                else:
                    message = f"number {describe(tgt[1])} in target not in source"
                yield self.finding(
                    ctx, link, message,
                    source_text=src[1].raw if src else None, target_text=tgt[1].raw if tgt else None,
                    source_span=Span(src[0], *src[1].span) if src else None,
                    target_span=Span(tgt[0], *tgt[1].span) if tgt else None)
