"""How a target version renders the names of its source, link by link.

`version_outcomes` matches every source name of the wanted kinds in its link's target
(`name_match.match_name`, spellings learnt over the whole version first), then refines the
matches with what the version shows elsewhere: a localised acronym nothing contradicts
(`check_localised`), an acronym written out (`written_out`), a name the link names more often
than the target renders it (`fewer_renderings`). `expansion_instead` and `in_words` tell
whether a missing acronym is rendered by its expansion. Whether a missing name is reported,
and how severely, is NA01/NA02's decision (checks/name/common.py).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

import regex
from rapidfuzz.distance import Indel

from aligncheck.extract.name_match import (
    DEFAULT_THRESHOLD,
    VARIANT_THRESHOLD,
    NameMatch,
    acronym_renderings,
    bracket_replaced,
    capitalised_keys,
    evidence_for,
    glossary_entries,
    glossary_lists,
    initials_run,
    literal_count,
    match_name,
    name_key,
    name_mentions,
    sister_expansion,
    surname_count,
)
from aligncheck.extract.names import (
    NameEvidence,
    NameMention,
    acronym_letters,
    capitalised_expansions,
    document_expansions,
    function_word,
    known_expansions,
    spelled_out,
)
from aligncheck.glossary.find import LinkText
from aligncheck.lang.morph import Word, words
from aligncheck.lang.translit import key, token_score
from aligncheck.model import Link, Segmentation


@dataclass
class NameOutcome:
    """One source mention of a name and how its link's target renders it."""

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


def check_localised(outcomes: list[NameOutcome], lang: str, glossaries) -> list[NameOutcome]:
    """A localised acronym no glossary lists is accepted only where nothing contradicts it:
    an ASCII one (a Latin acronym like the source's own) not where the version keeps or
    transliterates that acronym elsewhere (SNL there, MWP here), and each target word for
    one source acronym of a paragraph (the closest in length). A localised form in other
    letters (ЖЭҚ) may alternate with the kept acronym."""
    otherwise = {o.where[1] for o in outcomes if o.rendered and o.match.how != "localised acronym"}
    users: dict[tuple, list[NameOutcome]] = {}
    for o in outcomes:
        if o.match.how == "localised acronym":
            users.setdefault((o.link.target, o.match.start), []).append(o)
    for (_, start), found in users.items():
        letters = sum(c.isalpha() for c in found[0].target.text[start : found[0].match.end])
        best = min(
            {o.where[1]: o for o in found}.values(),
            key=lambda o: (abs(sum(c.isalpha() for c in o.mention.text) - letters), o.where),
        )
        latin = found[0].target.text[start : found[0].match.end].isascii()
        # another acronym of the link closer in length claims it, even one found otherwise
        # (ИИ is AI's, which is also kept in AI Next, not NSF's)
        others: dict[str, list[NameOutcome]] = {}
        for o in outcomes:
            if (
                o.mention.kind == "acronym"
                and o.link == found[0].link
                and o.where[1] != best.where[1]
            ):
                others.setdefault(o.where[1], []).append(o)
        rivals = {
            abs(sum(c.isalpha() for c in group[0].mention.text) - letters)
            for group in others.values()
            if len(acronym_renderings(group[0].mention, lang, group[0].target, glossaries))
            < len({o.mention.start for o in group})
        }  # not rendered as often otherwise
        closer = min(rivals, default=99) < abs(
            sum(c.isalpha() for c in best.mention.text) - letters
        )
        for o in found:
            if o.where[1] != best.where[1] or (latin and o.where[1] in otherwise) or closer:
                o.match = NameMatch(o.mention, "missing")
    return outcomes


