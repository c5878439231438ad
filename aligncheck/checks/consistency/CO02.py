from __future__ import annotations

from collections.abc import Iterable

from aligncheck.checks.base import ReleaseContext, Rule
from aligncheck.checks.helpers import quoted
from aligncheck.glossary.find import LinkText, best_candidate, candidates, occurrences
from aligncheck.model import Finding, Severity


class CO02(Rule):
    """A title (glossary kind=title) is not rendered with its glossary title in a version.

    One finding per deviating language, naming what that version wrote instead and, when
    the glossary note gives it, what that rendering means.

    **Anti-pattern**
    source: The "Living Steppe Rivers" programme starts.   (glossary kk: Тірі дала өзендері)
    target: «Дала өзендерін сақтау» бағдарламасы басталады.

    **Best practice**
    source: The "Living Steppe Rivers" programme starts.
    target: «Тірі дала өзендері» бағдарламасы басталады.
    """

    code = "CO02"
    name = "title-mismatch"
    category = "consistency"
    severity = Severity.WARNING
    groups = ("all", "default", "consistency", "glossary")
    scope = "release"

    def check_release(self, ctx: ReleaseContext) -> Iterable[Finding]:
        glossaries = ctx.resources.get("glossaries") or []
        findings = []
        for pair in ctx.pairs:
            sources = [
                LinkText(pair.source, link.source)
                for link in pair.links
                if link.source and link.target
            ]
            titles = [
                e
                for e in candidates(glossaries, sources)
                if e.kind == "title" and e.variants(pair.lang) and e.variants(ctx.source.lang)
            ]
            for entry in titles:
                places, wrong = 0, []
                for link in pair.links:
                    if not link.source or not link.target:
                        continue
                    source = LinkText(pair.source, link.source)
                    target = LinkText(pair.target, link.target)
                    if not occurrences(entry, source):
                        continue
                    places += 1
                    if not occurrences(entry, target):
                        wrong.append((link, source, target))
                if not wrong:
                    continue
                link, source, target = wrong[0]
                expected = entry.variants(pair.lang)
                near = best_candidate(expected, target)
                label = entry.label(ctx.source.lang)
                message = (
                    f"title '{label}' should be {quoted(expected)} in {pair.lang} "
                    f"({len(wrong)} of {places} places differ)"
                )
                if near:
                    message += f"; found '{near[0]}'"
                if entry.note_for(pair.lang):
                    message += f" (note: {entry.note_for(pair.lang)})"
                hit = occurrences(entry, source)[0]
                findings.append(
                    self.finding(
                        pair,
                        link,
                        message,
                        source_text=label,
                        target_text=near[0] if near else None,
                        source_span=source.span(hit.start, hit.end),
                        target_span=target.span(near[1], near[2]) if near else None,
                    )
                )
        return sorted(findings, key=lambda f: f.sort_key())
