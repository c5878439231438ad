"""Shared body of NA01/NA02: names of some kinds that the aligned target must render.

Whether a missing name is reported, and how loudly, follows the evidence:

- the other target versions of the release (when there are any): a name most of them leave
  out too is a translation choice (an expanded acronym, a translated show title), an info;
  one they render is a warning;
- the version itself: a name it never writes (lost in two places or more) is a choice, an
  info;
- an acronym the source paragraph spells out beside it (Global Environment Facility (GEF))
  is rendered by its expansion when the target simply has no bracket there: an info; an
  emptied or refilled bracket is a warning; so is an acronym whose capitalised expansion
  (Johnny English for JE) the target writes once more than the source;
- an acronym rendered by its expansion's words: the document spells it out (here or earlier)
  or it is a commonly translated one (CEO, LED, FBI), and the target writes a word of that
  expansion the source link does not (Parlamenti, светодиодными, Federal): an info, unless
  another acronym of the source is written in its place (WMP for MWP);
- a looser transliteration of the name (Merriweather = Мерриуэзер): an info;
- persons, brands, codes and acronyms are warnings; so is any name this version renders in
  most other places; a name the link names more often than the target renders it is
  missing once per missing rendering (acronyms counted with their capitalised expansions
  when a glossary renders them, persons by their surname);
- other capitalised word groups give an info (NA01).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import regex
from rapidfuzz.distance import Indel

from aligncheck.checks.base import PairContext, ReleaseContext, Rule
from aligncheck.extract.name_match import (
    DEFAULT_THRESHOLD,
    NAME_MATCH_CONFIG,
    VARIANT_THRESHOLD,
    NameMatch,
    acronym_renderings,
    bracket_replaced,
    capitalised_keys,
    closest,
    evidence_for,
    glossary_entries,
    glossary_lists,
    initials_run,
    literal_count,
    match_name,
    name_key,
    name_mentions,
    sister_expansion,
    spelling_variant,
    surname_count,
)
from aligncheck.extract.names import (
    NameMention,
    acronym_letters,
    capitalised_expansions,
    document_expansions,
    document_spells,
    function_word,
    known_expansions,
    spelled_out,
)
from aligncheck.glossary.find import LinkText
from aligncheck.model import Finding, Link, Severity
from aligncheck.lang.morph import words
from aligncheck.lang.translit import key, token_score

# Kinds reported as warnings whenever missing (unless the other versions leave them out too).
ALWAYS = ("person", "brand", "code", "acronym")


@dataclass
class _Outcome:
    link: Link
    source: LinkText
    target: LinkText
    mention: NameMention
    match: NameMatch
    where: tuple  # (source segment, name key[, "fewer"]): same in every version
    counts: tuple[int, int] | None = None  # (named in the source link, rendered in the target)

    @property
    def rendered(self) -> bool:
        return self.match.status == "found"


def _check_localised(outcomes: list[_Outcome], lang: str, glossaries) -> list[_Outcome]:
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
        # another acronym of the link closer in length claims it, even one found otherwise
        # (ИИ is AI's, which is also kept in AI Next, not NSF's)
        others: dict[str, list[_Outcome]] = {}
        for o in outcomes:
            if o.mention.kind == "acronym" and o.link == found[0].link and o.where[1] != best.where[1]:
                others.setdefault(o.where[1], []).append(o)
        rivals = {abs(sum(c.isalpha() for c in group[0].mention.text) - letters)
                  for group in others.values()
                  if len(acronym_renderings(group[0].mention, lang, group[0].target, glossaries))
                  < len({o.mention.start for o in group})}  # not rendered as often otherwise
        closer = min(rivals, default=99) < \
            abs(sum(c.isalpha() for c in best.mention.text) - letters)
        for o in found:
            if o.where[1] != best.where[1] or (latin and o.where[1] in otherwise) or closer:
                o.match = NameMatch(o.mention, "missing")
    return outcomes


def _written_out(outcomes: list[_Outcome], lang: str, glossaries) -> list[_Outcome]:
    """An acronym missing where the version writes it out: the words of a localised form it
    uses elsewhere in the document (ФТБ there, Федералды тергеу бюросы here), or, when only
    the built-in list names it, a neighbour language's expansion in the target's spelling
    (Avropa Birliyi, the Turkish Avrupa Birliği, in Azerbaijani)."""
    forms: dict[str, set[str]] = {}
    for o in outcomes:
        if o.mention.kind == "acronym" and o.rendered and o.match.how == "localised acronym":
            text = o.target.text[o.match.start:o.match.end]
            forms.setdefault(o.where[1], set()).add("".join(c for c in text if c.isalpha()))
    for o in outcomes:
        if o.mention.kind != "acronym" or o.match.status != "missing":
            continue
        span = next(filter(None, (initials_run(o.target, f) for f in sorted(forms.get(o.where[1], ())))), None)
        if span is None and not any(project for _, project in glossary_entries(o.mention, lang, glossaries)):
            span = sister_expansion(o.mention, lang, o.target)
        if span is not None:
            o.match = NameMatch(o.mention, "found", *span, "written out")
    return outcomes


def _substituted(o: _Outcome) -> str | None:
    """Another acronym of the source link that the target writes more often than the source
    does (WMP twice where the source has WMPs and MWP): it stands in the missing one's place."""
    for word in words(o.source.text):
        other = _ACRONYM_END.sub("", word.text)
        if other == o.mention.text or len(other) < 2 or not other.isupper() or not other.isalpha():
            continue
        if literal_count(other, o.target.text) > literal_count(other, o.source.text, plural=True):
            return other
    return None


