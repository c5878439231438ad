"""Cross-script name matching: a phonetic key per word, compared fuzzily and through suffixes.

`key("Жомарт Әлиев", "kk") == key("Zhomart Aliyev", "en")`: each script is first mapped with
language-specific letter values (Azerbaijani x = kh, q = g, Turkmen y = ы, ...), then
romanised with anyascii, then reduced (zh/dzh/j, kh/h, doubled letters, iy/y/i) so spelling
conventions meet.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import regex
from anyascii import anyascii
from rapidfuzz import process
from rapidfuzz.distance import Indel, LCSseq

from aligncheck.lang.data import load
from aligncheck.lang.morph import Word, lower, turkic_endings, words
from aligncheck.lang.profiles import TURKIC

_DATA = load("translit.json")
_LETTERS: dict[str, dict[str, str]] = _DATA["letters"]
_REDUCTIONS = [(pattern, repl) for pattern, repl in _DATA["reductions"]]
# Tables of single letters map as str.translate does (per letter, no overlap); the others
# (en ph/th/ck..., uz oʻ) take the longest letters first at each position.
_LETTER_MAPS = {
    lang: str.maketrans(table)
    for lang, table in _LETTERS.items()
    if all(len(letters) == 1 for letters in table)
}
_LETTER_RE = {
    lang: regex.compile("|".join(sorted(map(regex.escape, table), key=len, reverse=True)))
    for lang, table in _LETTERS.items()
    if lang not in _LETTER_MAPS
}
_EN_POSSESSIVE = regex.compile(r"['’]s?$")
_NOT_KEY = regex.compile(r"[^a-z0-9]")


# The reductions run on lower-case ASCII letters and digits (the text is reduced to those
# first), where `re` and `regex` agree and a literal is a `str.replace`. A substitution runs
# only when one of its literals occurs (`in` is far cheaper than a search): together ~5x
# cheaper than the `regex` substitutions, which dominated a key's cost.
_REDUCTION_STEPS = [
    (
        tuple(pattern.split("|")) if pattern.replace("|", "").isalpha() else None,
        None if pattern.isalpha() else re.compile(pattern),
        repl,
    )
    for pattern, repl in _REDUCTIONS
]
_LETTER_STARTS = {
    lang: frozenset(letters[0] for letters in table) for lang, table in _LETTERS.items()
}
# A pattern reduction that changes only a text holding a cheaper pattern's match is tried
# after that search (most words have no doubled letter).
_GATES = {r"([a-z])\1+": re.compile(r"([a-z])\1")}


def _reduce(text: str) -> str:
    for literals, pattern, repl in _REDUCTION_STEPS:
        if pattern is None:
            if literals[0] in text:
                text = text.replace(literals[0], repl)
        elif literals is None:
            gate = _GATES.get(pattern.pattern)
            if gate is None or gate.search(text):
                text = pattern.sub(repl, text)
        else:
            for literal in literals:
                if literal in text:
                    text = pattern.sub(repl, text)
                    break
    return text


# English spelling read as it sounds, the way other scripts transliterate names: a final
# vowel-consonant-e is a long vowel (Wade = Уэйд, Kate = Кейт, Stone = Стоун, Mike = Майк),
# and a first w before a vowel is the vowel u (Wade = Ueyd, William = Уильям).
# Vowel digraphs are read the same way: ee and ea are i (Lee = Ли, Keating = Китинг, Beattie =
# Битти), ay is ei (Maybury = Мейбери), a final ie is i (Bowie = Боуи), a final ow or owe
# is ou (Lithgow = Литгоу, Rowe = Роу), eau is o (Juneau = Джуно). A c before a, o or u is
# k first, so that a long a spelled ei does not soften it (Cape = Кейп, Cayman = Kaýman).
_MAGIC_E = re.compile(r"(?<=[^aeiouy])([aiou])([bcdfgklmnprstvz])e$")
_LONG_VOWELS = {"a": "ei", "i": "ai", "o": "ou", "u": "iu"}
_FIRST_W = re.compile(r"^w(?=[aeiou])")
_DIGRAPHS = (
    (re.compile(r"eau"), "o"),  # French spelling: Juneau = Джуно, Rousseau = Руссо
    (re.compile(r"e(?:e|a(?!ns?$))"), "i"),  # not the -ean of European, Korean
    (re.compile(r"ay"), "ei"),
    (re.compile(r"(?<=[^aeiou])ie$"), "i"),
    (re.compile(r"owe?$"), "ou"),
)


_HARD_C = re.compile(r"c(?=[aou])")


def _english_sounds(text: str) -> str:
    text = _HARD_C.sub("k", text)  # before a long a is spelled ei: Cape is Кейп, not Сейп
    text = _MAGIC_E.sub(lambda m: _LONG_VOWELS[m.group(1)] + m.group(2), text)
    for pattern, sound in _DIGRAPHS:
        text = pattern.sub(sound, text)
    return _FIRST_W.sub("u", text)


@lru_cache(maxsize=65536)
def key(word: str, lang: str, sounds: bool = True) -> str:
    """Phonetic key of one word (or hyphenated compound): lower-case ASCII letters and digits.
    `sounds=False` keeps English spelling as written (Wayde and Wade apart: two people)."""
    text = lower(word, lang)
    if lang == "en" or lang not in _LETTERS and text.isascii():
        if "'" in text or "’" in text:
            text = _EN_POSSESSIVE.sub("", text)
        if sounds:
            text = _english_sounds(text)
        if len(text) > 4 and text.endswith("e") and text[-2] not in "aeiouy":
            text = text[:-1]
    if lang in _LETTERS and not _LETTER_STARTS[lang].isdisjoint(text):
        if lang in _LETTER_MAPS:
            text = text.translate(_LETTER_MAPS[lang])
        else:
            text = _LETTER_RE[lang].sub(lambda m: _LETTERS[lang][m.group()], text)
    text = anyascii(text).lower()
    if not (text.isascii() and text.isalnum()):
        text = _NOT_KEY.sub("", text)
    return _reduce(text)


@lru_cache(maxsize=262144)
def similarity(a: str, b: str) -> float:
    """Similarity of source key `a` to target key `b` in [0, 1], tolerant of an inflectional
    suffix on the target's side.

    Vowels are the least stable part of a transliteration (Trump = Трамп, Chelsea = Челси),
    so the consonant skeletons' similarity counts for 60% when it is higher.
    """
    full = _suffix_tolerant(a, b)
    skeleton_a, skeleton_b = _skeleton(a), _skeleton(b)
    if min(len(skeleton_a), len(skeleton_b)) < 3:
        return full
    return max(full, 0.4 * full + 0.6 * _suffix_tolerant(skeleton_a, skeleton_b))


_NOT_CONSONANTS = str.maketrans("", "", "aeiouwh")


@lru_cache(maxsize=65536)
def _skeleton(key_: str) -> str:
    """A key's consonants (cached: each key is compared with many others)."""
    return key_.translate(_NOT_CONSONANTS)


