from __future__ import annotations

from collections.abc import Iterable

from aligncheck.checks.base import PairContext, Rule
from aligncheck.checks.helpers import quoted
from aligncheck.glossary.entries import Glossary
from aligncheck.glossary.find import LinkText, best_candidate, candidates, occurrences, rendered
from aligncheck.model import Finding, Link, Severity


class GL01(Rule):
    """A glossary term of the source is not rendered with one of its glossary translations.

    Inflected forms count on both sides: the text may use any case form of the glossary's
    rendering, and the glossary may quote it inflected (Каспийского моря accepts Каспийское
    море; Xəzər dənizinin accepts Xəzər dənizində), word by word through stems;
    a name's ending may follow its pronunciation rather than its spelling's vowel harmony
    (Заев: Заевтың).
    Titles (kind=title) are checked by CO02 instead.

    **Anti-pattern**
    source: Fishing in the Caspian Sea is limited.
    target: Рыболовство в Каспийском озере ограничено.

    **Best practice**
    source: Fishing in the Caspian Sea is limited.
    target: Рыболовство в Каспийском море ограничено.
    """

    code = "GL01"
    name = "glossary-term-missing"
    category = "glossary"
    severity = Severity.WARNING
    groups = ("all", "default", "glossary")

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        return sorted(super().check(ctx), key=lambda f: f.sort_key())

    def check_link(self, ctx: PairContext, link: Link) -> Iterable[Finding]:
        glossaries: list[Glossary] = ctx.resources.get("glossaries") or []
        if not link.source or not link.target:
            return
        source, target = LinkText(ctx.source, link.source), LinkText(ctx.target, link.target)
        for entry in candidates(glossaries, [source]):
            if (
                entry.kind == "title"
                or not entry.variants(ctx.lang)
                or not entry.variants(ctx.source.lang)
            ):
                continue
            found = occurrences(entry, source)
            if not found or rendered(entry, target):
                continue
            expected = entry.variants(ctx.lang)
            near = best_candidate(expected, target)
            message = f"glossary: '{found[0].variant}' should be rendered as {quoted(expected)}"
            message += f"; found '{near[0]}' instead" if near else "; no rendering found"
            yield self.finding(
                ctx,
                link,
                message,
                source_text=source.text[found[0].start : found[0].end],
                target_text=near[0] if near else None,
                source_span=source.span(found[0].start, found[0].end),
                target_span=target.span(near[1], near[2]) if near else None,
            )
