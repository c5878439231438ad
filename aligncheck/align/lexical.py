"""Lexical anchors: what a translation keeps verbatim, and how well two windows share them.

Classic sentence aligners (Moore 2002, hunalign) lean on tokens a translation keeps, which a
small embedding model barely weighs: a short sentence "18 holes to make a mark." or a quoted
question moves the vector of the window it is merged into very little. A segment's anchors:

    d:<digits>   each number, its separators dropped (1,000 = 1 000 = 1000; 3.5 = 3,5)
    p:?  p:!  p:(   a question mark, an exclamation mark, an opening parenthesis
    p:"          a quotation mark of any style ("", “”, «», „“, '' and ‘’ not inside a word)

A window's anchors are the union of its segments'. A link of a source and a target window
scores the anchors found on both sides less `UNMATCHED` times those found on one side only.

Tried and dropped on the tuning half (benchmarks/RESULTS.md): capitalised words as names, by
the consonants of their phonetic key (translit.key), matched Feinstein / Файнстайнды and
Bolivia / Боливии but changed nothing (0 to -2 links at weights 1 and 2, three seeds).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import regex

# a number: digits, thousands groups after . , or a (narrow) space, and decimals
_NUMBER = regex.compile(r"\p{Nd}+(?:[.,\u00a0\u202f ]\p{Nd}{3}(?!\p{Nd}))*(?:[.,]\p{Nd}+)?")
_QUOTES = '"“”„«»‹›「」'
# a single quotation mark is one not between two letters (don't, Qur'an are apostrophes)
_SINGLE_QUOTE = regex.compile(r"(?<!\p{L})['‘’‚]|['‘’‚](?!\p{L})")
# on the tuning half 0 was worse (0.987), 1 no better (0.990 / 0.986 / 0.986 at three seeds)
UNMATCHED = 0.5


@lru_cache(maxsize=65536)
def anchors(text: str) -> frozenset[str]:
    """The anchors of one segment (see the module docstring)."""
    out = set()
    for m in _NUMBER.finditer(text):
        digits = "".join(ch for ch in m.group() if ch.isdigit())
        out.add("d:" + (str(int(digits)) if len(digits) < 30 else digits))
    for mark in "?!(":
        if mark in text:
            out.add("p:" + mark)
    if any(q in text for q in _QUOTES) or _SINGLE_QUOTE.search(text):
        out.add('p:"')
    return frozenset(out)


class Block:
    """The anchors of segments first..first + len(sets) - 1 of one side, over a vocabulary
    shared with the other side's block: window presence by cumulative counts."""

    def __init__(self, sets: Sequence[frozenset[str]], first: int, index: dict[str, int]):
        counts = np.zeros((len(sets) + 1, len(index)), dtype=np.float32)
        for row, found in enumerate(sets, 1):
            counts[row, [index[a] for a in found]] = 1.0
        self.cum = np.cumsum(counts, axis=0)
        self.first = first

    def presence(self, ends: np.ndarray, size: int) -> np.ndarray:
        """1 where the window of `size` segments ending at `ends` (exclusive) holds the
        anchor; windows reaching outside the block are cut at its edge (their links do not
        fit anyway)."""
        last = len(self.cum) - 1
        hi = np.clip(ends - self.first, 0, last)
        lo = np.clip(ends - size - self.first, 0, last)
        return ((self.cum[hi] - self.cum[lo]) > 0).astype(np.float32)


def blocks(
    src_sets: Sequence[frozenset[str]],
    src_first: int,
    tgt_sets: Sequence[frozenset[str]],
    tgt_first: int,
) -> tuple[Block, Block] | None:
    """The two sides' blocks, or None when neither holds an anchor."""
    vocab = sorted(set().union(*src_sets, *tgt_sets))
    if not vocab:
        return None
    index = {a: i for i, a in enumerate(vocab)}
    return Block(src_sets, src_first, index), Block(tgt_sets, tgt_first, index)


def scores(src_presence: np.ndarray, tgt_presence: np.ndarray) -> np.ndarray:
    """Anchors shared by each source and target window, less UNMATCHED x those on one side."""
    shared = src_presence @ tgt_presence.T
    alone = src_presence.sum(axis=1)[:, None] + tgt_presence.sum(axis=1)[None, :] - 2 * shared
    return shared - UNMATCHED * alone
