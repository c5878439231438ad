"""Finding glossary entries in the text of a link, with spans that point into segments."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import regex
from rapidfuzz import fuzz

from aligncheck._runtime.memo import per_release
from aligncheck.glossary.entries import Entry, base_lang
from aligncheck.lang.morph import Phrase, Word, lower, words
from aligncheck.model import Segmentation, Span


@dataclass(frozen=True)
class LinkText:
    """The segments of one side of a link joined by newlines, mapping offsets back to spans."""

    segmentation: Segmentation
    indices: tuple[int, ...]

    @cached_property
    def text(self) -> str:
        return self.segmentation.prose(self.indices)

    @cached_property
    def tokens(self) -> list[Word]:
        return words(self.text)

    @property
    def lang(self) -> str:
        return base_lang(self.segmentation.lang)

    def span(self, start: int, end: int) -> Span | None:
        offset = 0
        for i in self.indices:
            length = len(self.segmentation.segments[i].text)
            if start <= offset + length:
                return Span(i, start - offset, min(end - offset, length))
            offset += length + 1
        return None


@dataclass(frozen=True)
class Occurrence:
    entry: Entry
    variant: str
    start: int
    end: int
    forbidden: bool = False


def occurrences(entry: Entry, side: LinkText, forbidden: bool = False) -> list[Occurrence]:
    phrases = entry.forbidden_phrases(side.lang) if forbidden else entry.phrases(side.lang)
    found = []
    for phrase in phrases:
        for start, end in _spans(phrase, side.text):
            found.append(Occurrence(entry, phrase.text, start, end, forbidden))
    return sorted(found, key=lambda o: (o.start, -o.end, o.variant))


def rendered(entry: Entry, side: LinkText) -> list[Occurrence]:
    """Where an accepted rendering of `entry` occurs, matched by stems on both sides: the
    glossary may quote a rendering inflected (a genitive found in one sentence) and the text
    use it in another case."""
    found = [
        Occurrence(entry, phrase.text, start, end)
        for phrase in entry.stem_phrases(side.lang)
        for start, end in _spans(phrase, side.text)
    ]
    return sorted(found, key=lambda o: (o.start, -o.end, o.variant))


@per_release
def _spans(phrase: Phrase, text: str) -> tuple[tuple[int, int], ...]:
    """Where a phrase occurs in a link's text (a LinkText's tokens are words(text)); cached:
    GL01, GL02, CO01 and the name rules look for the same terms in the same links."""
    return tuple(phrase.find(text, words(text)))


_QUOTED = regex.compile(r"[«“\"„]\**([^«»“”\"„\n]{2,120}?)\**[»”\"“]")


def best_candidate(expected: tuple[str, ...], side: LinkText) -> tuple[str, int, int] | None:
    """The target n-gram most like any expected rendering (to quote what was used instead);
    a quoted span wins when the expected rendering is a multi-word title."""
    tokens = side.tokens
    best, best_score = None, 0.0
    if any(len(words(v)) > 1 for v in expected):
        for m in _QUOTED.finditer(side.text):
            score = (
                max(fuzz.ratio(lower(v, side.lang), lower(m.group(1), side.lang)) for v in expected)
                + 15
            )
            if score > best_score:
                best, best_score = (m.group(1), m.start(1), m.end(1)), score
    for variant in expected:
        size = max(1, len(words(variant)))
        wanted = lower(variant, side.lang)
        for n in {max(1, size - 1), size, size + 1}:
            for i in range(len(tokens) - n + 1):
                start, end = tokens[i].start, tokens[i + n - 1].end
                score = fuzz.ratio(wanted, lower(side.text[start:end], side.lang))
                if score > best_score:
                    best, best_score = (side.text[start:end], start, end), score
    return best if best_score >= 50 else None


def candidates(glossaries, sides: list[LinkText], forbidden: bool = False) -> list[Entry]:
    """The entries of `glossaries` (in order) that `occurrences` may find in one of `sides`
    (all of one language): the rest cannot occur there and need no matching."""
    if not sides:
        return []
    texts, lang = [side.text for side in sides], sides[0].lang
    return [
        entry
        for glossary in glossaries or ()
        for entry in glossary.found_in(texts, lang, forbidden)
    ]
