"""Which glossary entries may occur in a text: an index of renderings by their first word.

A prefilter for the matcher (`Phrase.find`), which alone decides: `TermIndex.candidates` gives
every entry whose rendering could match in the text, and some more. A rendering's first word
is keyed by a prefix that every word the matcher accepts for it shares (`word_key`); a text
offers the prefixes of its words (`text_keys`):

- Turkic: the word plus endings, its last letter alternating (k/g) or a high vowel before it
  dropped (deňiz/deňzi): the key is the word less two letters (at least two letters);
- Russian: forms of a common lemma. The key is the word's consonants (vowels, ь, ъ, й
  dropped) less the last one, at most three (день/дня, друг/друзья, высокий/выше); the text
  offers the forms of its words' lemmas too (pymorphy's paradigms: года offers лет);
- other languages: the word (less a final y: city/cities) plus an ending.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from contextlib import contextmanager
from functools import lru_cache

from aligncheck._runtime.memo import per_release
from aligncheck.lang.morph import (
    TURKIC,
    WORD_RE,
    lemma_store,
    lemmas,
    lower,
    russian_analyzer,
    word_matches,
)
from aligncheck.lang.profiles import DOTTED_I

PREFIX = 5  # letters of a key
RU_PREFIX = 3  # consonants of a Russian key
_FOLD = str.maketrans(
    {"ı": "i", "ς": "σ", "ё": "е", "\u0307": None}
)  # the same for tr/az and others
_RU_VOWELS = str.maketrans(dict.fromkeys("аеёиоуыэюяьъй"))


@contextmanager
def paused_gc():
    """No cyclic garbage collection while millions of acyclic objects are made: each pass
    would walk them all (reading a 1M-row glossary took three times as long)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _fold(word: str) -> str:
    return word.lower().translate(_FOLD)


def first_word(text: str) -> str | None:
    head = text.split(None, 1)[0] if text and not text[0].isspace() else ""
    if head.isalpha():  # the usual case, as WORD_RE would find it
        return head
    found = WORD_RE.search(text)
    return found.group() if found else None


def word_key(word: str, lang: str) -> str:
    """The key of a rendering's first word: a prefix of the key forms of every word it matches."""
    if lang == "ru":
        skeleton = _fold(word).translate(_RU_VOWELS)
        return skeleton[: min(RU_PREFIX, len(skeleton) - 1)]
    low = lower(word, lang)
    n = len(low)
    if lang in TURKIC:
        n = n if n <= 2 else max(2, n - 2)
    if low.endswith("y"):
        n = min(n, len(low) - 1)
    return _fold(low[:n])[:PREFIX]


def _text_forms(word: str, lang: str) -> set[str]:
    low = lower(word, lang)
    if lang != "ru":
        return {_fold(low)}
    found = lemmas(low, lang)
    return {_skeleton(form) for form in found | {low}}.union(*(_paradigm(lemma) for lemma in found))


def _skeleton(word: str) -> str:
    return _fold(word).translate(_RU_VOWELS)


@lru_cache(maxsize=16384)
def _paradigm(lemma: str) -> frozenset[str]:
    """Russian: the skeletons of every form of the words whose lemma `lemma` is, so that a
    glossary's suppletive form (лет, люди) is offered by the text's (года, человек)."""
    # kept with the lemmas: warm runs need no pymorphy
    store, key = lemma_store(), f"\x01paradigm:{lemma}"
    known = store.get(key)
    if known is not None:
        return frozenset(known)
    analyzer = russian_analyzer()
    if analyzer is None:
        return frozenset()
    found = frozenset(
        _skeleton(form.word)
        for parse in analyzer.parse(lemma)
        if parse.normal_form.replace("ё", "е") == lemma
        for form in parse.lexeme
    )
    store.add(key, found)
    return found


def text_keys(text: str, lang: str) -> frozenset[str]:
    """Every key a rendering found in `text` can have."""
    return frozenset(_keyed_words(text, lang))


@per_release
def _keyed_words(text: str, lang: str) -> dict[str, tuple[str, ...]]:
    """Each key a rendering found in `text` can have
    -> the text's (lower-case) words offering it."""
    size = RU_PREFIX if lang == "ru" else PREFIX
    keyed: dict[str, set[str]] = {"": set()}
    for m in WORD_RE.finditer(text):
        low = lower(m.group(), lang)
        keyed[""].add(low)
        for form in _text_forms(m.group(), lang):
            for n in range(1, size + 1):
                keyed.setdefault(form[:n], set()).add(low)
    return {key: tuple(sorted(words)) for key, words in keyed.items()}


class TermIndex:
    """Entry positions of one glossary by the key of each rendering's first word in one language."""

    def __init__(
        self, renderings: Iterable[tuple[int, tuple[str, ...]]], lang: str, exact: bool = True
    ):
        self.lang = lang
        self.buckets: dict[str, list[int]] = {}
        self._found: dict[str, frozenset[int]] = {}
        # Russian keys are short (a few consonants): the first words are kept to be matched
        # against the text's before the whole phrase is (when the matcher's lang is `lang`)
        self.first_words: dict[int, list[str]] | None = {} if lang == "ru" and exact else None
        buckets, plain = self.buckets, lang not in TURKIC | DOTTED_I | {"ru"}
        with paused_gc():
            for position, variants in renderings:
                for variant in variants:
                    end = variant.find(" ")
                    word = variant if end < 0 else variant[:end]
                    if not word.isalpha():
                        word = first_word(variant)
                        if word is None:
                            continue  # no word: the matcher never finds it
                    if plain and word.isascii() and word[-1] not in "yY":  # word_key's usual case
                        key = word[:PREFIX].lower()
                    else:
                        key = word_key(word, lang)
                    if self.first_words is not None:
                        self.first_words.setdefault(position, []).append(word)
                    bucket = buckets.get(key)
                    if bucket is None:
                        buckets[key] = [position]
                    elif bucket[-1] != position:
                        bucket.append(position)

    def candidates(self, texts: Iterable[str]) -> list[int]:
        """Sorted positions of the entries that may occur in any of `texts`."""
        if not self.buckets:
            return []
        found: set[int] = set()
        for text in texts:
            if text not in self._found:  # the rules ask about the same texts, once per target
                if len(self._found) >= 4096:
                    self._found.clear()
                self._found[text] = self._in(text)
            found |= self._found[text]
        return sorted(found)

    def _in(self, text: str) -> frozenset[int]:
        keyed = _keyed_words(text, self.lang)
        if self.first_words is None:
            return frozenset().union(*(self.buckets.get(key, ()) for key in keyed))
        hits: set[int] = set()
        for key, tokens in keyed.items():  # a candidate's first word against the words of its key
            for p in self.buckets.get(key, ()):
                if p not in hits and any(
                    _first_word_matches(w, tokens, self.lang) for w in self.first_words[p]
                ):
                    hits.add(p)
        return frozenset(hits)


def _first_word_matches(word: str, tokens: tuple[str, ...], lang: str) -> bool:
    """Can a phrase starting with `word` match in a text of these (lower-case) words? As
    Phrase.find asks of its first word, less the case checks."""
    key, acronym = lower(word, lang), len(word) > 1 and word.isupper()
    return any(word_matches(key, token, lang, acronym) for token in tokens)