_ACRONYM_END = regex.compile(r"(?<=\p{Lu})(?:['’]?s['’]?|['’])$")


def _fewer_renderings(outcomes: list[_Outcome], lang: str, glossaries,
                      document: str) -> list[_Outcome]:
    """A name a link names more often than its target renders it: the later mentions beyond
    the target's count are missing. A merged link (two paragraphs aligned together) or a
    repeated name hides a loss otherwise. An acronym counts with its capitalised expansions
    (European Union ... EU) against its renderings (kept, transliterated, by a glossary or
    localised); a personal name counts by its surname (Ari Fleischer ... Fleischer wrote)."""
    groups: dict[tuple, list[_Outcome]] = {}
    for o in outcomes:
        if o.mention.kind == "acronym":
            groups.setdefault((o.link.source, "acronym", o.where[1]), []).append(o)
        elif o.mention.kind in ("person", "name"):
            surname = key(words(o.mention.text)[-1].text, lang)
            groups.setdefault((o.link.source, "surname", surname), []).append(o)
    threshold = DEFAULT_THRESHOLD
    for (_, kind, _), group in groups.items():
        found = [o for o in group if o.rendered]
        if not found:
            continue
        first = found[0]
        if kind == "acronym":
            named = len({o.mention.start for o in group})
            expansions = capitalised_expansions(
                first.source.text, acronym_letters(first.mention.text), whole=True)
            if expansions and glossary_lists(first.mention, lang, first.target.lang, glossaries) \
                    and not any(spelled_out(first.source.text, o.mention) for o in found):
                named += len(expansions)
            else:
                expansions = []
            if named <= 1:
                continue  # named once and rendered: nothing to count
            starts = acronym_renderings(first.mention, lang, first.target, glossaries,
                                        first.source.text, document)
            if expansions:
                starts = sorted(set(starts) | _expansion_renderings(expansions, lang, first.target))
            if any(_OPENS.search(first.target.text[:start]) for start in starts):
                continue  # the target defines it in brackets, then may name it in words
            count = len(starts)
        else:
            rivals = capitalised_keys(first.source.text, lang)
            named = surname_count(first.mention.text, lang, first.source, threshold, rivals)
            if named <= 1:
                continue  # named once and rendered: nothing to count
            count = surname_count(first.mention.text, lang, first.target, threshold, rivals)
            if not count:
                continue  # rendered otherwise (a glossary's form): not countable
        fewer = named - count - (len(group) - len(found))  # a missing mention is reported anyway
        if fewer <= 0:
            continue
        for o in sorted(found, key=lambda o: o.mention.start)[-min(fewer, len(found)):]:
            o.match = NameMatch(o.mention, "missing")
            o.where = (*o.where[:2], "fewer")
            o.counts = (named, count)
    return outcomes


def _expansion_renderings(expansions, lang: str, target: LinkText) -> set[int]:
    """Starts of n capitalised target words in a row (n: the words of the source's expansion),
    one of them spelled like one of its words (Еуропа Одағы, Birləşmiş Ştatları): the
    expansion in a form the glossary does not list."""
    n = len(expansions[0])
    own = {key(w.text, lang) for run in expansions for w in run}
    tokens = target.tokens
    capital = [t.text[:1].isupper() and not t.text.isupper() for t in tokens]
    found = set()
    for i in range(len(tokens) - n + 1):
        window = tokens[i:i + n]
        if all(capital[i:i + n]) and \
                not any(target.text[a.end:b.start].strip() for a, b in pairwise(window)) and \
                any(token_score(k, lang, t.text, target.lang) >= VARIANT_THRESHOLD - 0.05
                    for t in window for k in own):
            found.add(window[0].start)
    return found


_OPENS = regex.compile(r"[(\[]\s*$")


