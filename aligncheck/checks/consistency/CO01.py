from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from aligncheck.checks.base import PairContext, ReleaseContext, Rule
from aligncheck.checks.consistency.variants import spellings
from aligncheck.extract.name_match import (
    NAME_MATCH_CONFIG,
    NameMatch,
    evidence_for,
    glossary_entries,
    match_name,
    name_key,
    name_mentions,
)
from aligncheck.extract.names import NameMention
from aligncheck.glossary.entries import Glossary, base_lang
from aligncheck.glossary.find import LinkText, Occurrence, candidates, occurrences
from aligncheck.lang.morph import words
from aligncheck.lang.translit import key, prime_bounds
from aligncheck.model import Finding, Link, Severity, Span

STRICT = 0.85  # only confident name matches say how a version spells a name
SURE_KINDS = ("person", "acronym", "brand", "code")


class CO01(Rule):
    """One source term or name is spelled in several ways within the same target version.

    Covers glossary alternatives (both allowed, but pick one) and names or acronyms matched
    across links (Алиев here, Әлиев there; UNEP here, ЮНЕП there). Inflection does not count,
    nor an acronym written out (EU here, Европейский союз there: an expansion is no spelling).
    Other capitalised names (places: Лондондерри / Лондонберри) give an info.

    **Anti-pattern**
    source: Mr. Aliyev opened the talks on Monday. / The delegations met for four days.
        / On Friday Mr. Aliyev closed them.
    target: Г-н Алиев открыл переговоры в понедельник. / Делегации встречались четыре дня.
        / В пятницу г-н Әлиев закрыл их.

    **Best practice**
    source: Mr. Aliyev opened the talks on Monday. / The delegations met for four days.
        / On Friday Mr. Aliyev closed them.
    target: Г-н Алиев открыл переговоры в понедельник. / Делегации встречались четыре дня.
        / В пятницу г-н Алиев закрыл их.
    """

    code = "CO01"
    name = "inconsistent-rendering"
    category = "consistency"
    groups = ("all", "default", "consistency")
    scope = "release"
    config_keys = NAME_MATCH_CONFIG

    def check_release(self, ctx: ReleaseContext) -> Iterable[Finding]:
        findings = []
        for pair in ctx.pairs:
            findings += self._pair(pair)
        return sorted(findings, key=lambda f: f.sort_key())

    def _pair(self, ctx: PairContext) -> list[Finding]:
        threshold = max(float(self.opt(ctx, "name_match_threshold")), STRICT)
        glossaries = ctx.resources.get("glossaries") or []
        evidence = evidence_for([s.prose for s in ctx.source.segments], ctx.source.lang)
        sides = [
            (link, LinkText(ctx.source, link.source), LinkText(ctx.target, link.target))
            for link in ctx.links
            if link.source and link.target
        ]
        mentions = [name_mentions(source, evidence) for _, source, _ in sides]
        wanted = _worth_matching(sides, mentions)
        for (_, source, target), found in zip(sides, mentions):
            names = [
                m.text
                for m in found
                if m.kind not in ("acronym", "code") and _concept(m, source.lang) in wanted
            ]
            if names:  # bound the link's words for all its names at once
                prime_bounds(target.tokens, source.lang, target.lang, names)
        matches: dict[tuple, NameMatch] = {}
        seen: dict[str, list[tuple[str, Link, Span | None]]] = {}
        labels: dict[str, str] = {}
        sure: set[str] = set()
        for (link, source, target), found in zip(sides, mentions):
            for entry in candidates(glossaries, [source]):
                if len(entry.variants(ctx.lang)) < 2 or not entry.variants(ctx.source.lang):
                    continue
                found_in_source = occurrences(entry, source)
                if found_in_source:
                    for hit in _same_form(occurrences(entry, target), found_in_source[0], target)[
                        :1
                    ]:
                        concept = f"glossary:{entry.path}:{entry.line}"
                        labels[concept] = entry.label(ctx.source.lang)
                        sure.add(concept)
                        seen.setdefault(concept, []).append(
                            (hit.variant, link, target.span(hit.start, hit.end))
                        )
            for mention in found:
                if _concept(mention, source.lang) not in wanted:
                    continue
                call = (mention.text, mention.kind, link.target)
                if call not in matches:  # without aliases, match_name is a pure function of call
                    matches[call] = match_name(
                        mention, ctx.source.lang, target, glossaries, threshold
                    )
                match = matches[call]
                if match.status == "found" and match.how != "localised acronym":
                    span = (match.start, match.end)
                    if mention.kind == "acronym" and match.how == "glossary":
                        span = _acronym_rendering(mention, source.lang, target, glossaries, span)
                        if span is None:
                            continue  # written out here (Европейский союз for EU): no spelling
                    # a person is compared by surname: "Nurlan Abenov" and "Abenov" are one
                    last = words(mention.text)[-1].text
                    rendered = words(target.text[span[0] : span[1]])
                    if not rendered or not rendered[-1].text[:1].isupper():
                        continue
                    start, end = span[0] + rendered[-1].start, span[0] + rendered[-1].end
                    concept = _concept(mention, source.lang)  # "name:" + the key of `last`
                    labels.setdefault(concept, last)
                    if mention.kind in SURE_KINDS:
                        sure.add(concept)
                    seen.setdefault(concept, []).append(
                        (target.text[start:end], link, target.span(start, end))
                    )
        return [
            f
            for concept in sorted(seen)
            if (f := self._report(ctx, labels[concept], seen[concept], concept in sure))
        ]

    def _report(self, ctx: PairContext, label: str, uses, sure: bool) -> Finding | None:
        variants = spellings([text for text, _, _ in uses], ctx.lang)
        if len(variants) < 2:
            return None
        main = variants[0][0]
        odd = next(u for u in uses if not _same_group(u[0], main, ctx.lang))
        listed = ", ".join(f"'{v}' ({n}x)" for v, n in variants)
        return self.finding(
            ctx,
            odd[1],
            f"'{label}' is rendered in {len(variants)} ways in this version: {listed}",
            source_text=label,
            target_text=odd[0],
            target_span=odd[2],
            severity=None if sure else Severity.INFO,
        )


