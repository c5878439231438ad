"""Banded dynamic programme over link types (a source segments, b target segments).

State (i, j) = first i source and first j target segments consumed; row i may only use
columns lo[i]..hi[i]. A link of a>0, b>0 segments earns

    (sim - neighbour margin + member_weight * weakest member) * length factor ** length_power
        - merge_penalty * (a + b - 2) - both_sides_penalty if a > 1 and b > 1
        + lexical_weight * (shared anchors - 0.5 * anchors on one side only)

where sim is the dot product of the two windows' vectors, the margin is the mean similarity
of each window to the segments just before and after the other window (Bertalign's margin),
and the length factor log2(1 + shorter/longer) of the char lengths (source scaled by the
document's length ratio) is 1 for equal lengths. Squaring it (length_power 2) keeps a dropped
paragraph from hiding inside a 2-1 merge with its neighbour. A 1-0 or 0-1 link earns `skip` (< 0).
A link merging on both sides (2-2) earns one link's value where the two 1-1 links inside it
earn two, so it pays `both_sides_penalty` too: without it a document's first paragraphs, close
in topic, were linked as one 2-2 (aligned one document at a time, the tuning half of NTREX-dev
scores strict F1 0.982 without, 0.988 with 0.2 to 1.0).
The weakest member of a merge on one side (2-1, 1-2, 3-1, 1-3) is the lowest similarity of
one of its segments to the other side's segment: a short sentence merged into its neighbour
(its translation inside the other side) scores well, a dropped one next to a 1-1 link does
not, where the merged window's own sim barely moves with a short member. Sentence alignment
on the tuning half of NTREX-dev (benchmarks/align_sentences.py) goes from 0.976 to 0.983
with member_weight 0.2, used for sentences only (aligner.member_weight): on clean paragraphs
it made one faithful paragraph an omission.
The anchors (lexical.py) are numbers, question and exclamation marks, parentheses and
quotation marks, which a translation keeps and a small embedding model barely weighs: with
lexical_weight 0.1 (aligner.lexical_weight, every unit), the same benchmark goes from 0.983
to 0.990, and paragraphs (align_unseen.py --half tuning) from 0.988 to 0.993. They are
computed once per segment, and only for the blocks of the band the search visits (not on the
coarse pass, whose sides have no texts).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from aligncheck.align import lexical
from aligncheck.align.features import Side

BLOCK_CELLS = 1 << 13


def link_types(max_window: int) -> tuple[tuple[int, int], ...]:
    """(a, b) pairs: 1-1, skips, then merges up to max_window segments a side."""
    limit = max(4, max_window + 1)
    merges = [
        (a, b)
        for a in range(1, max_window + 1)
        for b in range(1, max_window + 1)
        if a + b <= limit and (a, b) != (1, 1)
    ]
    return ((1, 1), (1, 0), (0, 1), *sorted(merges, key=lambda t: (t[0] + t[1], t)))


@dataclass(frozen=True)
class Params:
    skip: float = -0.1
    max_window: int = 3
    merge_penalty: float = 0.08
    length_power: float = 2.0
    both_sides_penalty: float = 0.2
    member_weight: float = 0.0  # the pipeline's per unit: aligner.member_weight
    lexical_weight: float = 0.0  # the pipeline's per unit: aligner.lexical_weight


def _block_values(
    src: Side,
    tgt: Side,
    rows: tuple[int, int],
    cols: tuple[int, int],
    types,
    ratio: float,
    merge_penalty: float,
    length_power: float,
    both_sides_penalty: float,
    member_weight: float = 0.0,
    lexical_weight: float = 0.0,
) -> dict[tuple[int, int], np.ndarray]:
    """Link values for states rows[0]..rows[1] x cols[0]..cols[1], one matrix per type."""
    (r0, r1), (c0, c1) = rows, cols
    k = max(max(t) for t in types)
    t_single = tgt.windows(c0 - k, c1 + 1, 1)  # index x -> segment c0 - k - 1 + x
    s_single = src.windows(r0 - k, r1 + 1, 1)
    jj = np.arange(c0, c1 + 1)
    ii = np.arange(r0, r1 + 1)
    out = {}
    anchor_blocks = _anchor_blocks(src, tgt, r0 - k, r1, c0 - k, c1) if lexical_weight else None
    if anchor_blocks:
        src_anchors = {a: anchor_blocks[0].presence(ii, a) for a in {t[0] for t in types if t[0]}}
        tgt_anchors = {b: anchor_blocks[1].presence(jj, b) for b in {t[1] for t in types if t[1]}}
    src_win = {a: src.windows(r0, r1, a) for a in {t[0] for t in types if t[0]}}
    tgt_win = {b: tgt.windows(c0, c1, b) for b in {t[1] for t in types if t[1]}}
    for a, b in types:
        if a == 0 or b == 0:
            continue
        sw, tw = src_win[a], tgt_win[b]
        sim = sw @ tw.T
        to_tgt = sw @ t_single.T
        left_t = to_tgt[:, jj - b - (c0 - k - 1) - 1]
        right_t = to_tgt[:, np.minimum(jj - (c0 - k - 1), to_tgt.shape[1] - 1)]
        has_left_t = (jj - b - 1 >= 0)[None, :]
        has_right_t = (jj < tgt.n)[None, :]
        to_src = s_single @ tw.T
        left_s = to_src[ii - a - (r0 - k - 1) - 1, :]
        right_s = to_src[np.minimum(ii - (r0 - k - 1), to_src.shape[0] - 1), :]
        has_left_s = (ii - a - 1 >= 0)[:, None]
        has_right_s = (ii < src.n)[:, None]
        margin_t = _mean2(left_t, has_left_t, right_t, has_right_t)
        margin_s = _mean2(left_s, has_left_s, right_s, has_right_s)
        margin = np.where(
            np.isnan(margin_t),
            margin_s,
            np.where(np.isnan(margin_s), margin_t, (margin_t + margin_s) / 2),
        )
        margin = np.nan_to_num(margin, nan=0.0)
        ls = src.span_len(r0, r1, a)[:, None] * ratio
        lt = tgt.span_len(c0, c1, b)[None, :]
        factor = np.log2(1 + np.minimum(ls, lt) / np.maximum(np.maximum(ls, lt), 1e-9))
        evidence = sim - margin
        if member_weight and (a > 1) != (b > 1):
            members = [to_src[ii - d - (r0 - k - 1), :] for d in range(1, a + 1) if a > 1]
            members += [to_tgt[:, jj - d - (c0 - k - 1)] for d in range(1, b + 1) if b > 1]
            weakest = np.minimum.reduce(np.broadcast_arrays(*members))
            evidence = evidence + member_weight * weakest
        value = evidence * factor**length_power - merge_penalty * (a + b - 2)
        if a > 1 and b > 1:
            value -= both_sides_penalty
        if anchor_blocks:
            value = value + lexical_weight * lexical.scores(src_anchors[a], tgt_anchors[b])
        fits = (ii >= a)[:, None] & (jj >= b)[None, :]
        out[(a, b)] = np.where(fits, value, -np.inf)
    return out


def _anchor_blocks(src: Side, tgt: Side, s0: int, s1: int, t0: int, t1: int):
    """Anchor blocks of source segments s0..s1 - 1 and target segments t0..t1 - 1 (clipped to
    the documents); None without texts (the coarse pass) or anchors."""
    src_sets, tgt_sets = src.anchors(), tgt.anchors()
    if src_sets is None or tgt_sets is None:
        return None
    s0, t0 = max(s0, 0), max(t0, 0)
    return lexical.blocks(src_sets[s0:s1], s0, tgt_sets[t0:t1], t0)


def _mean2(x, has_x, y, has_y):
    count = has_x.astype(np.float64) + has_y
    total = np.where(has_x, x, 0.0) + np.where(has_y, y, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, total / count, np.nan)


def _row_blocks(lo: np.ndarray, hi: np.ndarray):
    """Consecutive row ranges whose bounding column box stays near BLOCK_CELLS cells."""
    n = len(lo)
    start = 0
    while start < n:
        end = start
        while end + 1 < n and (end + 2 - start) * (hi[end + 1] - lo[start] + 1) <= BLOCK_CELLS:
            end += 1
        yield start, end
        start = end + 1


def search(
    src: Side,
    tgt: Side,
    lo: np.ndarray,
    hi: np.ndarray,
    params: Params,
    ratio: float | None = None,
):
    """Best path through the band: a list of (a, b) link types, and the total score.
    `ratio` is the target's length per source character (default: the documents')."""
    types = link_types(params.max_window)
    if ratio is None:
        ratio = tgt.cumlen[-1] / max(src.cumlen[-1], 1.0)
    insert = types.index((0, 1))
    scores: list[np.ndarray] = []
    back: list[np.ndarray] = []
    for r0, r1 in _row_blocks(lo, hi):
        c0, c1 = int(lo[r0]), int(hi[r1])
        values = _block_values(
            src,
            tgt,
            (r0, r1),
            (c0, c1),
            types,
            ratio,
            params.merge_penalty,
            params.length_power,
            params.both_sides_penalty,
            params.member_weight,
            params.lexical_weight,
        )
        for i in range(r0, r1 + 1):
            width = int(hi[i] - lo[i] + 1)
            best = np.full(width, -np.inf)
            bp = np.zeros(width, dtype=np.int8)
            if i == 0:
                best[0] = 0.0
            for t, (a, b) in enumerate(types):
                if a == 0 or i < a:
                    continue
                prev, plo = scores[i - a], lo[i - a]
                j0 = max(lo[i], plo + b)
                j1 = min(hi[i], plo + b + len(prev) - 1)
                if j0 > j1:
                    continue
                cand = prev[j0 - b - plo : j1 - b - plo + 1]
                if b == 0:
                    cand = cand + params.skip
                else:
                    cand = cand + values[(a, b)][i - r0, j0 - c0 : j1 - c0 + 1]
                seg = slice(j0 - lo[i], j1 - lo[i] + 1)
                better = cand > best[seg]
                np.copyto(best[seg], cand, where=better)
                bp[seg][better] = t
            ramp = np.arange(width) * params.skip
            shifted = best - ramp
            running = np.maximum.accumulate(shifted)
            from_left = running > shifted
            np.copyto(best, running + ramp, where=from_left)
            bp[from_left] = insert
            scores.append(best)
            back.append(bp)
    path = []
    i, j = src.n, tgt.n
    total = float(scores[i][j - lo[i]])
    while i > 0 or j > 0:
        a, b = types[back[i][j - lo[i]]]
        path.append((a, b))
        i, j = i - a, j - b
    path.reverse()
    return path, total
