from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

import regex
from aligncheck.checks.base import PairContext, Rule
from aligncheck.extract.numbers import NumberMention, extract_numbers
from aligncheck.model import Finding, Segmentation, Severity, Span

Located = tuple[int, NumberMention, int]  # (segment index, mention, sentence index in the segment)
WORD_KINDS = ("word", "approximate", "ordinal", "roman")
SENTENCE_END = regex.compile(r"[.!?…][\"'»”)]*\s+(?=[\p{Lu}\d\"'«“(])")


def mentions(seg: Segmentation, indices: Sequence[int], words: bool = True) -> list[Located]:
    found = []
    for i in indices:
        text = seg.segments[i].text
        ends = [m.end() for m in SENTENCE_END.finditer(text)]
        for m in extract_numbers(text, seg.lang):
            if not words and is_word(m):
                m = replace(m, soft=True)
            found.append((i, m, sum(end <= m.span[0] for end in ends)))
    return found


def is_word(m: NumberMention) -> bool:
    return m.kind in WORD_KINDS and not any(c.isdigit() for c in m.raw)


def _pair_off(left: list[Located], right: list[Located], same: Callable) -> list[tuple[Located, Located]]:
    pairs = []
    for item in list(left):
        partner = next((t for t in right if same(item[1], t[1])), None)
        if partner:
            left.remove(item)
            right.remove(partner)
            pairs.append((item, partner))
    return pairs


def unmatched(source: list[Located], target: list[Located]):
    """(missing, extra, spare target words) after matching values.

    Equal values pair first, then any shared reading ("1,500" may be 1.5 or 1500), then
    imperial quantities with their metric conversion ("30 yards" ~ "27 м"). A value
    repeated within one sentence is satisfied by one occurrence on the other side
    (translations fold such repeats into pronouns); repeated across sentences, it must be
    repeated in the translation too. Spare words are unmatched soft number words of the target
    ("четырёхдневный"): never reported alone, but they name the new value of a changed word.
    """
    left, right = list(source), list(target)
    for same in (lambda a, b: a.value == b.value, lambda a, b: bool(set(a.values) & set(b.values)),
                 lambda a, b: a.converts_to(b) or b.converts_to(a)):
        _pair_off(left, right, same)

    def alone(items: list[Located], side: list[Located], other: list[Located], added: bool) -> list[Located]:
        seen = {v for _, m, _ in other for v in m.values}

        def repeat(item: Located) -> bool:
            i, m, sentence = item
            return bool(seen & set(m.values)) and any(
                j == i and s == sentence and o is not m and set(o.values) & set(m.values) for j, o, s in side)

        def forgiven(item: Located) -> bool:
            m = item[1]
            if not m.reportable or (added and explicitation(m)) or repeat(item):
                return True
            if is_word(m) and seen & set(m.values):
                return True
            return any(m.converts_to(o) or o.converts_to(m) for _, o, _ in other)

        return [item for item in items if not forgiven(item)]

    spare = [(i, m, s) for i, m, s in right
             if not m.reportable and not m.in_date and m.kind == "word" and m.value >= 2]
    return alone(left, source, target, False), alone(right, target, source, True), spare


def explicitation(m: NumberMention) -> bool:
    """"the two countries" for "the rivals": a translation may spell out a pair."""
    return m.kind == "word" and m.value == 2


def pair_changes(missing, extra, spare=()):
    """(source, target) pairs: a missing and an extra number read as one change."""
    missing, extra = list(missing), list(extra)
    pairs = _pair_off(missing, extra, lambda a, b: a.kind == b.kind)
    pairs += _pair_off(missing, extra, lambda a, b: True)
    pairs += _pair_off(missing, list(spare), lambda a, b: is_word(a))
    return pairs + [(m, None) for m in missing] + [(None, e) for e in extra]


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
    config_keys = {
        "number_words": (
            True,
            'also compare numbers written as words ("five" = "пятью" = "5"); a finding about '
            "words alone is a warning. false: words only answer digits, never reported",
        ),
    }

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        words = bool(self.opt(ctx, "number_words"))
        for link in ctx.links:
            if not link.source or not link.target:
                continue
            found = unmatched(mentions(ctx.source, link.source, words), mentions(ctx.target, link.target, words))
            for src, tgt in pair_changes(*found):
                yield self._finding(ctx, link, src, tgt)

    def _finding(self, ctx: PairContext, link, src: Located | None, tgt: Located | None) -> Finding:
        if src and tgt:
            message = f"number {describe(src[1])} changed to {describe(tgt[1])} in {ctx.lang}"
        elif src:
            message = f"number {describe(src[1])} missing in {ctx.lang}"
        else:
            message = f"number {describe(tgt[1])} in target not in source"
        only_words = all(is_word(x[1]) for x in (src, tgt) if x)
        return self.finding(
            ctx, link, message,
            source_text=src[1].raw if src else None, target_text=tgt[1].raw if tgt else None,
            source_span=Span(src[0], *src[1].span) if src else None,
            target_span=Span(tgt[0], *tgt[1].span) if tgt else None,
            severity=Severity.WARNING if only_words else None)
