"""Inflection-aware word and phrase matching.

Russian words match through pymorphy3 lemmas; Turkic words (kk, az, tk, tr, ...) match when
the text word is the base form plus a suffix chain whose vowels agree with the base's vowel
harmony (allowing the usual stem alternations: final k/g, p/b, t/d, q/ğ and a dropped high
vowel as in deňiz -> deňzi); other languages accept a few English-style endings.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex

WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*")
TURKIC = frozenset({"kk", "az", "tk", "tr", "ky", "uz", "tt", "ba", "ug", "crh", "gag"})
APOSTROPHES = "'’-"

_FRONT = frozenset("eəiöüäеәіөүэ")
_BACK_COMMON = frozenset("aıouаоұуыя")
_HIGH = frozenset("ıiuüyыіұүиу")
_ALTERNATIONS = {"k": "gğy", "q": "ğ", "p": "b", "t": "d", "ç": "c", "к": "г", "қ": "ғ", "п": "б"}
_EN_ENDINGS = ("", "s", "es", "'s", "’s", "'", "’")
MAX_SUFFIX = 10


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int


def words(text: str) -> list[Word]:
    return list(_words(text))


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[Word, ...]:
    """Cached: the same texts are tokenised by many rules (Words are frozen, lists are fresh)."""
    return tuple(Word(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text))


def lower(text: str, lang: str) -> str:
    if lang in ("tr", "az", "crh", "gag"):
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


def _vowels(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    back = _BACK_COMMON | {"y"} if lang == "tk" else _BACK_COMMON
    return _FRONT, back


def _harmonic(stem: str, suffix: str, lang: str) -> bool:
    front, back = _vowels(lang)
    last = next((c for c in reversed(stem) if c in front or c in back), None)
    first = next((c for c in suffix if c in front or c in back), None)
    if last is None or first is None:
        return True
    return (last in front) == (first in front)


def _is_vowel(char: str, lang: str) -> bool:
    front, back = _vowels(lang)
    return char in front or char in back or char in "июё"


@cache
def _turkic_stems(base: str) -> tuple[str, ...]:
    stems = [base]
    if len(base) >= 3 and base[-1] in _ALTERNATIONS:
        stems += [base[:-1] + alt for alt in _ALTERNATIONS[base[-1]]]
    if len(base) >= 4 and base[-2] in _HIGH and base[-3] not in _HIGH and base[-1] not in _HIGH:
        stems.append(base[:-2] + base[-1])
    return tuple(stems)


def _turkic_match(base: str, word: str, lang: str, acronym: bool = False) -> bool:
    """Acronyms take suffixes after their letter names (AB'yi, ABD'ye): no harmony check."""
    if word == base:
        return True
    for stem in _turkic_stems(base):
        if not word.startswith(stem) or len(stem) < 2:
            continue
        rest = word[len(stem):]
        suffix = rest.lstrip(APOSTROPHES)
        marked = rest != suffix  # Jones'un, UNEP-iň: harmony follows pronunciation, not spelling
        limit = MAX_SUFFIX if len(stem) >= 4 else 5 if len(stem) == 3 else 3
        if stem != base and not suffix:
            continue
        if suffix and not marked and _is_vowel(stem[-1], lang) and _is_vowel(suffix[0], lang):
            continue  # after a vowel, Turkic suffixes start with a (buffer) consonant
        if len(suffix) <= limit and (acronym or marked or _harmonic(base, suffix, lang)):
            return True
    return False


@lru_cache(maxsize=1)
def _russian():
    try:
        import pymorphy3
    except ImportError:  # pragma: no cover - optional dependency
        return None
    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=65536)
def lemmas(word: str, lang: str) -> frozenset[str]:
    """Possible dictionary forms of a lower-case word (the word itself when unknown)."""
    analyzer = _russian() if lang in ("ru",) else None
    if analyzer is None:
        return frozenset({word})
    return frozenset({p.normal_form.replace("ё", "е") for p in analyzer.parse(word)} | {word})


@lru_cache(maxsize=262144)
def word_matches(base: str, word: str, lang: str, acronym: bool = False) -> bool:
    """Is lower-case `word` an inflected form of lower-case `base` in `lang`?"""
    if base == word:
        return True
    if lang in TURKIC:
        return _turkic_match(base, word, lang, acronym)
    if acronym:
        return word.startswith(base) and word[len(base):len(base) + 1] in ("-", "'", "’", "")
    if lang == "ru":
        return bool(lemmas(base, lang) & lemmas(word, lang))
    if word.startswith(base) and word[len(base):] in _EN_ENDINGS:
        return True
    return base.endswith("y") and word == base[:-1] + "ies"


@dataclass(frozen=True)
class Phrase:
    """A term to look for: its words in order, matched through inflection."""

    text: str
    lang: str
    case_sensitive: bool = False

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(w.text for w in words(self.text))

    def find(self, text: str, tokens: list[Word] | None = None) -> list[tuple[int, int]]:
        """Character spans of every occurrence in `text`."""
        tokens = words(text) if tokens is None else tokens
        parts = self.parts
        if not parts:
            return []
        keys = [lower(p, self.lang) for p in parts]
        spans = []
        for i in range(len(tokens) - len(parts) + 1):
            window = tokens[i:i + len(parts)]
            if all(self._word_ok(p, k, w, text) for p, k, w in zip(parts, keys, window)) and \
                    _adjacent(window, text):
                spans.append((window[0].start, window[-1].end))
        return spans

    def _word_ok(self, part: str, key: str, word: Word, text: str) -> bool:
        if self.case_sensitive and not word.text.startswith(part[:1]):
            return False
        if self.case_sensitive and part.isupper() and not word.text.startswith(part):
            return False
        acronym = len(part) > 1 and part.isupper()
        return word_matches(key, lower(word.text, self.lang), self.lang, acronym)


def _adjacent(window: list[Word], text: str) -> bool:
    """Only spaces and light punctuation between consecutive words of a phrase."""
    for a, b in zip(window, window[1:]):
        gap = text[a.end:b.start]
        if len(gap) > 3 or any(c.isalnum() for c in gap) or any(c in ".;:!?" for c in gap):
            return False
    return True
