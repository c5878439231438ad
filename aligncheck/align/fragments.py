"""A piece of a source sentence that its translation leaves out, where no sentence is missing.

Lines joined without a final stop (a headline and the story under it, in one paragraph) are
one "sentence" to the splitter, so a dropped headline, or a sentence dropped after one, leaves
no sentence unmatched: only a target shorter than expected. Three witnesses together point at
such a piece (OM02 reports it): the bead it is in (align/sentences.py) is FRAGMENT_Z sd or
more short on the target side; at most PIECE_ALIGNED_AT_MOST of the piece's content words
are word-aligned to the target (align/words.py); and the bead's cosine rises when the piece
leaves its sentence.
Pieces are tried where a headline meets the sentence after it: a capitalised word after a
lower-case word of four letters or more, or a figure ("... against civilians Mexican
President-elect", "... rises to 832 The ..."), each side keeping _EDGE words or more; not
after "the" or "by" nor inside a capitalised run, where names start and go on (with any
unpunctuated word before the capital, the sample's tk version got two false warnings:
"... by the United Nations Development" and "... of the Regional"), unless the capitalised
word is a function word of the language by wordfreq ("... West Virginia The President").
A full stop after a lower-case letter marks a piece too: the splitter keeps a quotation of
several sentences whole.

Tuning half of NTREX-dev: sentence dropped 0.840 -> 0.880 (8 of the 32 misses found); of its
845 clean links 6 had a piece of few aligned words, 4 of them in a bead short enough, and
none passed the third.
Each witness alone, or two of them, flagged clean links (benchmarks/RESULTS.md, OM02).
A glued sentence the sentence aligner leaves unmatched is tried against the unmatched target
sentences beside it (`_matched`): with one sentence each side and a line lost, the target can
be too short for any bead (sentence dropped 0.883 -> 0.891 of 495 plants, no clean warning).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import regex

from aligncheck.align.sentences import (
    SCORE_LENGTH,
    SCORE_MATCH,
    Gap,
    Sentence,
    cheapest_alignment,
    length_z,
    run_similarities,
    unit_vector,
)
from aligncheck.lang.frequency import zipf

FRAGMENT_Z = 1.3
PIECE_ALIGNED_AT_MOST = 0.2
MIN_WORDS = 3  # content words a piece needs (`Coverage`)
_SCORE_UNCOVERED = 1.0  # score per share of the piece's content words left unaligned
_EDGE = 3
FUNCTION_ZIPF = 6.0  # the, there, it, in: a sentence starts there even after a capital
# the link's target may be less short than one bead of it: a short headline lost from a long
# paragraph (1.0: sentence dropped 0.891 of 495 tuning plants; 0.5 and 0: 0.899)
_LINK_Z = 0.5
_TOKEN = regex.compile(r"\S+")
# a headline's last word (not "the", "of"), or a sentence's end the splitter let pass (inside a
# quotation of several sentences)
_HEADLINE_END = regex.compile(r"\p{Ll}{4,}|\d+|.*\p{Ll}[.!?]")
_CAPITALISED = regex.compile(r"[\"'“‘«]?\p{Lu}[\p{L}\p{N}'’-]*")
# English writes "I" (I'm, I've) with a capital anywhere in a sentence: after a word, no cut
_PRONOUN_I = regex.compile(r"I(?:['’]\p{Ll}+)?")

# (sentence index, start, end) of a piece of that sentence's text -> (content words, share of
# them word-aligned to the target), or None where that cannot be told
Coverage = Callable[[int, int, int], "tuple[int, float] | None"]


def cut_points(text: str, lang: str = "") -> list[int]:
    """Where a piece of `text` may start or end: a capitalised word after a word that ends
    without punctuation ("... on Mexico City Ash spewing ..."), _EDGE words from either end;
    after a capitalised word too where the word is one of `lang`'s function words by wordfreq
    (Zipf FUNCTION_ZIPF and up: "... in West Virginia The President")."""
    tokens = list(_TOKEN.finditer(text))
    return [
        tokens[i].start()
        for i in range(_EDGE, len(tokens) - _EDGE + 1)
        if (
            _HEADLINE_END.fullmatch(tokens[i - 1].group())
            or _CAPITALISED.fullmatch(tokens[i - 1].group())
            and _function_word(tokens[i].group(), lang)
        )
        and _CAPITALISED.fullmatch(tokens[i].group())
        and not (_PRONOUN_I.fullmatch(tokens[i].group()) and tokens[i - 1].group()[-1:].isalnum())
    ]


def _function_word(token: str, lang: str) -> bool:
    word = token.strip("\"'“‘«")
    return bool(lang) and (zipf(word, lang) or 0.0) >= FUNCTION_ZIPF


def worth_trying(src: list[Sentence], tgt: list[Sentence], ratio: float, lang: str = "") -> bool:
    """Whether `dropped_fragments` may find something: the link's target is _LINK_Z sd or more
    short (a bead of it may be FRAGMENT_Z short) and a source sentence has a cut point."""
    if not src or not tgt:
        return False
    z = -length_z(sum(len(s.text) for s in src), sum(len(t.text) for t in tgt), ratio)
    return z >= _LINK_Z and any(cut_points(s.text, lang) for s in src)


def dropped_fragments(
    src: list[Sentence],
    tgt: list[Sentence],
    ratio: float,
    embedder,
    coverage: Coverage,
    lang: str = "",
) -> list[Gap]:
    """The best piece of each source sentence that the three witnesses point at, as a Gap
    (its `sentence` the piece) scored by the bead's shortfall in sd + SCORE_MATCH * the
    cosine gained without it + _SCORE_UNCOVERED * the share of its words left unaligned."""
    texts, other = [s.text for s in src], [t.text for t in tgt]
    pieces: dict[int, list[tuple[int, int, float, str]]] = {}  # start, end, share, rest
    for i, text in enumerate(texts):
        for p in cut_points(text, lang):
            for a, b, rest in ((0, len(text[:p].rstrip()), text[p:]), (p, len(text), text[:p])):
                found = coverage(i, a, b)
                if found and found[0] >= MIN_WORDS and found[1] <= PIECE_ALIGNED_AT_MOST:
                    pieces.setdefault(i, []).append((a, b, found[1], rest.strip()))
    if not pieces:
        return []
    vectors = np.asarray(embedder.embed(texts + other), dtype=np.float64)
    _, beads = cheapest_alignment(texts, other, ratio, run_similarities(vectors, len(src)))
    beads = _matched(beads, pieces)
    tried = []  # (sentence, start, end, share aligned, bead's sd short, bead, rest of sentence)
    for s_idx, t_idx in beads:
        if not s_idx or not t_idx or not pieces.keys() & set(s_idx):
            continue
        z = -length_z(sum(len(texts[i]) for i in s_idx), sum(len(other[j]) for j in t_idx), ratio)
        if z >= FRAGMENT_Z:
            tried += [
                (i, *piece[:3], z, (s_idx, t_idx), piece[3])
                for i in s_idx
                for piece in pieces.get(i, ())
            ]
    if not tried:
        return []
    rests = np.asarray(embedder.embed([t[-1] for t in tried]), dtype=np.float64)
    best: dict[int, tuple[float, Gap]] = {}
    for (i, a, b, share, z, (s_idx, t_idx), _), rest in zip(tried, rests):
        target = unit_vector(vectors[[len(src) + j for j in t_idx]].sum(axis=0))
        whole = vectors[list(s_idx)].sum(axis=0)
        gain = float(unit_vector(whole - vectors[i] + unit_vector(rest)) @ target) - float(
            unit_vector(whole) @ target
        )
        if gain <= 0 or gain <= best.get(i, (0.0,))[0]:
            continue
        s = src[i]
        piece = Sentence(s.segment, s.start + a, s.start + b, s.text[a:b])
        score = SCORE_LENGTH * z + SCORE_MATCH * gain + _SCORE_UNCOVERED * (1 - share)
        best[i] = (gain, Gap(piece, -z, score))
    return [gap for _, gap in best.values()]


def _matched(beads: list, pieces) -> list:
    """`beads`, plus a bead for each unmatched source sentence with pieces to try and the
    unmatched target sentences beside it: a headline and story glued into one sentence that
    lost a line may be too short for any bead (one sentence each side, as 1-0 and 0-1)."""
    out = list(beads)
    for k, (s_idx, t_idx) in enumerate(beads):
        if t_idx or not pieces.keys() & set(s_idx):
            continue
        beside = [b for b in beads[max(0, k - 1) : k + 2] if not b[0] and b[1]]
        if beside:
            out.append((s_idx, tuple(j for b in beside for j in b[1])))
    return out
