from __future__ import annotations

from aligncheck.checks.base import PairContext, VersionsRule
from aligncheck.checks.consistency.variants import spellings
from aligncheck.extract.titles import TitleSpan, rendering_of, title_cased, title_spans
from aligncheck.glossary.entries import base_lang
from aligncheck.glossary.find import LinkText, candidates
from aligncheck.lang.morph import words
from aligncheck.model import Finding, Link, Severity


class CO03(VersionsRule):
    """A source title is written two ways in one version, or not where most versions write it.

    No glossary is needed. A title is a quoted or emphasised span of the source (“Open
    Rivers”, *Living Steppe Rivers*); its rendering is the quoted or emphasised span at the
    same place of the aligned target. A version whose renderings of one title differ beyond
    inflection gets one finding, at the place of its rarer spelling; a place where the
    version has no quoted or emphasised span while most other versions do there gets one (it
    may be paraphrased or left out) when the title has two words or more (a single quoted or
    emphasised word is a term, its marks a typographic choice) and the source writes it twice
    or more, or in title case (a phrase quoted once may well be paraphrased). Titles a
    glossary lists are CO02's. The report's "terms and titles" table lists every title with
    each version's spellings, so that an editor can compare their meanings, which this rule
    does not judge.

    **Anti-pattern**
    source: The “Open Rivers” plan starts. The “Open Rivers” plan ends.
    target: План «Открытые реки» начинается. План «Свободные реки» завершается.

    **Best practice**
    source: The “Open Rivers” plan starts. The “Open Rivers” plan ends.
    target: План «Открытые реки» начинается. План «Открытые реки» завершается.
    """

    code = "CO03"
    name = "title-inconsistent"
    category = "consistency"
    severity = Severity.WARNING
    groups = ("all", "default", "consistency")

    def check_versions(self, pairs: list[PairContext]) -> list[Finding]:
        places = [_places(pair) for pair in pairs]
        # per version: (source segments, source title span) -> whether it writes a title there
        written = [{(p[0].source, p[2]): p[4] is not None for p in version} for version in places]
        findings = []
        for n, pair in enumerate(pairs):
            listed = _listed(pair)
            by_title: dict[str, list] = {}
            for place in places[n]:
                if place[2].text not in listed:
                    by_title.setdefault(place[2].text, []).append(place)
            for title, found in by_title.items():
                findings += self._spellings(pair, title, found)
                findings += self._left_out(pair, title, found, written[:n] + written[n + 1 :])
        return sorted(findings, key=lambda f: f.sort_key())

    def _spellings(self, pair: PairContext, title: str, found: list) -> list[Finding]:
        written = [(p, p[4]) for p in found if p[4] is not None]
        variants = spellings([r.text for _, r in written], base_lang(pair.lang))
        if len(variants) < 2:
            return []
        rare = variants[-1][0]
        (link, source, span, target, rendering) = next(p for p, r in written if r.text == rare)
        counts = ", ".join(f"'{text}' ({count}x)" for text, count in variants)
        return [
            self.finding(
                pair,
                link,
                f"title '{title}' is written in {len(variants)} ways in {pair.lang}: {counts}",
                source_text=title,
                target_text=rare,
                source_span=source.span(span.start, span.end),
                target_span=target.span(rendering.start, rendering.end),
            )
        ]

    def _left_out(self, pair: PairContext, title: str, found: list, others: list) -> list:
        if len(words(title)) < 2 or (len(found) < 2 and not title_cased(title)):
            # one word is a term, its quotes or emphasis a typographic choice; a phrase quoted
            # once may be paraphrased: only a name is checked
            return []
        findings = []
        for link, source, span, target, rendering in found:
            if rendering is not None:
                continue
            verdicts = [
                version[link.source, span] for version in others if (link.source, span) in version
            ]
            kept = sum(verdicts)
            if not kept or kept <= len(verdicts) - kept:
                continue
            findings.append(
                self.finding(
                    pair,
                    link,
                    f"title '{title}' is not written here as a title ({kept} of "
                    f"{len(verdicts)} other versions write it): left out or paraphrased",
                    source_text=title,
                    source_span=source.span(span.start, span.end),
                )
            )
        return findings


def _places(pair: PairContext) -> list[tuple[Link, LinkText, TitleSpan, LinkText, object]]:
    """(link, source side, source title, target side, its rendering or None) per title place."""
    out = []
    for link in pair.links:
        if not link.source or not link.target:
            continue
        source, target = LinkText(pair.source, link.source), LinkText(pair.target, link.target)
        for title in title_spans(source.text):
            out.append((link, source, title, target, rendering_of(source, target, title)))
    return out


def _listed(pair: PairContext) -> set[str]:
    """Titles a glossary lists for this pair (CO02 checks those)."""
    glossaries = pair.resources.get("glossaries") or []
    if not glossaries:
        return set()
    sources = [LinkText(pair.source, link.source) for link in pair.links if link.source]
    listed = set()
    for entry in candidates(glossaries, sources):
        if entry.kind == "title":
            listed.update(entry.variants(pair.source.lang))
    return listed
