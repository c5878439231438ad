"""align(): monotonic many-to-many alignment of two segment lists by embedding similarity."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from aligncheck.align.band import band_around, full_band, needs_coarse_pass
from aligncheck.align.dp import Params, search
from aligncheck.align.features import Embed, Side, joined_text
from aligncheck.model import Link

CHUNK = 4096


SENTENCE_MEMBER_WEIGHT = 0.2  # tuned on benchmarks/align_sentences.py (tuning half)


def member_weight(unit: str) -> float:
    """The merge bonus for a segmentation unit. Sentences: a short sentence merged into its
    neighbour is linked 2-1, not skipped. Paragraphs: none; on the clean tuning half it made
    a faithful Turkmen paragraph an omission (OM01)."""
    return SENTENCE_MEMBER_WEIGHT if unit == "sentence" else 0.0


LEXICAL_WEIGHT = 0.1  # tuned on benchmarks/align_sentences.py, checked on paragraphs (tuning half)


def lexical_weight(unit: str) -> float:
    """The weight of shared lexical anchors (numbers, ?, !, quotes; lexical.py) for a
    segmentation unit: they tell where a short sentence or a split belongs. The same for
    paragraphs: on the perturbed tuning half (align_unseen.py) 0.988 -> 0.993, and the clean
    tuning half's warnings and errors (precision_unseen.py) are unchanged."""
    return LEXICAL_WEIGHT


# Sentences of a literary or rewritten translation merge 2-2, 1-4 or 2-3 (Bleualign's dev
# document from Text+Berg, Vecalign's bleualign_data: strict F1 0.804 -> 0.870 with these,
# Bertalign's algorithm with the same e5 model 0.877); NTREX-dev's tuning half at sentence
# level, whose merges are synthetic and one-sided, moves -0.002 to +0.004 by seed
# (benchmarks/align_textberg.py --bleualign, benchmarks/align_sentences.py).
SENTENCE_LINKS = {"max_window": 4, "both_sides_penalty": 0.0, "skip": -0.15}


def unit_options(unit: str) -> dict[str, float | int]:
    """align()'s options for a segmentation unit: the merge bonus and lexical weight, and
    for sentences the longer links and cheaper 2-2 merges of SENTENCE_LINKS (paragraphs keep
    the defaults, tuned on NTREX-dev paragraphs)."""
    options = {"member_weight": member_weight(unit), "lexical_weight": lexical_weight(unit)}
    return options | SENTENCE_LINKS if unit == "sentence" else options


def align(
    source_texts: Sequence[str],
    target_texts: Sequence[str],
    embed: Embed | Sequence[Embed],
    **options,
) -> tuple[Link, ...]:
    """Links covering every source and target segment exactly once, in document order.

    `embed` maps texts to L2-normalised rows; given several, their (centred) cosines are
    averaged. A link joins up to `max_window` consecutive segments per side (1-1, 1-2, 2-1,
    2-2, 1-3, 3-1 by default) or leaves one segment unmatched (1-0 / 0-1, costing `skip`);
    each extra segment in a link costs `merge_penalty`; a merge on one side earns
    `member_weight` times its weakest member's similarity to the other side (dp.py;
    `member_weight(unit)` gives the default per unit: sentences only); a link earns
    `lexical_weight` per lexical anchor (number, ?, !, quotation mark) its two sides share,
    and loses half that per anchor on one side only (lexical.py; `lexical_weight(unit)`:
    sentences only).
    Merge windows are first scored by a length-weighted sum of their members' vectors; with
    `exact_windows` the joined texts of the merges on that path are embedded and the path
    searched again.

    Link.score is the cosine of the two sides' vectors after each document's mean vector is
    subtracted (unrelated paragraphs score near 0, faithful translations mostly 0.4-0.9 with e5),
    clipped to [0, 1]; 1-0 and 0-1 links score 0.
    """
    ratio = options.pop("length_ratio", None)
    return align_many(source_texts, [target_texts], embed, length_ratios=[ratio], **options)[0]