def _suffix_tolerant(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    best = Indel.normalized_similarity(a, b)
    if long_ is a:
        return best  # suffixes are the target's (Johnson is not John + son)
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


CAPITAL_BONUS = 0.1


def _parts(tokens: list[Word]):
    """Tokens, plus the parts of hyphenated ones (ЛГБТ-сообществе, Ayr-iň)."""
    for token in tokens:
        yield token
        if "-" in token.text:
            offset = token.start
            for part in token.text.split("-"):
                if part:
                    yield Word(part, offset, offset + len(part))
                offset += len(part) + 1


_AFFIX_MARK = regex.compile(r"['’-]")


@lru_cache(maxsize=262144)
def token_score(source_key: str, lang: str, token: str, target_lang: str) -> float:
    """Similarity of a source word's key to a target token. A token in the source's own
    script is also read with the source's letter values (Macpherson stays Macpherson in tk)."""
    score = similarity(source_key, key(token, target_lang))
    if token.isascii() and lang != target_lang:
        score = max(score, similarity(source_key, key(token, lang)))
    target_key = key(token, target_lang)
    suffix = target_key[len(source_key) :] if target_key.startswith(source_key) else ""
    if (
        len(source_key) <= 3
        and score == 1.0
        and suffix
        and suffix[0] not in "aeiou"
        and not _AFFIX_MARK.search(token)
        and not (target_lang in TURKIC and len(suffix) >= 2)
    ):
        score = 0.0  # a short name takes a case suffix (Mey-in, Мэя, Лиге), not Майк's k
    if len(source_key) <= 3 and score < 1.0 and _short_with_ending(source_key, token, target_lang):
        return 1.0
    if len(source_key) <= 3 and score < 1.0:
        same_consonants = _skeleton(source_key) == _skeleton(key(token, target_lang))
        return (
            0.8
            if same_consonants
            and source_key[0] == key(token, target_lang)[:1]
            and token[:1].isupper()
            else 0.0
        )
    return score


def _short_with_ending(source_key: str, token: str, target_lang: str) -> bool:
    """A short name with a Turkic case ending of its language (Lee-nin as Linin, Rowe-nun as
    Rounun): the token less that ending keys exactly as the name."""
    if target_lang not in TURKIC:
        return False
    low = lower(token, target_lang)
    return any(
        low.endswith(ending) and key(token[: len(low) - len(ending)], target_lang) == source_key
        for ending in turkic_endings(target_lang)
        if len(low) > len(ending) >= 2  # a one-letter ending is Майк's k as often as a case
    )


def _bound(a: str, b: str) -> float:
    """An upper bound of `_suffix_tolerant(a, b)` from one longest common subsequence: a
    prefix of the longer key scores at most LCS / shorter length, the whole 2 LCS / sum."""
    if not a or not b:
        return 0.0
    short, long_ = sorted((len(a), len(b)))
    common = LCSseq.similarity(a, b)
    return common / short if short >= 3 and long_ <= short + 8 else 2 * common / (short + long_)


def score_bound(source_key: str, lang: str, token: str, target_lang: str) -> float:
    """An upper bound of `token_score` for source keys longer than 3 letters: `similarity` is at
    most the larger of its whole-key and skeleton parts, each bounded by `_bound`. The scalar
    definition: the searches use `_TokenTable`, which computes it for all tokens at once (the
    tests hold the two equal)."""
    keys = [key(token, target_lang)]
    if token.isascii() and lang != target_lang:
        keys.append(key(token, lang))
    skeleton, best = _skeleton(source_key), 0.0
    for other in keys:
        best = max(best, _bound(source_key, other))
        if len(skeleton) >= 3 and len(_skeleton(other)) >= 3:
            best = max(best, _bound(skeleton, _skeleton(other)))
    return best


# An English text names people and places of every language, and a name not English is
# transliterated as written (Harare = Хараре, Sane = Сане, Europe = Еуропа), not as English
# sounds (keys hareir, sein): the source word is also read without the English sound rules. Of
# CLDR's exemplar cities (en against ru, kk; benchmarks/translit_cldr.py) that finds 305 and
# 304 of 315 instead of 301 and 300, with the same 1 and 0 of 628 wrong pairs. Only where a
# match must be close: loose searches (the closest words to quote) would take more chance
# likenesses (Hearts and Gerard at 0.7).
WRITTEN_READING_FROM = 0.8


def find_word(
    word: str,
    lang: str,
    tokens: list[Word],
    target_lang: str,
    threshold: float,
    aliases: dict[str, set[str]] | None = None,
) -> NameHit | None:
    """Best token matching source `word` by transliteration, if over threshold; an English
    word also as written (WRITTEN_READING_FROM).

    A capitalised token gets CAPITAL_BONUS: names stay capitalised in every language here.
    Tokens whose `score_bound` (plus bonus) stays under the threshold are skipped; the bounds
    of all tokens are computed at once (`_TokenTable.passing`), with the same arithmetic.
    """
    source_key = key(word, lang)
    if not source_key:
        return None
    table = _token_table(tokens, lang, target_lang)
    known = (aliases or {}).get(source_key, set())
    if known:
        first = min(
            (table.first_with_key[k] for k in known if k in table.first_with_key), default=None
        )
        if first is not None:
            part = table.parts[first]
            return NameHit(part.start, part.end, part.text, 1.0)
    best = _best_hit(table, source_key, lang, target_lang, threshold)
    if threshold >= WRITTEN_READING_FROM:
        written = key(word, lang, sounds=False)  # the same key where no sound rule applies
        if written and written != source_key:
            other = _best_hit(table, written, lang, target_lang, threshold)
            if other is not None and (best is None or other.score > best.score):
                best = other
    return best


def _best_hit(
    table: _TokenTable, source_key: str, lang: str, target_lang: str, threshold: float
) -> NameHit | None:
    # one search per source key and threshold: a long text names the same things again and
    # again, and each search reads every token
    memo_key = (source_key, threshold)
    if memo_key in table.searched:
        return table.searched[memo_key]
    # A repeated text scores the same each time, and only a higher score replaces the best: its
    # first occurrence stands for all.
    best: NameHit | None = None
    candidates = table.passing(source_key, threshold) if len(source_key) > 3 else table.firsts
    for i in candidates:
        token = table.parts[i]
        score = min(1.0, token_score(source_key, lang, token.text, target_lang) + table.bonus[i])
        if score >= threshold and (best is None or score > best.score):
            best = NameHit(token.start, token.end, token.text, score)
    table.searched[memo_key] = best
    return best


class _TokenTable:
    """The target side of `find_word` for one token list: its parts (hyphenated tokens split
    too), their keys, consonant skeletons and capital bonuses, built once and reused by every
    source word matched against the same tokens.

    `score_bound` takes the best of up to four comparisons per part: its key, its key read
    with the source's letter values (ASCII parts, other language), and their skeletons of 3+
    letters. They are laid out as four rows of one array ("" where a comparison is not made,
    which bounds to 0), so that all parts are bounded at once with the same arithmetic."""

    def __init__(self, tokens: list[Word], lang: str, target_lang: str):
        self.tokens = list(tokens)
        self.searched: dict[tuple[str, float], NameHit | None] = {}  # find_word's results
        self.parts = list(_parts(tokens))
        first: dict[str, int] = {}
        for i, part in enumerate(self.parts):
            first.setdefault(part.text, i)
        self.firsts = list(first.values())  # the first part of each distinct text, in order
        distinct = list(first)
        slot = {text: j for j, text in enumerate(distinct)}
        self._slot_of_part = np.array([slot[part.text] for part in self.parts], dtype=np.int64)
        distinct_keys = [key(text, target_lang) for text in distinct]
        self.target_keys = [distinct_keys[j] for j in self._slot_of_part.tolist()]
        self.first_with_key: dict[str, int] = {}
        for i, target_key in zip(self.firsts, distinct_keys):
            self.first_with_key.setdefault(target_key, i)
        self.bonus = [CAPITAL_BONUS if t.text[:1].isupper() else 0.0 for t in self.parts]
        own = [
            key(text, lang) if text.isascii() and lang != target_lang else "" for text in distinct
        ]
        self._keys = distinct_keys + own
        skeletons = [_skeleton(k) for k in self._keys]
        self._skeletons = [k if len(k) >= 3 else "" for k in skeletons]
        self._key_lengths = np.array([len(k) for k in self._keys], dtype=np.int64)
        self._skeleton_lengths = np.array([len(k) for k in self._skeletons], dtype=np.int64)
        self._bonus = np.array([self.bonus[i] for i in self.firsts], dtype=np.float64)
        self._rows: dict[str, np.ndarray] = {}  # source key -> bounds of every distinct text
        self._terms: dict[tuple[bool, int], tuple[np.ndarray, np.ndarray]] = {}
        self._edges: tuple[list[int], list[int]] | None = None
        self._capitalised: dict[str, int] | None = None

    def bounds(self, source_key: str) -> np.ndarray:
        """`score_bound(source_key, lang, part, target_lang)` of every part, exactly."""
        return self._distinct_bounds(source_key)[self._slot_of_part]

    def _distinct_bounds(self, source_key: str) -> np.ndarray:
        row = self._rows.get(source_key)
        if row is None:
            row = self._bounds(source_key, False)
            skeleton = _skeleton(source_key)
            if len(skeleton) >= 3:
                row = np.maximum(row, self._bounds(skeleton, True))
            row = self._rows[source_key] = row.reshape(2, -1).max(axis=0)
        return row

    def passing(self, source_key: str, threshold: float) -> list[int]:
        """First parts of the distinct texts whose bound plus capital bonus reaches the
        threshold, in order."""
        if not self.parts:
            return []
        passing = np.flatnonzero(
            self._distinct_bounds(source_key) + self._bonus >= threshold - 1e-9
        )
        return [self.firsts[j] for j in passing.tolist()]

    def next_to(self, end: int | None, start: int | None) -> list[int] | None:
        """Indices of the tokens that `_fill_adjacent` may take: the one right after offset
        `end` and the one right before offset `start` with no token between, in order; None
        when the tokens are not in order without overlap (then every token is tried)."""
        starts, ends = self.edges()
        if self.tokens and not starts:
            return None
        found = set()
        if end is not None:
            k = bisect_left(starts, end)
            if k < len(starts) and starts[k] > end:
                found.add(k)
        if start is not None:
            k = bisect_right(ends, start) - 1
            if k >= 0 and ends[k] < start:
                found.add(k)
        return sorted(found)

    def edges(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the tokens, or two empty lists when they are not in order
        without overlap (a list filtered from `words` always is)."""
        if self._edges is None:
            starts, ends = [t.start for t in self.tokens], [t.end for t in self.tokens]
            ordered = all(s < e for s, e in zip(starts, ends)) and all(
                e <= s for e, s in zip(ends, starts[1:])
            )
            self._edges = (starts, ends) if ordered else ([], [])
        return self._edges

    def capitalised(self) -> dict[str, int]:
        """How often each capitalised token text occurs, in order of first occurrence."""
        if self._capitalised is None:
            self._capitalised = {}
            for t in self.tokens:
                if t.text[:1].isupper():
                    self._capitalised[t.text] = self._capitalised.get(t.text, 0) + 1
        return self._capitalised

    def prime(self, source_keys) -> None:
        """Bound every part for each of the source keys at once (one LCS matrix per kind of
        comparison, the same arithmetic as `bounds`), for the searches to come."""
        sources = sorted({k for k in source_keys if k not in self._rows})
        if len(sources) < 2 or not self.parts:
            return  # nothing to share: `bounds` computes a row when asked
        found = _bound_matrix(sources, self._keys, self._key_lengths)
        skeletons = [_skeleton(k) for k in sources]
        rows = [i for i, k in enumerate(skeletons) if len(k) >= 3]
        if rows:
            found[rows] = np.maximum(
                found[rows],
                _bound_matrix(
                    [skeletons[i] for i in rows], self._skeletons, self._skeleton_lengths
                ),
            )
        self._rows.update(zip(sources, found.reshape(len(sources), 2, -1).max(axis=1)))

    def _bounds(self, a: str, skeletons: bool) -> np.ndarray:
        """`_bound_matrix` for one source key, with what depends on lengths only kept per
        length of the key (this is the path of one-off searches)."""
        others = self._skeletons if skeletons else self._keys
        common = process.cdist([a], others, scorer=LCSseq.similarity, dtype=np.int64, workers=1)[0]
        terms = self._terms.get((skeletons, len(a)))
        if terms is None:
            lengths = self._skeleton_lengths if skeletons else self._key_lengths
            short, total = np.minimum(lengths, len(a)), lengths + len(a)
            prefix = (short >= 3) & (total - short <= short + 8)
            terms = self._terms[skeletons, len(a)] = (
                np.where(prefix, 1, 2),
                np.where(prefix, short, total),
            )
        factor, denominator = terms
        return common * factor / denominator


def _bound_matrix(sources: list[str], others: list[str], lengths: np.ndarray) -> np.ndarray:
    """`_bound(a, b)` for every a of `sources` (rows) and b of `others` (columns, lengths
    given), with the same operations: LCS / shorter length, or 2 LCS / sum of lengths, as
    float64 divisions of integers. An empty b has no common letter: 0 / (sum of lengths) = 0."""
    common = process.cdist(sources, others, scorer=LCSseq.similarity, dtype=np.int64, workers=1)
    own = np.array([len(a) for a in sources], dtype=np.int64)[:, None]
    short, total = np.minimum(lengths, own), lengths + own
    prefix = (short >= 3) & (total - short <= short + 8)
    return np.where(prefix, 1, 2) * common / np.where(prefix, short, total)


def prime_bounds(tokens: list[Word], lang: str, target_lang: str, names) -> None:
    """Bound the tokens for every word of `names` (source names in `lang`) in one go: a rule
    about to match many names against the same target text (CO01, per link) saves the
    per-word set-up; `find_word` then only reads the bounds. Results do not change."""
    source_keys = {key(w.text, lang) for name in names for w in words(name)}
    _token_table(tokens, lang, target_lang).prime(k for k in source_keys if len(k) > 3)


_TABLES: OrderedDict[tuple, _TokenTable] = OrderedDict()
_TABLES_SIZE = 1024
_LISTS: OrderedDict[tuple, tuple[list[Word], int, _TokenTable]] = OrderedDict()


def _token_table(tokens: list[Word], lang: str, target_lang: str) -> _TokenTable:
    """The table of one token list. A list seen before is known by its identity and length in
    O(1) (the entry keeps the list, so its id cannot be reused; token lists are not edited in
    place); a new list by the identity of its tokens: `words` gives the same Word objects for
    the same text, so every rule (CO01, NA01, NA02, ...) and every LinkText of one link shares
    one table. The table keeps its tokens, so their ids cannot be reused while it lives."""
    list_key = (id(tokens), lang, target_lang)
    seen = _LISTS.get(list_key)
    if seen is not None and seen[0] is tokens and seen[1] == len(tokens):
        _LISTS.move_to_end(list_key)
        return seen[2]
    cache_key = (tuple(map(id, tokens)), lang, target_lang)
    table = _TABLES.get(cache_key)
    if table is not None:
        _TABLES.move_to_end(cache_key)
    else:
        table = _TABLES[cache_key] = _TokenTable(tokens, lang, target_lang)
        if len(_TABLES) > _TABLES_SIZE:
            _TABLES.popitem(last=False)
    _LISTS[list_key] = (tokens, len(tokens), table)
    if len(_LISTS) > _TABLES_SIZE:
        _LISTS.popitem(last=False)
    return table


ADJACENT_THRESHOLD = 0.5


def find_name(
    name: str,
    lang: str,
    text: str,
    target_lang: str,
    threshold: float,
    tokens: list[Word] | None = None,
    need_last: bool = True,
    aliases: dict[str, set[str]] | None = None,
    learned: dict[str, set[str]] | None = None,
) -> NameHit | None:
    """Where multi-word `name` is rendered in `text`.

    Words are matched independently (translations reorder names and drop titles); a name
    matches when at least half of its words are found, its last word (a surname) included
    when `need_last`.
    """
    tokens = words(text) if tokens is None else tokens
    parts = [w.text for w in words(name)]
    if any(p[:1].isupper() for p in parts):
        parts = [p for p in parts if not p[:1].islower()]  # "of", "and" inside a name
    if not parts:
        return None
    hits = [find_word(p, lang, tokens, target_lang, threshold, aliases) for p in parts]
    _fill_adjacent(parts, lang, hits, tokens, target_lang, learned)
    found = [h for h in hits if h is not None]
    if (need_last and hits[-1] is None) or not found or 2 * len(found) < len(parts):
        return None
    start, end = min(h.start for h in found), max(h.end for h in found)
    if end - start > len(name) * 3:
        # too far apart for one name: the surname when it is needed, else the likest word
        best = found[-1] if need_last else max(found, key=lambda h: h.score)
        start, end = best.start, best.end
    return NameHit(start, end, text[start:end], sum(h.score for h in found) / len(parts))


def _fill_adjacent(parts, lang, hits, tokens, target_lang, learned) -> None:
    """A name word next to a matched one is accepted on weaker evidence (Larry Giles = Ларри
    Джайлз): names stay contiguous, and English spelling hides the sound. What is accepted
    this way is recorded in `learned` so that the surname alone matches later."""
    for _ in range(2):
        for j, hit in enumerate(hits):
            if hit is not None:
                continue
            neighbour = hits[j - 1] if j > 0 and hits[j - 1] else None
            after = hits[j + 1] if j + 1 < len(hits) and hits[j + 1] else None
            source_key = key(parts[j], lang)
            nearby = _token_table(tokens, lang, target_lang).next_to(
                neighbour.end if neighbour else None, after.start if after else None
            )
            for token in tokens if nearby is None else [tokens[k] for k in nearby]:
                if not token.text[:1].isupper():  # tested first: `beside` scans the tokens
                    continue
                if nearby is None and not (
                    (
                        neighbour
                        and token.start > neighbour.end
                        and not text_between(tokens, neighbour.end, token.start)
                    )
                    or (
                        after
                        and token.end < after.start
                        and not text_between(tokens, token.end, after.start)
                    )
                ):
                    continue
                score = token_score(source_key, lang, token.text, target_lang)
                if score >= ADJACENT_THRESHOLD:
                    hits[j] = NameHit(token.start, token.end, token.text, score)
                    if learned is not None:
                        learned.setdefault(source_key, set()).add(key(token.text, target_lang))
                    break


def token_containing(tokens: list[Word], offset: int, lang: str, target_lang: str) -> int | None:
    """Index of the first token with start <= offset < end, if any."""
    starts, ends = _token_table(tokens, lang, target_lang).edges()
    if tokens and not starts:
        return next((i for i, t in enumerate(tokens) if t.start <= offset < t.end), None)
    k = bisect_right(starts, offset) - 1
    return k if k >= 0 and offset < ends[k] else None


def capitalised_texts(tokens: list[Word], lang: str, target_lang: str) -> dict[str, int]:
    """How often each capitalised token text of `tokens` occurs."""
    return _token_table(tokens, lang, target_lang).capitalised()


def text_between(tokens: list[Word], start: int, end: int) -> bool:
    """Is any token between offsets start and end?"""
    return any(start <= t.start and t.end <= end for t in tokens)


def is_turkic(lang: str) -> bool:
    return lang in TURKIC
