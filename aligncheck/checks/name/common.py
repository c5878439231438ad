"""Shared body of NA01/NA02: names of some kinds that the aligned target must render.

Whether a missing name is reported, and how loudly, follows the evidence:

- the other target versions of the release (when there are any): a name most of them leave
  out too is a translation choice (an expanded acronym, a translated show title), an info;
  one they render is a warning;
- the version itself: a name it never writes (lost in two places or more) is a choice, an
  info;
- an acronym the source paragraph spells out (Global Environment Facility (GEF), or
  capitalised words with its initials) is rendered by its expansion when the target simply
  has no bracket there: an info; an emptied or refilled bracket is a warning;
- a looser transliteration of the name (Merriweather = Мерриуэзер): an info;
- persons, brands, codes and acronyms are warnings; so is any name this version renders in
  most other places; an acronym the link names more often than the target renders it is
  missing once;
- other capitalised word groups give an info (NA01).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from aligncheck.checks.base import PairContext, ReleaseContext, Rule
from aligncheck.checks.name.matching import (
    NAME_MATCH_CONFIG,
    NameMatch,
    acronym_renderings,
    bracket_replaced,
    closest,
    evidence_for,
    match_name,
    name_key,
    name_mentions,
    spelling_variant,
)
from aligncheck.extract.names import NameMention, spelled_out
from aligncheck.glossary.find import LinkText
from aligncheck.model import Finding, Link, Severity

# Kinds reported as warnings whenever missing (unless the other versions leave them out too).
ALWAYS = ("person", "brand", "code", "acronym")


@dataclass
class _Outcome:
    link: Link
    source: LinkText
    target: LinkText
    mention: NameMention
    match: NameMatch
    where: tuple  # (source segment, name key[, mention n of m, rendered]): same in every version

    @property
    def rendered(self) -> bool:
        return self.match.status == "found"


def _check_localised(outcomes: list[_Outcome]) -> list[_Outcome]:
    """A localised acronym no glossary lists is accepted only where nothing contradicts it:
    an ASCII one (a Latin acronym like the source's own) not where the version keeps or
    transliterates that acronym elsewhere (SNL there, MWP here), and each target word for
    one source acronym of a paragraph (the closest in length). A localised form in other
    letters (ЖЭҚ) may alternate with the kept acronym."""
    otherwise = {o.where[1] for o in outcomes if o.rendered and o.match.how != "localised acronym"}
    users: dict[tuple, list[_Outcome]] = {}
    for o in outcomes:
        if o.match.how == "localised acronym":
            users.setdefault((o.link.target, o.match.start), []).append(o)
    for (_, start), found in users.items():
        letters = sum(c.isalpha() for c in found[0].target.text[start:found[0].match.end])
        best = min({o.where[1]: o for o in found}.values(),
                   key=lambda o: (abs(sum(c.isalpha() for c in o.mention.text) - letters), o.where))
        latin = found[0].target.text[start:found[0].match.end].isascii()
        for o in found:
            if o.where[1] != best.where[1] or (latin and o.where[1] in otherwise):
                o.match = NameMatch(o.mention, "missing")
    return outcomes


def _fewer_renderings(outcomes: list[_Outcome], lang: str, glossaries) -> list[_Outcome]:
    """An acronym a link names more often than its target renders it (kept, transliterated
    or by a glossary): the later mentions beyond the target's count are missing. A merged
    link (two paragraphs aligned together) or a repeated acronym hides a loss otherwise."""
    groups: dict[tuple, list[_Outcome]] = {}
    for o in outcomes:
        if o.mention.kind == "acronym" and o.rendered and o.match.how != "localised acronym":
            groups.setdefault((o.link.source, o.where[1]), []).append(o)
    for found in groups.values():
        count = acronym_renderings(found[0].mention, lang, found[0].target, glossaries)
        for o in sorted(found, key=lambda o: o.mention.start)[count:]:
            o.match = NameMatch(o.mention, "missing")
            o.where = (*o.where[:2], len(found), count)
    return outcomes


class MissingNameRule(Rule):
    kinds: tuple[str, ...] = ()
    what = "name"
    category = "name"
    groups = ("all", "default", "names")
    scope = "release"
    config_keys = NAME_MATCH_CONFIG

    def hint_when_unsure(self, mention) -> bool:
        """Report (as info) a missing name of a checked-only-with-evidence kind anyway?"""
        return False

    def unsure_severity(self, ctx: PairContext) -> Severity:
        return Severity.INFO

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        """One target version alone: no other version to compare with."""
        return self._check([ctx])

    def check_release(self, ctx: ReleaseContext) -> Iterable[Finding]:
        return self._check(list(ctx.pairs))

    def _check(self, pairs: Sequence[PairContext]) -> list[Finding]:
        outcomes = [self._outcomes(ctx) for ctx in pairs]
        by_place = []
        for found in outcomes:
            places: dict[tuple, bool] = {}
            for o in found:
                places[o.where] = places.get(o.where, False) or o.rendered
            by_place.append(places)
        findings = []
        for n, (ctx, found) in enumerate(zip(pairs, outcomes)):
            others = by_place[:n] + by_place[n + 1:]
            findings += self._report(ctx, found, by_place[n], others)
        return sorted(findings, key=lambda f: f.sort_key())

    def _outcomes(self, ctx: PairContext) -> list[_Outcome]:
        threshold = float(self.opt(ctx, "name_match_threshold"))
        glossaries = ctx.resources.get("glossaries") or []
        evidence = evidence_for([s.text for s in ctx.source.segments], ctx.source.lang)
        aliases: dict[str, set[str]] = {}
        todo = []
        for link in ctx.links:
            if not link.source or not link.target:
                continue
            source, target = LinkText(ctx.source, link.source), LinkText(ctx.target, link.target)
            for mention in name_mentions(source, evidence):
                if mention.kind in self.kinds:
                    todo.append((link, source, target, mention))
        for link, source, target, mention in todo:  # learn spellings first
            match_name(mention, ctx.source.lang, target, glossaries, threshold, aliases,
                       source_text=source.text)
        outcomes = []
        for link, source, target, mention in todo:
            match = match_name(mention, ctx.source.lang, target, glossaries, threshold, aliases,
                               source_text=source.text)
            span = source.span(mention.start, mention.end)
            segment = span.segment if span else link.source[0]
            where = (segment, name_key(mention.text, source.lang))
            outcomes.append(_Outcome(link, source, target, mention, match, where))
        return _fewer_renderings(_check_localised(outcomes), ctx.source.lang, glossaries)

    def _report(self, ctx: PairContext, found: list[_Outcome], places: dict[tuple, bool],
                others: list[dict[tuple, bool]]) -> list[Finding]:
        """One finding per name and source paragraph that no mention of it is rendered for."""
        rendered: dict[str, int] = {}
        lost: dict[str, int] = {}
        for where, ok in places.items():
            name = where[1]
            counter = rendered if ok else lost
            counter[name] = counter.get(name, 0) + 1
        findings = []
        done = set()
        for o in found:
            if places[o.where] or o.where in done:
                continue
            done.add(o.where)
            mention, source, target = o.mention, o.source, o.target
            name = o.where[1]
            elsewhere = rendered.get(name, 0) > lost[name] - 1
            systematic = rendered.get(name, 0) == 0 and lost[name] > 1
            verdicts = [version[o.where] for version in others if o.where in version]
            kept, dropped = sum(verdicts), len(verdicts) - sum(verdicts)
            near = closest(mention, ctx.source.lang, target)
            severity = self._severity(ctx, o, elsewhere, systematic, kept, dropped)
            if severity is None:
                continue
            message = f"{self.what} '{mention.text}' is not in the target" + (
                f" (closest: '{near}')" if near else "") + (
                "; this version renders it elsewhere" if elsewhere else "") + (
                f"; {kept} of {kept + dropped} other versions render it" if kept + dropped else "") + (
                "; the glossary lists its rendering" if o.match.status == "glossary" else "") + (
                f" as often as the source names it ({o.where[2]} times, rendered {o.where[3]})"
                if len(o.where) > 2 else "")
            findings.append(self.finding(
                ctx, o.link, message, source_text=mention.text, target_text=near,
                source_span=source.span(mention.start, mention.end), severity=severity))
        return findings

    def _severity(self, ctx: PairContext, o: _Outcome, elsewhere: bool, systematic: bool,
                  kept: int, dropped: int) -> Severity | None:
        """None: not worth a finding."""
        mention = o.mention
        unsure = self.unsure_severity(ctx) if self.hint_when_unsure(mention) else None
        if dropped and dropped >= kept:
            return unsure and Severity.INFO  # the translations agree to leave it out
        if systematic:
            return unsure and Severity.INFO  # this version never writes it: a choice
        if mention.kind == "acronym" and spelled_out(o.source.text, mention) and \
                not bracket_replaced(o.source.text, o.target.text):
            return unsure and Severity.INFO  # its expansion is rendered instead
        if mention.kind != "acronym" and spelling_variant(mention, ctx.source.lang, o.target):
            return unsure and Severity.INFO  # spelled otherwise, not missing
        if mention.kind in ALWAYS or elsewhere:
            return self.severity
        return unsure