def align_many(
    source_texts: Sequence[str],
    targets: Sequence[Sequence[str]],
    embed: Embed | Sequence[Embed],
    *,
    max_window: int = 3,
    skip: float = -0.1,
    radius: int = 8,
    exact_windows: bool = True,
    merge_penalty: float = 0.08,
    length_power: float = 2.0,
    both_sides_penalty: float = 0.2,
    member_weight: float = 0.0,
    lexical_weight: float = 0.0,
    length_ratios: Sequence[float | None] | None = None,
) -> list[tuple[Link, ...]]:
    """`align` of one source with each of several targets; the exact merge windows of every
    pair are embedded in one batch (each pair's result is what `align` alone gives).
    `length_ratios`: per target, its `length_ratio` (see `align`)."""
    embeds = [embed] if callable(embed) else list(embed)
    params = Params(
        skip,
        max_window,
        merge_penalty,
        length_power,
        both_sides_penalty,
        member_weight,
        lexical_weight,
    )
    searched = []
    ratios = list(length_ratios) if length_ratios is not None else [None] * len(targets)
    for target_texts, prior in zip(targets, ratios, strict=True):
        n, m = len(source_texts), len(target_texts)
        if n == 0 or m == 0:
            searched.append(None)
            continue
        src, tgt = Side.embed(source_texts, embeds), Side.embed(target_texts, embeds)
        path, band, ratio = _search(src, tgt, params, radius, prior)
        windows = _merges(path) if exact_windows and max_window > 1 else ([], [])
        searched.append((src, tgt, path, band, windows, ratio))
    pending = [
        joined_text(side.texts, w)
        for item in searched
        if item
        for side, side_windows in zip(item[:2], item[4])
        for w in side_windows
    ]
    for e in embeds if pending else ():
        e(pending)  # one batch; add_exact below finds them in the embedder's memory
    out = []
    for target_texts, item in zip(targets, searched):
        if item is None:
            out.append(
                tuple(
                    [Link((i,), (), 0.0) for i in range(len(source_texts))]
                    + [Link((), (j,), 0.0) for j in range(len(target_texts))]
                )
            )
            continue
        src, tgt, path, (lo, hi), (src_windows, tgt_windows), ratio = item
        if src_windows or tgt_windows:
            src.add_exact(src_windows, embeds)
            tgt.add_exact(tgt_windows, embeds)
            path, _ = search(src, tgt, lo, hi, params, ratio=ratio)
        out.append(_links(path, src, tgt))
    return out


def _search(src: Side, tgt: Side, params: Params, radius: int, prior: float | None = None):
    if needs_coarse_pass(src.n, tgt.n):
        coarse, _, _ = _search(src.halved(), tgt.halved(), params, radius, prior)
        band = band_around(coarse, src.n, tgt.n, 2, radius)
    else:
        band = full_band(src.n, tgt.n)
    path, _ = search(src, tgt, *band, params, ratio=prior)
    ratio = linked_ratio(path, src, tgt) or prior
    if ratio is not None:
        path, _ = search(src, tgt, *band, params, ratio=ratio)
    return path, band, ratio


MIN_RATIO_LINKS = 2


def linked_ratio(path, src: Side, tgt: Side) -> float | None:
    """The median target/source length ratio of the path's 1-1 links: how long a translation
    of this document is where nothing was dropped or merged. The documents' total ratio
    counts a dropped paragraph as a shorter translation, which then makes a 2-1 merge over
    the gap look the right length."""
    ratios, i, j = [], 0, 0
    for a, b in path:
        if a == 1 and b == 1 and src.lens[i] > 0:
            ratios.append(tgt.lens[j] / src.lens[i])
        i, j = i + a, j + b
    return float(np.median(ratios)) if len(ratios) >= MIN_RATIO_LINKS else None


def _merges(path):
    """(start, size) of each side's windows of 2+ segments that the path links."""
    src_windows: list[tuple[int, int]] = []
    tgt_windows: list[tuple[int, int]] = []
    i = j = 0
    for a, b in path:
        if a > 1:
            src_windows.append((i, a))
        if b > 1:
            tgt_windows.append((j, b))
        i, j = i + a, j + b
    return src_windows, tgt_windows


def _links(path, src: Side, tgt: Side) -> tuple[Link, ...]:
    spans = []
    i = j = 0
    for a, b in path:
        spans.append((i, a, j, b))
        i, j = i + a, j + b
    scores = np.zeros(len(spans))
    by_type: dict[tuple[int, int], list[int]] = {}
    for k, (_, a, _, b) in enumerate(spans):
        if a and b:
            by_type.setdefault((a, b), []).append(k)
    for (a, b), members in by_type.items():
        for c in range(0, len(members), CHUNK):
            chunk = members[c : c + CHUNK]
            s_ends = np.array([spans[k][0] + a for k in chunk])
            t_ends = np.array([spans[k][2] + b for k in chunk])
            sv = _windows_at(src, s_ends, a)
            tv = _windows_at(tgt, t_ends, b)
            scores[chunk] = np.clip((sv * tv).sum(axis=1), 0.0, 1.0)
    return tuple(
        Link(tuple(range(i, i + a)), tuple(range(j, j + b)), round(float(s), 4))
        for (i, a, j, b), s in zip(spans, scores)
    )


def _windows_at(side: Side, ends: np.ndarray, size: int) -> np.ndarray:
    """Window vectors at sorted `ends`, computed a bounded stretch of the document at a time."""
    parts = []
    for group in np.split(ends, np.flatnonzero(np.diff(ends // CHUNK)) + 1):
        first, last = int(group[0]), int(group[-1])
        parts.append(side.windows(first, last, size)[group - first])
    return np.concatenate(parts)