def _concept(mention: NameMention, lang: str) -> str | None:
    """The concept a found mention would be filed under: its last word's key."""
    return _concept_of(mention.text, lang)


@lru_cache(maxsize=16384)  # names recur in every link and release; a key transliterates
def _concept_of(text: str, lang: str) -> str | None:
    """The key of the last word as it sounds and as it is spelt: Wayde and Wade sound alike
    but are two names of the source, not one name rendered two ways."""
    found = words(text)
    if not found:
        return None
    last = found[-1].text
    return f"name:{name_key(last, lang)}:{key(last, lang, sounds=False)}"


def _worth_matching(sides, mentions) -> set[str | None]:
    """Concepts that could show two spellings. A rendering depends only on the mention's text
    and kind and on the target side of its link, so a concept met by fewer than two distinct
    (text, kind, target) calls has at most one spelling and can never be reported: matching
    its names (the costly transliteration search) is skipped. Findings do not change."""
    calls: dict[str | None, set[tuple]] = {}
    for (link, source, _), found in zip(sides, mentions):
        for mention in found:
            calls.setdefault(_concept(mention, source.lang), set()).add(
                (mention.text, mention.kind, link.target)
            )
    return {concept for concept, distinct in calls.items() if len(distinct) > 1 or concept is None}


def _same_group(form: str, main: str, lang: str) -> bool:
    return len(spellings([form, main], lang)) == 1


_AFFIX = regex.compile(r"[-'’]")


def _abbreviated(text: str) -> bool:
    """Is a rendering an acronym (ЕС, AB'nin, НАТО-ның): two or more letters before any
    suffix, all upper-case? Not a written-out form (Европейский союз, Евросоюз)."""
    letters = [c for c in _AFFIX.split(text)[0] if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _same_form(
    hits: list[Occurrence], source_hit: Occurrence, target: LinkText
) -> list[Occurrence]:
    """Target occurrences of a glossary entry, those written like the source's (abbreviated or
    written out) first: a paragraph that spells a term out and then abbreviates it renders
    both, and its first rendering need not be the one of the source's first occurrence."""
    wanted = _abbreviated(source_hit.variant)
    return sorted(hits, key=lambda h: _abbreviated(target.text[h.start : h.end]) != wanted)


def _acronym_rendering(
    mention: NameMention,
    source_lang: str,
    target: LinkText,
    glossaries: list[Glossary],
    span: tuple[int, int],
) -> tuple[int, int] | None:
    """Where the target abbreviates an acronym that a glossary matched, or None when it only
    writes it out. Glossaries give an acronym's expansions as renderings too (EU: ЕС |
    Европейский союз), matched first where they come first: "the European Union ... the EU"
    is rendered "Европейский союз ... ЕС", and only ЕС is a spelling of EU."""
    if _abbreviated(target.text[span[0] : span[1]]):
        return span
    entries = glossary_entries(mention, base_lang(source_lang), glossaries)
    starts = [
        (hit.start, hit.end)
        for entry, _ in entries
        for hit in occurrences(entry, target)
        if _abbreviated(target.text[hit.start : hit.end])
    ]
    return min(starts) if starts else None
