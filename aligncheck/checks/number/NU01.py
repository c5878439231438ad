from __future__ import annotations

from collections.abc import Iterable

import regex

from aligncheck.checks.base import PairContext, Rule
from aligncheck.extract.number_match import (
    Located,
    beside_hollow_brackets,
    is_word,
    mentions,
    merge_scores,
    pair_changes,
    unmatched,
    without_shared_literals,
)
from aligncheck.extract.numbers import NumberMention
from aligncheck.extract.numwords import TOKEN, misspelt_number_word
from aligncheck.model import Finding, Link, Segmentation, Severity, Span


class _Misspellings:
    """A target word that is a missing number word but for one diacritic ("baş" / "bäş"): the
    first of each value in a link's target, read once per link (a long paragraph may miss
    many number words)."""

    def __init__(self, ctx: PairContext, link):
        self.ctx, self.link, self.first = ctx, link, None

    def of(self, value) -> str | None:
        if self.first is None:
            self.first = {}
            for i in self.link.target:
                for token in TOKEN.finditer(self.ctx.target.segments[i].prose):
                    word = misspelt_number_word(token.group(), self.ctx.lang)
                    if word is not None:
                        self.first.setdefault(word.value, token.group())
        return self.first.get(value)


PLURAL_AFTER = regex.compile(r"(?:[\s\u00a0]+[\p{Ll}\p{Lu}][\p{L}'’-]*){0,2}?[\s\u00a0]+\p{Ll}+s\b")


def counts_things(seg: Segmentation, item: Located) -> bool:
    """An English cardinal counting a plural noun ("five rallies", "two new points"), not
    a label or an idiom ("match four all-square", "the front nine")."""
    i, m = item
    if seg.lang.split("-")[0] != "en" or m.kind != "word" or m.value < 2:
        return False
    return bool(PLURAL_AFTER.match(seg.segments[i].prose, m.span[1]))


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
            (
                'also compare numbers written as words ("five" = "пятью" = "5"); a finding about '
                'words alone, or a figure given as a rough count ("decades" / "30 лет"), is info: '
                "translators render number words by other constructions. false: words only answer "
                "digits, never reported"
            ),
        ),
    }

    def check_link(self, ctx: PairContext, link: Link) -> Iterable[Finding]:
        if not link.source or not link.target:
            return
        words = bool(self.opt(ctx, "number_words"))
        source, target = without_shared_literals(
            mentions(ctx.source, link.source, words),
            mentions(ctx.target, link.target, words),
            ctx.source,
            ctx.target,
        )
        found = unmatched(source, target, beside_hollow_brackets(ctx.target, target))
        typos = _Misspellings(ctx, link)
        for src, tgt in merge_scores(pair_changes(*found), ctx.source, ctx.target):
            yield self._finding(ctx, link, src, tgt, typos)

    def _finding(
        self, ctx: PairContext, link, src: Located | None, tgt: Located | None, typos: _Misspellings
    ) -> Finding:
        rough = next((x[1] for x in (src, tgt) if x and x[1].kind == "approximate"), None)
        if rough is not None:
            if src and rough is src[1]:
                message = (
                    f'rough count "{rough.raw}" given as the figure {describe(tgt[1])} '
                    f"in {ctx.lang}"
                )
            else:
                message = (
                    f'number {describe(src[1])} given as the rough count "{rough.raw}" '
                    f"in {ctx.lang}"
                )
        elif src and tgt:
            message = f"number {describe(src[1])} changed to {describe(tgt[1])} in {ctx.lang}"
        elif src:
            message = f"number {describe(src[1])} missing in {ctx.lang}"
        else:
            message = f"number {describe(tgt[1])} in target not in source"
        # Digits against digits (or nothing) are hard evidence: error. Number words are often
        # rendered by another construction ("a pair", "the front nine" left out, "couple of
        # decades" as "twenty years"), so a finding about words alone is info; a warning where
        # a count of things is gone ("five rallies" with no five) or the target has the
        # missing word misspelt.
        severity = None
        if rough is not None or all(is_word(x[1]) for x in (src, tgt) if x):
            severity = Severity.INFO
            if rough is None and src and not tgt:
                if typo := typos.of(src[1].value):
                    message += f' ("{typo}" may be a misspelling of it)'
                    severity = Severity.WARNING
                elif counts_things(ctx.source, src):
                    severity = Severity.WARNING
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
