from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from aligncheck.checks.base import PairContext, ReleaseContext, Rule
from aligncheck.checks.helpers import quoted
from aligncheck.glossary.entries import Glossary
from aligncheck.glossary.find import LinkText, candidates, occurrences
from aligncheck.model import Finding, Link, Segmentation, Severity


class GL02(Rule):
    """A variant the glossary forbids is used (in any version, linked or not).

    **Anti-pattern**
    source: The Caspian Sea is shrinking.
    target: Каспий мелеет.   (glossary: ru:forbidden = Каспий)

    **Best practice**
    source: The Caspian Sea is shrinking.
    target: Каспийское море мелеет.
    """

    code = "GL02"
    name = "glossary-forbidden-variant"
    category = "glossary"
    severity = Severity.ERROR
    groups = ("all", "default", "glossary")
    scope = "release"

    def check_release(self, ctx: ReleaseContext) -> Iterable[Finding]:
        glossaries: list[Glossary] = ctx.resources.get("glossaries") or []
        findings = []
        for pair in ctx.pairs:
            findings += self._side(pair, pair.target, glossaries, target=True)
        if ctx.pairs:
            findings += [
                replace(f, lang=ctx.source.lang)
                for f in self._side(ctx.pairs[0], ctx.source, glossaries, target=False)
            ]
        return sorted(findings, key=lambda f: f.sort_key())

    def _side(
        self, pair: PairContext, seg: Segmentation, glossaries: list[Glossary], target: bool
    ) -> list[Finding]:
        lang = seg.lang
        owner = {}
        for link in pair.links:
            for i in link.target if target else link.source:
                owner.setdefault(i, link)
        findings = []
        for i in range(len(seg.segments) if glossaries else 0):
            side = LinkText(seg, (i,))
            for entry in candidates(glossaries, [side], forbidden=True):
                hits = (
                    occurrences(entry, side, forbidden=True)
                    if entry.forbidden_variants(lang)
                    else []
                )
                allowed = [(o.start, o.end) for o in occurrences(entry, side)] if hits else []
                for hit in hits:
                    if any(s <= hit.start and hit.end <= e for s, e in allowed):
                        continue
                    text = side.text[hit.start : hit.end]
                    link = owner.get(i) or (Link((), (i,), 0.0) if target else Link((i,), (), 0.0))
                    expected = entry.variants(lang)
                    message = f"glossary forbids '{text}'" + (
                        f"; use {quoted(expected)}" if expected else ""
                    )
                    span = side.span(hit.start, hit.end)
                    findings.append(
                        self.finding(
                            pair,
                            link,
                            message,
                            source_text=None if target else text,
                            target_text=text if target else None,
                            source_span=None if target else span,
                            target_span=span if target else None,
                        )
                    )
        return findings