def written_out(outcomes: list[NameOutcome], lang: str, glossaries) -> list[NameOutcome]:
    """An acronym missing where the version writes it out: the words of a localised form it
    uses elsewhere in the document (ФТБ there, Федералды тергеу бюросы here), or, when only
    the built-in list names it, a neighbour language's expansion in the target's spelling
    (Avropa Birliyi, the Turkish Avrupa Birliği, in Azerbaijani)."""
    forms: dict[str, set[str]] = {}
    for o in outcomes:
        if o.mention.kind == "acronym" and o.rendered and o.match.how == "localised acronym":
            text = o.target.text[o.match.start : o.match.end]
            forms.setdefault(o.where[1], set()).add("".join(c for c in text if c.isalpha()))
    for o in outcomes:
        if o.mention.kind != "acronym" or o.match.status != "missing":
            continue
        span = next(
            filter(None, (initials_run(o.target, f) for f in sorted(forms.get(o.where[1], ())))),
            None,
        )
        if span is None and not any(
            project for _, project in glossary_entries(o.mention, lang, glossaries)
        ):
            span = sister_expansion(o.mention, lang, o.target)
        if span is not None:
            o.match = NameMatch(o.mention, "found", *span, "written out")
    return outcomes


def _substituted(o: NameOutcome) -> str | None:
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


def fewer_renderings(
    outcomes: list[NameOutcome], lang: str, glossaries, document: str
) -> list[NameOutcome]:
    """A name a link names more often than its target renders it: the later mentions beyond
    the target's count are missing. A merged link (two paragraphs aligned together) or a
    repeated name hides a loss otherwise. An acronym counts with its capitalised expansions
    (European Union ... EU) against its renderings (kept, transliterated, by a glossary or
    localised); a personal name counts by its surname (Ari Fleischer ... Fleischer wrote)."""
    groups: dict[tuple, list[NameOutcome]] = {}
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
                first.source.text, acronym_letters(first.mention.text), whole=True
            )
            if (
                expansions
                and glossary_lists(first.mention, lang, first.target.lang, glossaries)
                and not any(spelled_out(first.source.text, o.mention) for o in found)
            ):
                named += len(expansions)
            else:
                expansions = []
            if named <= 1:
                continue  # named once and rendered: nothing to count
            starts = acronym_renderings(
                first.mention, lang, first.target, glossaries, first.source.text, document
            )
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
        for o in sorted(found, key=lambda o: o.mention.start)[-min(fewer, len(found)) :]:
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
        window = tokens[i : i + n]
        if (
            all(capital[i : i + n])
            and not any(target.text[a.end : b.start].strip() for a, b in pairwise(window))
            and any(
                token_score(k, lang, t.text, target.lang) >= VARIANT_THRESHOLD - 0.05
                for t in window
                for k in own
            )
        ):
            found.add(window[0].start)
    return found


_OPENS = regex.compile(r"[(\[]\s*$")


def expansion_instead(source: Segmentation, o: NameOutcome) -> bool:
    """The source link also writes the acronym's expansion in capitalised words (Andres Manuel
    Lopez Obrador for AMLO, Johnny English for JE), and the target writes that expansion's
    last word more often than the source does: the acronym is rendered by its expansion."""
    threshold = float(DEFAULT_THRESHOLD)
    for expansion in capitalised_expansions(o.source.text, acronym_letters(o.mention.text)):
        last = expansion[-1].text
        named = surname_count(last, source.lang, o.source, threshold)
        if surname_count(last, source.lang, o.target, threshold) > named:
            return True
    return False


def in_words(source: Segmentation, o: NameOutcome) -> bool:
    """Is the missing acronym rendered by its expansion? The document spells it out (beside it
    in brackets, here or earlier, or in capitalised initials) or it is a commonly translated
    one (CEO, LED, FBI), and the target writes a word of that expansion (Parlamenti,
    светодиодными, Federal) that the source link does not write. Not where another acronym
    of the source stands in its place, nor where the target empties or refills its bracket."""
    if _substituted(o) or bracket_replaced(o.source.text, o.target.text):
        return False
    lang = source.lang
    earlier = [s.prose for s in source.segments[: o.where[0] + 1]]
    expansions = [[w.text for w in run] for run in document_expansions(earlier, o.mention.text)]
    expansions += [phrase.split() for phrase in known_expansions(o.mention.text)]
    seen = set()
    for run in expansions:
        for word in (part for w in run for part in w.split("-")):
            own = key(word, lang)
            if len(own) < 4 or function_word(word) or own in seen:
                continue
            seen.add(own)
            if not _word_count(own, lang, words(o.source.text), lang) and _word_count(
                own, lang, o.target.tokens, o.target.lang
            ):
                return True
    return False


