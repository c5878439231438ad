"""Names a target version writes that nothing around it in the release names.

A target name has a *counterpart* when a word of it spells (by transliteration, either way,
through inflection) a word of the source near its link, or a word another version writes
for the same source text, or when it is a CLDR name (Германия, Almanya) of a concept the
source or another version names there. "Near" is the link's source text and its neighbour
links' (a translator may move a name one paragraph over); the other versions' texts are
those aligned to the same source segments. A name with no counterpart anywhere is added:
half of a changed name ("Lindqvist" where the source says Assad), or alone an insertion.

The other half: a source name of the link that this version does not spell near it while
most other versions do (or, a CLDR name, that the target does not name) is *left out*; an
added name standing in its place is the changed name.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from aligncheck.extract.name_match import cldr_concepts
from aligncheck.extract.names import NameMention, document_evidence, extract_names, name_like
from aligncheck.glossary.find import LinkText
from aligncheck.lang.cldr_names import calendar_names
from aligncheck.lang.morph import Word, russian_common_word, words
from aligncheck.lang.translit import key, token_score
from aligncheck.model import Link, Segmentation

KINDS = ("person", "name", "proper", "brand")
NEIGHBOURS = 1  # links either side whose source may hold a moved name
ALIKE = 0.8  # transliteration score that makes two words one name (the name matcher's)
BAND = 3000  # characters either side of a name's place in a long text that may hold its like
LETTERS = 3  # a shorter word (Св, Mw) is an abbreviation or a unit as often as a name


@dataclass(frozen=True)
class Side:
    """The capitalised words one version (or the source) writes around a link, each with its
    key, and the CLDR concepts it names."""

    lang: str
    capitals: tuple[tuple[Word, str], ...]
    concepts: frozenset[str]
    length: int

    @staticmethod
    def of(text: str, lang: str, concepts: frozenset[str] = frozenset()) -> Side:
        capitals = tuple((w, key(w.text, lang)) for w in words(text) if w.text[:1].isupper())
        return Side(lang, capitals, concepts, len(text))


@dataclass(frozen=True)
class AddedName:
    link: Link
    target: LinkText
    mention: NameMention
    compared: int  # how many other versions were read
    repeated: bool  # the version writes it in another link too: its own name for something
    cldr: bool  # a CLDR name (of a concept nothing around it names)


@dataclass(frozen=True)
class LeftOut:
    """A source name of a link that this version does not write and others do."""

    mention: NameMention
    kept_by: int  # other versions that spell it near the link
    compared: int
    cldr: bool  # a CLDR name (country, language, currency, city, region)


@dataclass(frozen=True)
class Around:
    """What the release writes around link i: the source and the other versions around it,
    this version in it."""

    source: Side
    own: Side
    others: tuple[Side, ...]


class Concepts:
    """The CLDR concepts of a text by place (spans in text order): those a span overlaps are
    found by bisection, not by reading every concept of a long text."""

    def __init__(self, text: str, lang: str):
        self.found = cldr_concepts(text, lang)
        self.ends = [end for _, end, _ in self.found]

    def at(self, start: int, end: int) -> set[str]:
        first = bisect_right(self.ends, start)
        ids = set()
        for a, b, cid in self.found[first:]:
            if a >= end:
                break
            if start < b:
                ids.add(cid)
        return ids


def side(segmentation: Segmentation, indices: Sequence[int]) -> Side:
    text = segmentation.prose(tuple(sorted(set(indices))))
    lang = LinkText(segmentation, ()).lang
    concepts = frozenset(cid for _, _, cid in cldr_concepts(text, lang))
    return Side.of(text, lang, concepts)


def _near(other: Side, share: float) -> tuple[tuple[Word, str], ...]:
    """The capitalised words around the same share of a long text (a long paragraph is read
    in a band, so a name is compared with what is written near it, not with the whole
    text)."""
    if other.length <= 2 * BAND:
        return other.capitals
    middle = share * other.length
    first = bisect_left(other.capitals, middle - BAND, key=lambda c: c[0].start)
    last = bisect_right(other.capitals, middle + BAND, key=lambda c: c[0].start)
    return other.capitals[first:last]


def spelled_in(word: str, lang: str, other: Side, share: float) -> bool:
    """Does `other` write a capitalised word that spells `word` (through inflection on either
    side, read as the name matcher reads a source name in a target text)?"""
    return spelled_count(word, lang, other, share, 1) > 0


def spelled_count(word: str, lang: str, other: Side, share: float, enough: int = 0) -> int:
    """How many capitalised words of `other` spell `word` (up to `enough`, when given), scored
    as the name matcher scores a word (token_score, either way)."""
    own = key(word, lang)
    if len(own) < 2:
        return max(1, enough)
    count = 0
    for token, theirs in _near(other, share):
        if (
            theirs == own
            or token_score(own, lang, token.text, other.lang) >= ALIKE
            or (theirs and token_score(theirs, other.lang, word, lang) >= ALIKE)
        ):
            count += 1
            if count == enough:
                break
    return count


def name_words(mention: NameMention, lang: str, evidence) -> list[str]:
    """The words of a name that could be a name on their own: long enough, no month or
    weekday, not a word the document writes in lower case, nor (Russian) a dictionary word
    that no reading calls a name (После, Национального)."""
    calendar = calendar_names(lang)
    return [
        w.text
        for w in words(mention.text)
        if sum(c.isalpha() for c in w.text) >= LETTERS
        and w.text.lower() not in calendar
        and name_like(w.text, evidence)
        and not (lang == "ru" and russian_common_word(w.text))
    ]


def added_names(
    target: Segmentation,
    links: Sequence[Link],
    around: Callable[[int], Around],
    wanted: Callable[[int], bool] = lambda i: True,
) -> list[AddedName]:
    """The names in `target`'s linked text with no counterpart around them, in the links
    `wanted` asks for."""
    lang = LinkText(target, ()).lang
    evidence = document_evidence([s.prose for s in target.segments], lang)
    candidates = []
    for i, link in enumerate(links):
        if not link.source or not link.target or not wanted(i):
            continue
        text = LinkText(target, link.target)
        mentions = [
            m
            for m in extract_names(text.text, lang, evidence)
            if m.kind in KINDS and name_words(m, lang, evidence)
        ]
        if not mentions:
            continue
        concepts = Concepts(text.text, lang)
        near = around(i)
        for mention in mentions:
            for part in _without_counterpart(mention, lang, evidence, concepts, near, text):
                cldr = bool(concepts.at(part.start, part.end))
                candidates.append((i, link, text, part, len(near.others), cldr))
    if not candidates:
        return []
    written: dict[str, set[int]] = {}  # key's first letters -> links writing it capitalised
    for i, link in enumerate(links):
        if link.target:
            for token in LinkText(target, link.target).tokens:
                if token.text[:1].isupper():
                    written.setdefault(key(token.text, lang)[:5], set()).add(i)
    return [
        AddedName(link, text, mention, compared, _repeated(mention, lang, i, written), cldr)
        for i, link, text, mention, compared, cldr in candidates
    ]


def _repeated(mention: NameMention, lang: str, i: int, written: dict[str, set[int]]) -> bool:
    """Does the version write a word of this name (keyed alike in its first five letters,
    through inflection) capitalised in a link other than i?"""
    return any(written.get(key(w.text, lang)[:5], {i}) - {i} for w in words(mention.text))


def _without_counterpart(mention, lang, evidence, concepts, near: Around, text: LinkText):
    """The runs of a name's words that have no counterpart around it (each a NameMention)."""
    sides = (near.source, *near.others)
    share = mention.start / max(1, len(text.text))
    names = set(name_words(mention, lang, evidence))
    runs: list[list[Word]] = [[]]
    for word in words(mention.text):
        start, end = mention.start + word.start, mention.start + word.end
        concept = concepts.at(start, end)
        if concept:
            alone = not any(cid in s.concepts for cid in concept for s in sides)
        else:
            alone = word.text in names and not any(
                spelled_in(word.text, lang, s, share) for s in sides
            )
        if alone:
            runs[-1].append(Word(word.text, start, end))
        elif runs[-1]:
            runs.append([])
    return [
        NameMention(text.text[run[0].start : run[-1].end], run[0].start, run[-1].end, mention.kind)
        for run in runs
        if run
    ]


def left_out(source: LinkText, near: Around, evidence) -> list[LeftOut]:
    """The source names of one link that this version spells less often than the link does
    (none of their words as often) while more than half of the other versions spell them
    near it, or (CLDR names) whose concept the target does not name."""
    found = []
    length = max(1, len(source.text))
    source_concepts = Concepts(source.text, source.lang)
    written = Side.of(source.text, source.lang)
    for mention in extract_names(source.text, source.lang, evidence):
        if mention.kind not in KINDS:
            continue
        share = mention.start / length
        names = name_words(mention, source.lang, evidence)
        if not names or any(
            spelled_count(w, source.lang, near.own, share)
            >= spelled_count(w, source.lang, written, share)
            for w in names
        ):
            continue
        kept = sum(
            any(spelled_in(w, source.lang, other, share) for w in names) for other in near.others
        )
        concepts = source_concepts.at(mention.start, mention.end)
        if concepts and concepts & near.own.concepts:
            continue
        if 2 * kept > len(near.others) or concepts:
            found.append(LeftOut(mention, kept, len(near.others), bool(concepts)))
    return found