def _expansion_instead(ctx: PairContext, o: _Outcome) -> bool:
    """The source link also writes the acronym's expansion in capitalised words (Andres Manuel
    Lopez Obrador for AMLO, Johnny English for JE), and the target writes that expansion's
    last word more often than the source does: the acronym is rendered by its expansion."""
    threshold = float(DEFAULT_THRESHOLD)
    for expansion in capitalised_expansions(o.source.text, acronym_letters(o.mention.text)):
        last = expansion[-1].text
        named = surname_count(last, ctx.source.lang, o.source, threshold)
        if surname_count(last, ctx.source.lang, o.target, threshold) > named:
            return True
    return False


def _in_words(ctx: PairContext, o: _Outcome) -> bool:
    """Is the missing acronym rendered by its expansion? The document spells it out (beside it
    in brackets, here or earlier, or in capitalised initials) or it is a commonly translated
    one (CEO, LED, FBI), and the target writes a word of that expansion (Parlamenti,
    светодиодными, Federal) that the source link does not write. Not where another acronym
    of the source stands in its place, nor where the target empties or refills its bracket."""
    if _substituted(o) or bracket_replaced(o.source.text, o.target.text):
        return False
    lang = ctx.source.lang
    earlier = [s.text for s in ctx.source.segments[:o.where[0] + 1]]
    expansions = [[w.text for w in run] for run in document_expansions(earlier, o.mention.text)]
    expansions += [phrase.split() for phrase in known_expansions(o.mention.text)]
    seen = set()
    for run in expansions:
        for word in (part for w in run for part in w.split("-")):
            own = key(word, lang)
            if len(own) < 4 or function_word(word) or own in seen:
                continue
            seen.add(own)
            if not _word_count(own, lang, words(o.source.text), lang) and \
                    _word_count(own, lang, o.target.tokens, o.target.lang):
                return True
    return False


def _word_count(own: str, lang: str, tokens, side_lang: str) -> int:
    """Words rendering one source word: its key starting them, but for a letter or two (with
    any ending: direktorudur, Parlamenti), or held whole inside a compound (светодиодными
    holds диод)."""
    count = 0
    for t in tokens:
        other = key(t.text, side_lang)
        if other[:1] == own[:1] and Indel.normalized_similarity(own, other[:len(own)]) >= 0.8 or \
                own in other:
            count += 1
    return count


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
        document = "\n\n".join(s.text for s in ctx.source.segments)
        for link, source, target, mention in todo:  # learn spellings first
            match_name(mention, ctx.source.lang, target, glossaries, threshold, aliases,
                       source_text=source.text, source_document=document)
        outcomes = []
        for link, source, target, mention in todo:
            match = match_name(mention, ctx.source.lang, target, glossaries, threshold, aliases,
                               source_text=source.text, source_document=document)
            span = source.span(mention.start, mention.end)
            segment = span.segment if span else link.source[0]
            where = (segment, name_key(mention.text, source.lang))
            outcomes.append(_Outcome(link, source, target, mention, match, where))
        outcomes = _written_out(_check_localised(outcomes, ctx.source.lang, glossaries),
                                ctx.source.lang, glossaries)
        return _fewer_renderings(outcomes, ctx.source.lang, glossaries, document)

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
            # lost in two places or more, and (an acronym) in more places than it is kept
            systematic = lost[name] > 1 and (rendered.get(name, 0) == 0 or (
                mention.kind == "acronym" and not o.counts and lost[name] > rendered[name]
                and document_spells(tuple(s.text for s in ctx.source.segments), mention.text)))
            verdicts = [version.get(o.where, version.get(o.where[:2])) for version in others]
            verdicts = [v for v in verdicts if v is not None]
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
                f" as often as the source names it ({o.counts[0]} times, rendered {o.counts[1]})"
                if o.counts else "")
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
        if mention.kind == "acronym" and _expansion_instead(ctx, o):
            return unsure and Severity.INFO  # its capitalised expansion is written once more
        if o.counts and mention.kind == "acronym" and \
                document_spells(tuple(s.text for s in ctx.source.segments), mention.text):
            return unsure and Severity.INFO  # a common-noun expansion may render it too
        if o.counts and mention.kind != "acronym":
            rivals = capitalised_keys(o.source.text, ctx.source.lang)
            if surname_count(mention.text, ctx.source.lang, o.target, VARIANT_THRESHOLD,
                             rivals) >= o.counts[0]:
                return unsure and Severity.INFO  # spelled otherwise where it counts less
        elif mention.kind != "acronym" and spelling_variant(mention, ctx.source.lang, o.target):
            return unsure and Severity.INFO  # spelled otherwise, not missing
        if mention.kind == "acronym" and _in_words(ctx, o):
            return unsure and Severity.INFO  # rendered by its expansion's words
        if mention.kind in ALWAYS or elsewhere:
            return self.severity
        return unsure
