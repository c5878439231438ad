"""Cross-script name matching: a phonetic key per word, compared fuzzily and through suffixes.

`key("Жомарт Әлиев", "kk") == key("Zhomart Aliyev", "en")`: each script is first mapped with
language-specific letter values (Azerbaijani x = kh, Turkmen y = ы, ...), then romanised with
anyascii, then reduced (zh/dzh/j, kh/h, doubled letters, iy/y/i) so spelling conventions meet.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex
from anyascii import anyascii
from rapidfuzz.distance import Indel

from aligncheck.morph import TURKIC, Word, lower, words

_LETTERS = {
    "az": {"x": "kh", "q": "k", "c": "j", "ç": "ch", "ş": "sh", "ə": "a", "ğ": "g", "ı": "y"},
    "tr": {"c": "j", "ç": "ch", "ş": "sh", "ğ": "", "ı": "y"},
    "tk": {"c": "j", "ç": "ch", "ş": "sh", "ž": "zh", "ý": "y", "ň": "n", "ä": "a", "y": "y"},
    "uz": {"x": "kh", "q": "k", "oʻ": "o", "gʻ": "g"},
    "kk": {"қ": "k", "ғ": "g", "ң": "n", "һ": "h", "ы": "y", "і": "i"},
    "ru": {"х": "kh", "ц": "ts", "ё": "e", "ы": "y", "э": "e", "ъ": "", "ь": ""},
    "en": {"x": "ks", "ph": "f", "th": "t", "ck": "k", "ch": "ch", "ce": "se", "ci": "si", "cy": "sy",
           "c": "k", "w": "v"},
}
_REDUCTIONS = [
    (r"dzh|dj|zh", "j"), (r"kh|x", "h"), (r"shch|sch", "sh"), (r"tch", "ch"),
    (r"ts", "c"), (r"q", "k"), (r"w", "v"), (r"yu", "u"), (r"ya", "a"), (r"yo", "o"),
    (r"iy", "i"), (r"y", "i"), (r"ou|oo", "u"), (r"([a-z])\1+", r"\1"),
]
_REDUCTION_RE = [(regex.compile(a), b) for a, b in _REDUCTIONS]
_LETTER_RE = {lang: regex.compile("|".join(sorted(map(regex.escape, table), key=len, reverse=True)))
              for lang, table in _LETTERS.items()}
_EN_POSSESSIVE = regex.compile(r"['’]s?$")


@lru_cache(maxsize=65536)
def key(word: str, lang: str) -> str:
    """Phonetic key of one word (or hyphenated compound): lower-case ASCII letters and digits."""
    text = lower(word, lang)
    if lang == "en" or lang not in _LETTERS and text.isascii():
        text = _EN_POSSESSIVE.sub("", text)
        if len(text) > 4 and text.endswith("e") and text[-2] not in "aeiouy":
            text = text[:-1]
    if lang in _LETTERS:
        text = _LETTER_RE[lang].sub(lambda m: _LETTERS[lang][m.group()], text)
    text = anyascii(text).lower()
    text = regex.sub(r"[^a-z0-9]", "", text)
    for pattern, repl in _REDUCTION_RE:
        text = pattern.sub(repl, text)
    return text


def similarity(a: str, b: str) -> float:
    """Similarity of two keys in [0, 1], tolerant of an inflectional suffix on either side.

    Vowels are the least stable part of a transliteration (Trump = Трамп, Chelsea = Челси),
    so the consonant skeletons' similarity counts for half when it is higher.
    """
    full = _suffix_tolerant(a, b)
    skeleton_a, skeleton_b = _CONSONANTS.sub("", a), _CONSONANTS.sub("", b)
    if min(len(skeleton_a), len(skeleton_b)) < 3:
        return full
    return max(full, (full + _suffix_tolerant(skeleton_a, skeleton_b)) / 2)


_CONSONANTS = regex.compile(r"[aeiou]")


def _suffix_tolerant(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    best = Indel.normalized_similarity(a, b)
    if len(short) >= 3:
        for cut in range(len(short), min(len(long_), len(short) + 2) + 1):
            if len(long_) - cut <= 6:
                best = max(best, Indel.normalized_similarity(short, long_[:cut]))
    return best


@dataclass(frozen=True)
class NameHit:
    start: int
    end: int
    text: str
    score: float


def find_word(word: str, lang: str, tokens: list[Word], target_lang: str,
              threshold: float) -> NameHit | None:
    """Best token of `tokens` matching source `word` by transliteration, if over threshold."""
    source_key = key(word, lang)
    if not source_key:
        return None
    best: NameHit | None = None
    for token in tokens:
        score = similarity(source_key, key(token.text, target_lang))
        if len(source_key) <= 3 and score < 1.0:
            continue
        if score >= threshold and (best is None or score > best.score):
            best = NameHit(token.start, token.end, token.text, score)
    return best


def find_name(name: str, lang: str, text: str, target_lang: str, threshold: float,
              tokens: list[Word] | None = None) -> NameHit | None:
    """Where multi-word `name` is rendered in `text`: every long word found, surname included.

    Words are matched independently (translations reorder names and drop titles); a name
    matches when its last word and at least half of its words are found.
    """
    tokens = words(text) if tokens is None else tokens
    parts = [w.text for w in words(name)]
    if not parts:
        return None
    hits = [find_word(p, lang, tokens, target_lang, threshold) for p in parts]
    found = [h for h in hits if h is not None]
    if hits[-1] is None or 2 * len(found) < len(parts):
        return None
    start, end = min(h.start for h in found), max(h.end for h in found)
    if end - start > len(name) * 3:
        start, end = hits[-1].start, hits[-1].end
    return NameHit(start, end, text[start:end], sum(h.score for h in found) / len(parts))


def is_turkic(lang: str) -> bool:
    return lang in TURKIC