def _word_count(own: str, lang: str, tokens, side_lang: str) -> int:
    """Words rendering one source word: its key starting them, but for a letter or two (with
    any ending: direktorudur, Parlamenti), or held whole inside a compound (светодиодными
    holds диод)."""
    count = 0
    for t in tokens:
        other = key(t.text, side_lang)
        if (
            other[:1] == own[:1]
            and Indel.normalized_similarity(own, other[: len(own)]) >= 0.8
            or own in other
        ):
            count += 1
    return count


def version_outcomes(
    source: Segmentation,
    target: Segmentation,
    links: Iterable[Link],
    kinds: tuple[str, ...],
    glossaries,
    threshold: float,
    evidence: NameEvidence | None = None,
) -> list[NameOutcome]:
    """Each mention of a name of `kinds` in a linked source segment, with how the target
    version renders it; `evidence` says which words are names (the source document's own,
    by default)."""
    lang = source.lang
    evidence = evidence or evidence_for([s.prose for s in source.segments], lang)
    aliases: dict[str, set[str]] = {}
    todo = []
    for link in links:
        if not link.source or not link.target:
            continue
        src, tgt = LinkText(source, link.source), LinkText(target, link.target)
        for mention in name_mentions(src, evidence):
            if mention.kind in kinds:
                todo.append((link, src, tgt, mention))
    document = "\n\n".join(s.prose for s in source.segments)

    def match(src: LinkText, tgt: LinkText, mention):
        return match_name(
            mention,
            lang,
            tgt,
            glossaries,
            threshold,
            aliases,
            source_text=src.text,
            source_document=document,
        )

    for link, src, tgt, mention in todo:  # learn spellings (aliases) first
        match(src, tgt, mention)
    outcomes = []
    for link, src, tgt, mention in todo:
        found = match(src, tgt, mention)
        span = src.span(mention.start, mention.end)
        segment = span.segment if span else link.source[0]
        where = (segment, name_key(mention.text, src.lang))
        outcomes.append(NameOutcome(link, src, tgt, mention, found, where))
    outcomes = one_name_per_word(spread_repeats(outcomes), lang)
    outcomes = written_out(check_localised(outcomes, lang, glossaries), lang, glossaries)
    return fewer_renderings(outcomes, lang, glossaries, document)


def spread_repeats(outcomes: list[NameOutcome]) -> list[NameOutcome]:
    """Mentions of one name in a link take distinct renderings, in order. The matcher finds
    each mention's best rendering on its own, so two mentions of Rockies both took the first
    'Рокиз' and left the second free, which then passed for the rendering of another name
    (Colorado Rockies, changed). Only one-word capitalised renderings are spread, over the
    capitalised target words of their stem (the word less two letters of ending) that render
    no other name of the link, and only when there are exactly as many as mentions."""
    links: dict[tuple, dict[str, list[NameOutcome]]] = {}
    for o in outcomes:
        if o.rendered and o.match.start >= 0:
            groups = links.setdefault((o.link.source, o.link.target), {})
            groups.setdefault(o.where[1], []).append(o)
    for groups in links.values():
        repeated = [
            g for g in groups.values() if len({(o.match.start, o.match.end) for o in g}) < len(g)
        ]
        if repeated:
            _spread_link(groups, repeated)
    return outcomes


