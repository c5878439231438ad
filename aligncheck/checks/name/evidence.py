"""What the severity of a missing name depends on (checks/name/common.py reads it).

`Case` is one source name at one place of one version, with the evidence about it: what the
other versions write there, what word alignment puts where its words go, how this version
writes it elsewhere. The helpers say which mentions are worth checking and what counts as a
rendering written as a name.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

import regex
from babel.core import get_global
from rapidfuzz.distance import Indel

from aligncheck.align.words import (
    beside_neighbours,
    gap_between_neighbours,
    link_alignment,
    target_span_of,
)
from aligncheck.checks.base import PairContext
from aligncheck.extract.name_match import (
    DEFAULT_THRESHOLD,
    VARIANT_THRESHOLD,
    capitalised_keys,
    cldr_concepts,
    closest_span,
    naming_words,
    same_onset,
    surname_count,
)
from aligncheck.extract.name_renderings import NameOutcome
from aligncheck.extract.names import (
    NameEvidence,
    NameMention,
    document_spells,
    name_like,
    possessive,
    sentence_initial,
    strip_possessive,
)
from aligncheck.lang.cldr_names import calendar_names
from aligncheck.lang.frequency import zipf
from aligncheck.lang.morph import Word, russian_common_word, words
from aligncheck.lang.translit import key, token_score
from aligncheck.segment.units import split_sentences

# Kinds reported as warnings whenever missing (unless the other versions leave them out too).
ALWAYS = ("person", "brand", "code", "acronym")
# Kinds (single capitalised words: places, organisations, often translated) reported only on
# evidence: the other versions render them, or CLDR names them.
EVIDENCE_ONLY = ("proper",)


@dataclass(frozen=True)
class Case:
    """What the severity of one missing name depends on."""

    ctx: PairContext
    o: NameOutcome
    elsewhere: bool  # this version renders the name in most other places
    systematic: bool  # this version never writes it (lost in two places or more)
    kept: int  # other versions that render it at this place
    dropped: int  # other versions that leave it out there too
    in_run: bool = False  # beside a name this version renders, in one capitalised run
    spelled: tuple[tuple[str, str], ...] = ()  # (text, lang) of the other versions' renderings
    taken: tuple[tuple[int, int], ...] = ()  # target spans rendering other names of the link
    # per other version: where -> (what it writes where the name's words are aligned, its
    # language) when it does not render the name there either
    others_instead: tuple = ()
    kin_leave: bool = False  # the other versions in this one's script leave it out there too

    def agrees_with_others(self) -> bool:
        """What this version writes where the name's words are aligned, another version that
        does not spell the name out writes too (Ким Чен Ыном, Ким Чен Ынмен): a conventional
        rendering the versions share, learnt from the release, not a changed name. One word
        of three letters or more in common is enough (either may carry an ending)."""
        mine = self.instead()
        if not mine:
            return False
        lang = self.o.target.lang
        own = [w.text for w in words(mine) if len(key(w.text, lang)) >= 3]
        for ask in self.others_instead:
            theirs = ask(self.o.where)
            if not theirs:
                continue
            text, other_lang = theirs
            for a in own:
                for b in (w.text for w in words(text) if len(key(w.text, other_lang)) >= 3):
                    if _alike(a, lang, b, other_lang):
                        return True
        return False

    def spelled_as_others(self) -> bool:
        """The target writes, in this link, a word like the other versions' rendering of the
        name (Уэйдті where ru writes Уэйд and az Ueyd): the version renders it as they do, in
        a spelling the source name alone does not reach. Where another version writes it in
        lower case (японский for Japanese: a language or nationality word), a word in lower
        case counts too (tk ýaponça, as tr Japonca and az Yapon)."""
        lower = any(text[:1].islower() for text, _ in self.spelled)
        tokens = [
            t
            for t in self.o.target.tokens
            if (lower or t.text[:1].isupper())
            and not any(a < t.end and t.start < b for a, b in self.taken)
        ]
        target_lang = self.o.target.lang
        named = len(words(self.naming.text))  # Wesbanco of Wesbanco Arena: their first word
        for text, lang in self.spelled:
            parts = [key(w.text, lang) for w in words(text)]
            if named < len(words(self.o.mention.text)):
                parts = parts[:named]
            last = next((k for k in reversed(parts) if len(k) >= 2), "")
            if not last:
                continue
            for token in tokens:
                if (
                    same_onset(last, key(token.text, target_lang) or "?")
                    and token_score(last, lang, token.text, target_lang) >= OTHERS_SPELLING
                ):
                    return True
        return False

    @cached_property
    def naming(self) -> NameMention:
        """The words that name it (Wesbanco of Wesbanco Arena): what the rows that look for
        a looser spelling of it look for."""
        return naming_words(self.o.mention, self.lang)

    @property
    def acronym(self) -> bool:
        return self.o.mention.kind == "acronym"

    @property
    def lang(self) -> str:
        return self.ctx.source.lang

    @property
    def personal(self) -> bool:
        """A person, or a name of two words or more (people, mostly)."""
        return self.o.mention.kind in ("person", "name")

    @property
    def spelled_not_translated(self) -> bool:
        """A person or a rare word: what one version spells, the others did not agree to
        leave out (the first two rows of SEVERITY_TABLE)."""
        return self.personal or self.rare

    @property
    def rare(self) -> bool:
        """Not an acronym, and a word of it is rare in the source language (under RARE_ZIPF:
        Palu, Tlatelolco, Sinovation): a name to every translator, spelled rather than
        translated, so no omission the versions could agree on."""
        return self._rarer_than(RARE_ZIPF)

    @property
    def unlisted(self) -> bool:
        """Not an acronym, and a word of it is no word of the source language's common list
        (under UNLISTED_ZIPF: Scherzer, Debenhams, Essie): a coined name, never a word a
        translation renders in lower case."""
        return self._rarer_than(UNLISTED_ZIPF)

    def _rarer_than(self, limit: float) -> bool:
        if self.acronym:
            return False
        return any(
            (z := zipf(w.text, self.lang)) is not None and z < limit
            for w in words(self.o.mention.text)
        )

    @property
    def cldr(self) -> bool:
        text = self.o.mention.text
        return any((a, b) == (0, len(text)) for a, b, _ in cldr_concepts(text, self.lang))

    def city_as_country(self) -> bool:
        """A CLDR city the target names by its country, more often than the source link
        names that country (Madrid's ruling as 'by the Spanish government', Испании): the
        capital standing for the state, resolved by the translator."""
        zones = get_global("zone_territories")
        o = self.o
        cities = [c for *_, c in cldr_concepts(o.mention.text, self.lang) if c.startswith("city:")]
        countries = {f"territory:{zones[c[5:]]}" for c in cities if c[5:] in zones}
        if not countries:
            return False
        named = [c for _, _, c in cldr_concepts(o.target.text, o.target.lang) if c in countries]
        in_source = [c for _, _, c in cldr_concepts(o.source.text, self.lang) if c in countries]
        return len(named) > len(in_source)

    def document_spells(self) -> bool:
        texts = tuple(s.prose for s in self.ctx.source.segments)
        return document_spells(texts, self.o.mention.text)

    @cached_property
    def aligned(self) -> str | None:
        """The target words the name's words are aligned to ("" when none is; None when there
        is no word alignment)."""
        span = self._aligned_span
        if span is None:
            return None
        return "" if span == () else self.o.target.text[span[0] : span[1]]

    @cached_property
    def _aligned_span(self) -> tuple[int, ...] | None:
        """(start, end) of `aligned`, () when nothing is aligned, None without alignment."""
        o = self.o
        alignment = link_alignment(self.ctx, o.source.text, o.target.text)
        if alignment is None:
            return None
        return target_span_of(o.mention.start, o.mention.end, alignment) or ()

    @cached_property
    def run(self) -> str | None:
        """The longer capitalised run the name is a word of, if any (`run_around`): the words
        around it tell an editor which name it is."""
        source = self.o.source
        tokens = source.tokens
        starts = self.ctx.remember(("token starts", source.text), lambda: [t.start for t in tokens])
        return run_around(source.text, tokens, starts, self.o.mention.start, self.o.mention.end)

    def aligned_to_other(self) -> bool:
        """The words the name's words are aligned to render another mention of the link (two
        source mentions of Kavanaugh, aligned to the one the target keeps)."""
        span = self._aligned_span
        return bool(span) and any(a < span[1] and span[0] < b for a, b in self.taken)

    @cached_property
    def closest(self) -> str | None:
        span = self._closest_span
        return self.o.target.text[span[0] : span[1]] if span else None

    @cached_property
    def _closest_span(self) -> tuple[int, int] | None:
        return closest_span(self.naming, self.lang, self.o.target, self.taken)

    def aligned_closest(self) -> bool:
        """The capitalised words most like the name (a looser transliteration: Qlazqo, Don
        Qoyo, Селли Оук) are where the name's words are aligned, one of them spells its
        surname (`_surname_unspelled`), and none of them is another name: the name is spelled
        otherwise there, not left out or changed."""
        near, aligned = self.closest, self.aligned
        if not (near and aligned and (near in aligned or aligned in near)):
            return False
        if self._surname_unspelled(near):
            return False  # only a first name is like it: Gerard-ın for Gary Holt
        return not self.closest_changed

    def _surname_unspelled(self, near: str) -> bool:
        """A name of two words or more whose last word is a surname (a person's, or a word
        rare in the language: Holt, Nugroho; not Struggle of a headline's 'Harlem Struggle'),
        and no word of `near` spells that last word, even loosely."""
        names = words(self.naming.text)
        if len(names) < 2:
            return False
        z = zipf(strip_possessive(names[-1].text), self.lang)
        if self.o.mention.kind != "person" and (z is None or z >= RARE_ZIPF):
            return False
        own = last_key(self.naming.text, self.lang)
        return not any(loosely_inflected(own, key(w.text, self.o.target.lang)) for w in words(near))

    @cached_property
    def closest_changed(self) -> str | None:
        """The capitalised words most like the name when one of them is another name: a kept
        first name beside another surname (Dennis Lee for Dennis McCarthy, Дон Трамп)."""
        span, text = self._closest_span, self.o.target.text
        if span is None:
            return None
        at, near = span[0], text[span[0] : span[1]]
        inside = [
            w
            for w in words(near)
            if not sentence_initial(text, Word(w.text, at + w.start, at + w.end))
        ]
        if not any(self._foreign(w.text) for w in inside):
            return None
        return near[inside[0].start : inside[-1].end]  # without a word starting the sentence

    def _foreign(self, word: str) -> bool:
        """A capitalised target word that spells no word of the name, even loosely, and no
        capitalised word of the source link (another name, not this one spelled otherwise);
        a Russian common word is none."""
        lang, target_lang = self.lang, self.o.target.lang
        theirs = key(word, target_lang)
        if not theirs or not word[:1].isupper():
            return False
        parts = (p for w in words(self.o.mention.text) for p in _GLUE.split(w.text))
        own = [k for p in parts if (k := key(p, lang))]  # Kim-Trump is Kim and Trump
        if any(loosely_inflected(a, theirs) or loosely_inflected(theirs, a) for a in own):
            return False
        return self._names_no_source_word(word)

    def _names_no_source_word(self, word: str) -> bool:
        """A capitalised target word that spells no capitalised word of the source link (the
        name matcher's threshold) and is no capitalised Russian common word (Зависимости
        FastAPI, центральные Скалистые горы): the stranger test's and the closest run's."""
        lang, target_lang = self.lang, self.o.target.lang
        if target_lang == "ru" and russian_common_word(word):
            return False
        return not any(
            token_score(k, lang, word, target_lang) >= STRANGER for k in self._rivals if k
        )

    @cached_property
    def _rivals(self) -> frozenset[str]:
        """Keys of the source link's capitalised words, read once per link and release."""
        text, lang = self.o.source.text, self.lang
        return self.ctx.remember(
            ("capitalised keys", text, lang), lambda: capitalised_keys(text, lang)
        )

    def instead(self) -> str | None:
        """The other name the target writes where this one's words are aligned: capitalised
        words, one name long (Assad rendered as 'Линдквистом'); None when there is none."""
        text = (self.aligned or "").strip()
        if not text or not text[:1].isupper() or _CLAUSE.search(text):
            return None
        return text if self._name_long(text) else None

    def _name_long(self, text: str) -> bool:
        """Could `text` be one name standing for this one (at most twice its length and 12
        characters), not words the alignment spread over a clause?"""
        return len(text) <= 2 * len(self.o.mention.text) + 12

    @property
    def piece(self) -> bool:
        """A single word of a longer capitalised run (Regional of Regional Water Office)."""
        if self.o.mention.kind not in EVIDENCE_ONLY:
            return False
        text, m = self.o.source.text, self.o.mention
        before = regex.search(r"(\p{L}+)[ \-]$", text[: m.start])
        after = regex.match(r"[ \-](\p{L})", text[m.end :])
        return bool(before and before.group(1)[0].isupper() or after and after.group(1).isupper())

    def aligned_variant(self) -> bool:
        """Where the name's words are aligned, the target writes a looser transliteration of
        it (Ohio as Огайо, Puig as Пуч): starting with the same sound and sharing at least
        half its letters (LOOSE_ALIGNED), which another name put in its place rarely does.
        Not where those words render another mention of the link (`aligned_to_other`)."""
        instead = self.instead()
        if not instead or self.aligned_to_other():
            return False
        own, other = last_key(self.naming.text, self.lang), last_key(instead, self.o.target.lang)
        return bool(own and other) and loose_spelling(own, other)

    def translated(self) -> bool:
        """The name's words are aligned to target words written in lower case (Ocean ->
        мұхиты), or to a looser spelling of it: the version translates or spells it, it does
        not leave it out. Not words spread over a clause (more than twice the name's length
        and 12 characters): the alignment scattered, no translation of a name."""
        text = self.aligned
        if not text or not self._name_long(text):
            return False
        first = next((c for c in text if c.isalpha()), "")
        return bool(first) and first.islower() and first.upper() != first

    def stranger(self, in_gap: bool = False) -> str | None:
        """A capitalised word inside a target sentence, next to where the name's words are
        aligned (NEAR), that spells no capitalised word of the source link and renders no
        other name there: another name put in this one's place, whatever word the
        alignment picked. With `in_gap`, where no word of the name is aligned, also next to
        the gap between its aligned neighbours (agency spokesman X told: 'өкілі Трамп'), or,
        where their renderings leave no gap (crossed, far apart), beside the rendering of a
        neighbour NEAR the name ('Google we Leslie' for Google and Apple), unless the name
        is a word of a capitalised run: beside the rendering of a run's neighbour stands the
        rest of the run's translation ('Robot Mücadelesi' for Robotics Challenge)."""
        return self._strangers[in_gap]

    @cached_property
    def _strangers(self) -> tuple[str | None, str | None]:
        o = self.o
        alignment = link_alignment(self.ctx, o.source.text, o.target.text)
        if not alignment:
            return None, None
        span = target_span_of(o.mention.start, o.mention.end, alignment)
        if span:
            found = self._stranger_near(span)
            return found, found
        gap = gap_between_neighbours(o.mention.start, o.mention.end, alignment, 2 * NEAR)
        if gap or self.piece:  # beside a run's neighbour stands the rest of the run
            return None, gap and self._stranger_near(gap)
        beside = beside_neighbours(o.mention.start, o.mention.end, alignment, NEAR)
        return None, next(filter(None, map(self._stranger_near, beside)), None)

    def _stranger_near(self, span: tuple[int, int]) -> str | None:
        o = self.o
        tokens = o.target.tokens
        ends = self.ctx.remember(("token ends", o.target.text), lambda: [t.end for t in tokens])
        first = bisect_left(ends, span[0] - NEAR)  # ends rise with starts
        for k in range(first, len(tokens)):  # no slice: a copy of a long text's tail per name
            token = tokens[k]
            if token.start > span[1] + NEAR:
                break
            if not token.text[:1].isupper() or sum(ch.isalpha() for ch in token.text) < 3:
                continue
            if any(a < token.end and token.start < b for a, b in self.taken):
                continue
            if sentence_initial(o.target.text, token):
                continue
            if self._names_no_source_word(token.text):
                return token.text
        return None

    def said_otherwise(self) -> bool:
        """Leave the name out of its source sentence: if that brings the sentence no closer
        to its most similar target sentence (by at most SAID_OTHERWISE of what leaving it
        out moves the source itself), the target carries what the name says in words of its
        own (Robot Mücadelesi, Кубок шотландской лиги, İskoçya'da) rather than lacking it.
        False without an embedder."""
        share = self._closer_without
        return share is not None and share <= SAID_OTHERWISE

    def lacks(self) -> bool:
        """The other way round: leaving the name out brings its sentence closer to the target
        by at least LACKS of what it moves the source: the target sentence lacks it."""
        share = self._closer_without
        return share is not None and share >= LACKS

    @cached_property
    def _closer_without(self) -> float | None:
        """How much closer to its most similar target sentence the name's source sentence
        comes without the name, as a share of how far that moves the source sentence; None
        without an embedder or target sentences."""
        o = self.o
        return closer_without(
            self.ctx, o.source.text, self.lang, o.mention, o.target.text, o.target.lang
        )

    def variant_as_often(self) -> bool:
        rivals = capitalised_keys(self.o.source.text, self.lang)
        return (
            surname_count(self.o.mention.text, self.lang, self.o.target, VARIANT_THRESHOLD, rivals)
            >= self.o.counts[0]
        )


def last_key(text: str, lang: str) -> str:
    """The key of the last word of `text` that has one ("" when none does)."""
    keys = [k for w in words(text) if (k := key(w.text, lang))]
    return keys[-1] if keys else ""


def loosely_inflected(a: str, b: str) -> bool:
    """Does key `b` spell key `a` loosely, through an ending it may carry (Qoyonun, Qlazqodan)?"""
    return any(loose_spelling(a, b[:n]) for n in (len(a), len(a) + 1, len(a) + 2, len(b)))


def loose_spelling(a: str, b: str) -> bool:
    """Two keys that spell one name loosely: the same onset, LOOSE_ALIGNED of their letters."""
    return same_onset(a, b) and Indel.normalized_similarity(a, b) >= LOOSE_ALIGNED


def closer_without(ctx, text: str, lang: str, span, other: str, other_lang: str) -> float | None:
    """How much closer to its most similar sentence of `other` the sentence of `text` holding
    `span` (a NameMention or anything with start and end) comes without it, as a share of how
    far leaving it out moves that sentence; None without an embedder or sentences."""
    embedder = ctx.resources.get("embedder")
    if embedder is None:
        return None
    spans = _sentences(ctx, text, lang)
    k = bisect_left(spans, (span.start + 1,)) - 1  # the sentence the span starts in
    start, end = spans[k] if k >= 0 and span.start < spans[k][1] else (0, len(text))
    sentence = text[start:end]
    without = " ".join((text[start : span.start] + text[span.end : end]).split())
    rows = ctx.remember(
        ("sentence vectors", other, other_lang),
        lambda: embedder.embed([other[a:b] for a, b in _sentences(ctx, other, other_lang)]),
    )
    if not len(rows):
        return None
    mine, less = embedder.embed([sentence, without])
    best = rows[int((rows @ mine).argmax())]
    moved = 1.0 - float(mine @ less)
    if moved <= 0.0:
        return None
    return float(best @ less - best @ mine) / moved


def _sentences(ctx, text: str, lang: str) -> tuple[tuple[int, int], ...]:
    """split_sentences, once per link text (a long paragraph may name many)."""
    return ctx.remember(("sentences", text, lang), lambda: split_sentences(text, lang))


def whole_name(o: NameOutcome, evidence: NameEvidence) -> bool:
    """A single capitalised word worth checking on its own: two letters or more, no month or
    weekday (the date rules check those), and name-like: not a word the source document
    writes in lower case too (Programme when it says "the programme"), nor a title."""
    text = o.mention.text
    return (
        sum(c.isalpha() for c in text) >= 2
        and text.lower() not in calendar_names(o.source.lang)
        and name_like(text, evidence)
    )


def _alike(a: str, a_lang: str, b: str, b_lang: str) -> bool:
    """Two target words that spell one name: the same onset, and keys alike either way."""
    ka, kb = key(a, a_lang), key(b, b_lang)
    return same_onset(ka, kb) and (
        max(token_score(ka, a_lang, b, b_lang), token_score(kb, b_lang, a, a_lang))
        >= OTHERS_SPELLING
    )


def as_name(o: NameOutcome) -> bool:
    """Rendered, and as a name: its rendering starts with a capital (in a script with
    capitals). Republicans as республиканцы is a translation, not a rendering the other
    versions can lend as evidence."""
    if not o.rendered:
        return False
    if o.match.start < 0 or o.mention.kind not in EVIDENCE_ONLY:
        return True
    first = next((c for c in o.target.text[o.match.start : o.match.end] if c.isalpha()), "")
    return not first or first.isupper() or first.upper() == first


def run_around(text: str, tokens: list[Word], starts: list[int], start: int, end: int):
    """The capitalised run of `text` (its `tokens`, their `starts`) that the words at
    [start, end) are part of, if it is longer (Ballynagard of 'Ballynagard Crescent', Sunday
    of 'the Sunday Times'); None if not. A word starting the sentence is left out, and a
    possessive ends a run (North Korea's | Kim Jong Un)."""
    k = bisect_left(starts, start)
    if k >= len(tokens) or tokens[k].start != start:
        return None
    first, last = k, k
    while last + 1 < len(tokens) and tokens[last].end < end:
        last += 1
    while (
        first > 0
        and _GLUE.fullmatch(text[tokens[first - 1].end : tokens[first].start])
        and tokens[first - 1].text[:1].isupper()
        and not possessive(tokens[first - 1].text)
        and not sentence_initial(text, tokens[first - 1])
    ):
        first -= 1
    while (
        last + 1 < len(tokens)
        and not possessive(tokens[last].text)
        and _GLUE.fullmatch(text[tokens[last].end : tokens[last + 1].start])
        and tokens[last + 1].text[:1].isupper()
    ):
        last += 1
    run = strip_possessive(text[tokens[first].start : tokens[last].end])
    return run if len(run) > end - start else None


def run_rendered(found: list[NameOutcome]) -> set[tuple]:
    """(link source, mention start) of the single-word names next to a rendered name in one
    capitalised run (West of West Virginia when Virginia is rendered, Ocean of Pacific Ocean):
    the version translates the run's other words, it does not leave the name out."""
    by_link: dict[tuple, list[NameOutcome]] = {}
    for o in found:
        by_link.setdefault(o.link.source, []).append(o)
    out = set()
    for group in by_link.values():
        group.sort(key=lambda o: o.mention.start)
        text = group[0].source.text
        for a, b in pairwise(group):
            if _GLUE.fullmatch(text[a.mention.end : b.mention.start]) and a.rendered != b.rendered:
                lost = b if a.rendered else a
                out.add((lost.link.source, lost.mention.start))
    return out


LACKS = 0.5  # closer by at least this share: the target sentence lacks the name
SAID_OTHERWISE = 0.1  # closer by at most this share of the move: the target says it otherwise
NEAR = 24  # characters around the aligned words where another name may stand instead
# a capitalised target word the name matcher would not take for a source word spells none
# (0.6 before: Trumpdan passed for Thomas; tuning half +5 plants, one more false warning)
STRANGER = DEFAULT_THRESHOLD
RARE_ZIPF = 4.0  # wordfreq Zipf under which a word is rare in the source language
UNLISTED_ZIPF = 3.0  # under which it is not on wordfreq's small list at all
OTHERS_SPELLING = 0.7  # key similarity to another version's rendering that counts as one
LOOSE_ALIGNED = 0.45  # letters (Indel similarity of keys) an aligned looser spelling shares
_GLUE = regex.compile(r"[ \-]")
_CLAUSE = regex.compile(r"[.!?;:,«»\"“”()]")