def _spread_link(groups: dict[str, list[NameOutcome]], repeated: list[list[NameOutcome]]) -> None:
    """`spread_repeats` for one link: its tokens and their keys are read once."""
    target = repeated[0][0].target
    lang = target.lang
    capitals = [(w, key(w.text, lang) or "") for w in target.tokens if w.text[:1].isupper()]
    at = {(w.start, w.end): k for w, k in capitals}
    by_onset: dict[str, list[tuple[Word, str]]] = {}  # the first three letters of a key
    for w, k in capitals:
        by_onset.setdefault(k[:3], []).append((w, k))
    claimed: dict[tuple[int, int], set[str]] = {}  # a capitalised token -> the names it renders
    for name, group in groups.items():
        for o in group:
            for w, _ in _overlapping(capitals, o.match.start, o.match.end):
                claimed.setdefault((w.start, w.end), set()).add(name)
    for group in repeated:
        name = group[0].where[1]
        spans = {(o.match.start, o.match.end) for o in group}
        keys = [at.get(span, "") for span in spans]
        if any(len(k) < 4 for k in keys):
            continue  # a rendering of several words, inside one, lower-case or short
        stems = tuple({k[: max(3, len(k) - 2)] for k in keys})
        candidates = sorted(
            {c for onset in {k[:3] for k in stems} for c in by_onset.get(onset, ())},
            key=lambda c: c[0].start,
        )
        same = [
            w
            for w, k in candidates
            if k.startswith(stems) and not claimed.get((w.start, w.end), set()) - {name}
        ]
        if len(same) != len(group):
            continue
        for o, w in zip(sorted(group, key=lambda o: o.mention.start), same):
            o.match = NameMatch(o.mention, o.match.status, w.start, w.end, o.match.how)


def _overlapping(capitals: list, start: int, end: int) -> list:
    """The (token, key) pairs of `capitals` (in text order) overlapping [start, end)."""
    out = []
    k = bisect_left(capitals, start + 1, key=lambda c: c[0].end)
    while k < len(capitals) and capitals[k][0].start < end:
        out.append(capitals[k])
        k += 1
    return out


CLAIM_MARGIN = 0.1  # how much better another name must spell a target word to take it


def _spelling(o: NameOutcome, lang: str) -> float:
    """How well the target words o is matched to spell the name (1 for a literal, CLDR or
    glossary match)."""
    if o.match.how != "transliteration":
        return 1.0
    text = o.target.text[o.match.start : o.match.end]
    target_lang = o.target.lang
    return max(
        (
            token_score(key(a.text, lang), lang, b.text, target_lang)
            for a in words(o.mention.text)
            for b in words(text)
        ),
        default=0.0,
    )


def one_name_per_word(outcomes: list[NameOutcome], lang: str) -> list[NameOutcome]:
    """A target word spells one source name: a transliteration match on words that another
    name of the link spells clearly better (Kelly matched to Кулибалиді, which renders
    Coulibaly) is no rendering, so Kelly left out is seen. Acronyms are left alone: their
    expansion's words render them too (EU as Avropa Birliyi)."""
    by_link: dict[tuple, list[NameOutcome]] = {}
    for o in outcomes:
        if o.rendered and o.match.start >= 0 and o.mention.kind != "acronym":
            by_link.setdefault((o.link.source, o.link.target), []).append(o)
    for outcomes_of_link in by_link.values():
        # mentions of one name matched to one span are decided once (a long paragraph may
        # match thousands of mentions of a name to the same few spans)
        alike: dict[tuple, list[NameOutcome]] = {}
        for o in outcomes_of_link:
            key = (o.match.start, o.match.end, o.where[1], o.mention.text, o.match.how)
            alike.setdefault(key, []).append(o)
        members = {id(same[0]): same for same in alike.values()}
        group = [same[0] for same in alike.values()]
        if len(group) < 2:
            continue
        group.sort(key=lambda o: (o.match.start, o.match.end))
        starts = [o.match.start for o in group]
        longest = max(o.match.end - o.match.start for o in group)
        scores: dict[int, float] = {}

        def score(o: NameOutcome) -> float:
            if id(o) not in scores:
                scores[id(o)] = _spelling(o, lang)
            return scores[id(o)]

        taken = []
        for o in group:
            if o.match.how != "transliteration":
                continue
            # the matches overlapping o start after o.start - longest and before o.end
            lo = bisect_left(starts, o.match.start - longest)
            hi = bisect_left(starts, o.match.end)
            for other in group[lo:hi]:
                if (
                    other is not o
                    and other.where[1] != o.where[1]
                    and o.match.start < other.match.end
                    and score(other) >= score(o) + CLAIM_MARGIN
                ):
                    taken.append(o)
                    break
        for first in taken:  # decided on the matches as found, not as each decision leaves them
            for o in members[id(first)]:
                o.match = NameMatch(o.mention, "missing")
    return outcomes
