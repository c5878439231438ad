"""A sentence aligner inside one paragraph link, and the unmatched sentences it finds.

`sentences` splits a link's side into sentences; `align_sentences` aligns two sides
(Gale-Church beads, numbers, and cosines when embeddings are given); `candidates` returns
the sentences of each side that have no counterpart, with their evidence. Whether a
candidate is reported is the rules' decision (OM02, AD02: checks/sentence_gaps.py).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import regex

from aligncheck._runtime.memo import per_release
from aligncheck.lang.profiles import length_factor, length_spread
from aligncheck.model import Link, Segmentation
from aligncheck.segment import split_sentences

_BEADS = {(1, 1): 0.0, (2, 1): 2.3, (1, 2): 2.3, (2, 2): 4.5, (3, 1): 4.5, (1, 3): 4.5}
_SKIP = 3.0
_EMBED_WEIGHT = 6.0  # 12 found fewer drops on NTREX-dev (a dropped sentence hid in a 2-1 bead)
_NUMBER_WEIGHT = 2.0
_NUMBER = regex.compile(r"\d+")
_LENGTH_NORMAL = 0.5  # without embeddings: |z| below this, no sentence can be missing or extra

# With embeddings, an unmatched sentence gets one score (benchmarks/planted_other.py, NTREX-dev):
#   DP margin: cost of the best alignment that must match the sentence minus the best one
#              (a log-likelihood ratio: length, bead shape, numbers and cosines together)
#   + SCORE_LENGTH * sd by which its side is longer than the calibrated length ratio
#   + SCORE_MATCH * how far its best cosine (to any run of 1-3 sentences of the other side)
#              falls below the median best cosine of its sibling sentences
#   + _SCORE_NUMBER * (numbers of it absent from the other side - half of those present; a
#              figure the other side gives in another unit counts as present: `converted_figures`)
#   - _SCORE_ABSORB * how much a neighbouring bead's cosine rises with it (`absorption`), for
#              target sentences only: translators split long source sentences into several, so
#              an unmatched target sentence may carry on its neighbour's translation (NTREX-dev
#              clean AD02 7 -> 4, planted additions found 902 -> 897 of 1024; source sentences
#              gained nothing at a recall cost).
#   - _SCORE_PAIRED when the sentence and an unmatched neighbour of the other side are each
#              other's best match (`paired_gap`): a translation condensed or expanded past what
#              the length prior pairs (NTREX-dev clean OM02 3 -> 1, AD02 3 -> 2; planted drops
#              found unchanged, 176 of 200, from 2.0 to 5.0 alike; leaving such sentences out
#              altogether lost 2, where a drop inside a long sentence also shortened its match).
#              Its cost, on benchmarks/om02_gate_study.py's harder plants: shortest line dropped
#              found 131 -> 129 of 200, a foreign line inserted 147 -> 145: each a drop or an
#              insertion inside a "sentence" the splitter had joined with its neighbour.
SCORE_LENGTH = 1.0
SCORE_MATCH = 30.0
_SCORE_NUMBER = 1.0
_SCORE_ABSORB = 20.0
_SCORE_PAIRED = 3.0
_SHORTFALL_CAP = 0.15  # no single term decides: e5 shortfalls rarely exceed this
# A target sentence the DP matched but whose best cosine is this far below its siblings' is
# scored too (by what leaving it out costs): AD02 0.709 -> 0.735 found on NTREX-dev at the same
# false alarms. Not for source sentences: OM02 gained recall only with as many false alarms.
_NEAR_SHORTFALL = 0.03
# A source sentence the DP matched in a bead of several source sentences that the bead is better
# without (`shed_sentences`) is scored too (by what leaving it out costs): a short dropped
# sentence hides in a 2-1 bead, the prior and the length pulling it in. OM02 then reports it
# only if its words are not mostly word-aligned (checks/sentence_gaps.py): e5 also finds a
# bead better without a clause a translator merged into its neighbour ("..., даже если ...").
# NTREX-dev tuning half: sentence dropped 0.815 -> 0.840, no clean OM02 warning.
_SHED_GAIN = 0.0
_MARGIN_BEADS = 4  # beads either side of an unmatched sentence re-aligned to score it
# Sentences are embedded only where something may be missing or extra: the sides' sentence
# counts differ or the length ratio is this many sd from normal (on the seed 61% of the text of
# multi-sentence links is then never embedded; a drop changes the count or the length).
_SCORE_GATE_Z = 1.0
# ... and where the length-only evidence (`length_evidence`: the score without its embedding
# terms) plus the most those terms add could pass a rule's threshold. The shortfall term adds at
# most SCORE_MATCH * _SHORTFALL_CAP = 4.5; on NTREX-dev (clean, planted drops, omitted and added
# paragraphs, every link scored: benchmarks/om02_gate_study.py) the best candidate score of a
# link exceeded its length-only evidence by at most 4.71 (OM02, 218 links) and 4.29 (AD02, 460).
# No finding there is lost; a cold run of the seed embeds 808 sentence tokens instead of 2290.
# Links of more sentences than _EVIDENCE_MAX are not bounded (the DPs per sentence would cost
# more than they save) and are scored as before.
_EVIDENCE_SLACK = 5.0
_EVIDENCE_MAX = 16
_WORD = regex.compile(r"[\p{L}\p{N}]")
# A link of more sentences than this (both sides) is aligned in a band of fixed width, and its
# sentences are compared only with those of the other side within _WINDOW of their place, so
# that time and memory grow linearly with it; shorter links are aligned and scored exactly as
# before (the band (n + m) // 8 exceeds the cap only above this size).
_LONG_LINK = 100
_BAND_CAP = _LONG_LINK // 8
_WINDOW = 50
_MEMO_CAP = 1 << 15  # cached cosines of one alignment, cleared when full
_RUN_CAP = 1 << 11  # cached run vectors (the DP's band needs a few hundred at a time)


@dataclass(frozen=True)
class Sentence:
    """Characters [start, end) of a segment; `text` is their prose (verbatim spans such as
    inline code dropped, blanks collapsed): what is measured and embedded, not quoted."""

    segment: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Gap:
    """A sentence of one side that has no counterpart on the other side."""

    sentence: Sentence
    z: float  # how far the pair's length ratio is from the expected one, in sd
    score: float | None = None  # evidence that it is unmatched (embedding mode), see _SCORE_*
    matched: bool = False  # the aligner matched it in a bead it is better out of (`shed_sentences`)


def sentences(seg: Segmentation, indices: Sequence[int]) -> list[Sentence]:
    """The sentences of those segments' prose (none in code or HTML blocks); a piece with no
    letter or digit (markup such as a closing `**`, a lone dash) is no sentence to translate:
    it joins the sentence before it (the one after it when it opens the segment)."""
    out = []
    for i in indices:
        segment = seg.segments[i]
        text = segment.prose
        spans: list[tuple[int, int]] = []
        for a, b in split_sentences(text, seg.lang):
            if spans and not (_WORD.search(text, a, b) and _WORD.search(text, *spans[-1])):
                spans[-1] = (spans[-1][0], b)
            else:
                spans.append((a, b))
        if segment.verbatim:
            out.extend(Sentence(i, a, b, " ".join(text[a:b].split())) for a, b in spans)
        else:
            out.extend(Sentence(i, a, b, text[a:b]) for a, b in spans)
    return out


def expected_ratio(source: Segmentation, target: Segmentation, links: Sequence[Link]) -> float:
    """Target chars per source char: the calibrated table, else this document's median."""
    src, tgt = source.lang.split("-")[0], target.lang.split("-")[0]
    src_factor, tgt_factor = length_factor(src), length_factor(tgt)
    if src_factor and tgt_factor:  # calibrated (lang/data/length_ratios.json)
        return tgt_factor / src_factor
    ratios = [
        len(target.texts(link.target)) / max(1, len(source.texts(link.source)))
        for link in links
        if link.source and link.target
    ]
    return statistics.median(ratios) if ratios else 1.0


def length_z(src_len: int, tgt_len: int, ratio: float) -> float:
    return (
        math.log((tgt_len + 1) / (ratio * (src_len + 1)))
        * math.sqrt(max(src_len, 1))
        / length_spread()
    )


def _runs(rows: np.ndarray) -> dict[tuple[int, int], np.ndarray]:
    """(start, size) -> normalised sum of the vectors of every run of up to 3 rows."""
    out = {}
    for k in (1, 2, 3):
        for i in range(len(rows) - k + 1):
            v = rows[i : i + k].sum(axis=0)
            out[i, k] = v / (np.linalg.norm(v) or 1.0)
    return out


class _RunSimilarities:
    """sims[(i, k), (j, l)]: cosine of source run (i, k) and target run (j, l), computed when
    the banded DP first asks; runs and cosines are kept in bounded memos (the DP asks about
    neighbouring runs), so memory does not grow with the link."""

    def __init__(self, vectors: np.ndarray, n_src: int):
        self.vectors, self.n_src = vectors, n_src
        self.runs: dict = {}
        self.memo: dict = {}

    def _run(self, offset: int, start: int, size: int) -> np.ndarray:
        key = (offset, start, size)
        v = self.runs.get(key)
        if v is None:
            if len(self.runs) > _RUN_CAP:
                self.runs.clear()
            v = self.vectors[offset + start : offset + start + size].sum(axis=0)
            v = self.runs[key] = v / (np.linalg.norm(v) or 1.0)
        return v

    def __getitem__(self, key) -> float:
        value = self.memo.get(key)
        if value is None:
            if len(self.memo) > _MEMO_CAP:
                self.memo.clear()
            (src_start, src_end), (tgt_start, tgt_end) = key
            value = self.memo[key] = float(
                self._run(0, src_start, src_end) @ self._run(self.n_src, tgt_start, tgt_end)
            )
        return value


def run_similarities(vectors: np.ndarray, n_src: int) -> _RunSimilarities:
    return _RunSimilarities(vectors, n_src)


def _sibling_shortfall(mine: np.ndarray, other: np.ndarray) -> list[float]:
    """For each sentence (row of `mine`): the median over its siblings of their best cosine to
    a run of the other side, minus its own (> 0: it matches worse than they do)."""
    best = _best_run_cosines(mine, other)
    if len(best) < 2:
        return [0.0] * len(best)
    return [median - b for median, b in zip(medians_without_each(best), best)]


def _best_run_cosines(mine: np.ndarray, other: np.ndarray) -> list[float]:
    """Each row's best cosine to a run of the other side: every run in a link of up to
    _LONG_LINK sentences, else the runs near its place (blocks of rows, each against the
    other side's rows within _WINDOW of the block's proportional position)."""
    if len(mine) + len(other) <= _LONG_LINK:
        return (mine @ np.stack(list(_runs(other).values())).T).max(axis=1).tolist()
    best: list[float] = []
    for lo in range(0, len(mine), _WINDOW):
        hi = min(lo + _WINDOW, len(mine))
        a, b = _near(lo, hi, len(mine), len(other))
        best.extend(
            (mine[lo:hi] @ np.stack(list(_runs(other[a:b]).values())).T).max(axis=1).tolist()
        )
    return best


def _near(lo: int, hi: int, n: int, m: int) -> tuple[int, int]:
    """The rows of a side of m sentences within _WINDOW of rows lo..hi of a side of n, by
    proportional position."""
    return max(0, lo * m // n - _WINDOW), min(m, -(-hi * m // n) + _WINDOW)


def medians_without_each(values: list[float]) -> list[float]:
    """statistics.median(values without values[i]) for each i, from one sort."""
    order = sorted(range(len(values)), key=values.__getitem__)
    ranked = [values[k] for k in order]
    rank = [0] * len(values)
    for r, k in enumerate(order):
        rank[k] = r
    half, odd = divmod(len(values) - 1, 2)
    out = []
    for r in rank:

        def at(k: int) -> float:  # k-th smallest once values[i] (rank r) is left out
            return ranked[k] if k < r else ranked[k + 1]

        out.append(at(half) if odd else (at(half - 1) + at(half)) / 2)
    return out


def _text_runs(texts: list[str]) -> dict[tuple[int, int], tuple[int, frozenset]]:
    """(start, size) -> (characters, numbers) of every run of up to 3 sentences."""
    out = {}
    for k in (1, 2, 3):
        for i in range(len(texts) - k + 1):
            part = texts[i : i + k]
            out[i, k] = (sum(map(len, part)), frozenset(_NUMBER.findall(" ".join(part))))
    return out


def align_sentences(
    src: list[str], tgt: list[str], ratio: float, sims=None
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Gale-Church style DP over sentences (1-1, 2-1, 1-2, 2-2, 3-1, 1-3, 1-0, 0-1 beads),
    with a penalty for numbers found on one side only, and a cosine term when run
    similarities (`run_similarities`) are given."""
    return cheapest_alignment(src, tgt, ratio, sims)[1]


def cheapest_alignment(
    src: list[str],
    tgt: list[str],
    ratio: float,
    sims=None,
    keep: tuple[str, int] | None = None,
    drop: tuple[str, int] | None = None,
) -> tuple[float, list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """(cost, beads) of the cheapest alignment; `keep` = ("source"|"target", i) forbids
    leaving that one sentence unmatched, `drop` forces it to be."""
    n, m = len(src), len(tgt)
    keep_src = keep[1] if keep and keep[0] == "source" else -1
    keep_tgt = keep[1] if keep and keep[0] == "target" else -1
    drop_src = drop[1] if drop and drop[0] == "source" else -1
    drop_tgt = drop[1] if drop and drop[0] == "target" else -1
    src_runs, tgt_runs = _text_runs(src), _text_runs(tgt)
    inf = math.inf
    # long links: stay near the diagonal, not O(n*m); only the band's cells are stored
    band = max(6, min((n + m) // 8, _BAND_CAP))
    starts: list[int] = []  # row i holds the cells j = starts[i] .. starts[i] + len(cost[i]) - 1
    cost: list[list[float]] = []
    back: list[list[tuple[int, int] | None]] = []

    def at(i: int, j: int) -> float:
        k = j - starts[i]
        return cost[i][k] if 0 <= k < len(cost[i]) else inf

    for i in range(n + 1):
        centre = round(i * m / max(n, 1))
        lo, hi = max(0, centre - band), min(m, centre + band)
        starts.append(lo)
        row: list[float] = [inf] * (hi - lo + 1)
        row_back: list[tuple[int, int] | None] = [None] * (hi - lo + 1)
        cost.append(row)
        back.append(row_back)
        for j in range(lo, hi + 1):
            if i == j == 0:
                row[0] = 0.0
                continue
            options = []
            if i and i - 1 != keep_src:
                options.append((at(i - 1, j) + _SKIP, (1, 0)))
            if j and j - 1 != keep_tgt:
                options.append((at(i, j - 1) + _SKIP, (0, 1)))
            for (a, b), prior in _BEADS.items():
                if i - a <= drop_src < i or j - b <= drop_tgt < j:
                    continue
                if a <= i and b <= j and (before := at(i - a, j - b)) < inf:
                    (ls, x), (lt, y) = src_runs[i - a, a], tgt_runs[j - b, b]
                    z = length_z(ls, lt, ratio)
                    c = before + prior + z * z / 2
                    if x != y:
                        c += _NUMBER_WEIGHT * min(2, len(x ^ y))
                    if sims is not None:
                        c += _EMBED_WEIGHT * (1.0 - sims[(i - a, a), (j - b, b)])
                    options.append((c, (a, b)))
            if options:
                row[j - lo], row_back[j - lo] = min(options)
    if at(n, m) == inf:
        return inf, []
    beads, i, j = [], n, m
    while i or j:
        a, b = back[i][j - starts[i]]
        beads.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    return at(n, m), beads[::-1]


def converted_figures(mine: list[str], other: list[str], langs: tuple[str, str]) -> set[str]:
    """Figures of `mine` (in langs[0]) whose quantity `other` (in langs[1]) gives converted
    between imperial and metric units ("85 mph" / "137 км/ч"), as digit runs of both: a
    translation that converts units, or adds the conversion in brackets, adds no figure.
    Symmetric: swapping the sides (and langs) gives the same set."""
    from aligncheck.extract.numbers import extract_numbers

    found: set[str] = set()
    ours = [m for t in mine for m in extract_numbers(t, langs[0])]
    theirs = [m for t in other for m in extract_numbers(t, langs[1])]
    for a in ours:
        for b in theirs:
            if a.converts_to(b) or b.converts_to(a):
                found |= set(_NUMBER.findall(a.raw)) | set(_NUMBER.findall(b.raw))
    return found


@per_release
def length_evidence(
    src: tuple[str, ...], tgt: tuple[str, ...], ratio: float
) -> tuple[float, float]:
    """(source, target): the best score a sentence of that side could get without the embedding
    terms: what matching it costs over leaving it out in the length-and-numbers DP, + its
    numbers absent from the other side - half of those present (no unit conversions: that only
    raises the bound), + the sd by which its side is longer than expected."""
    z = length_z(sum(map(len, src)), sum(map(len, tgt)), ratio)
    free, beads = cheapest_alignment(src, tgt, ratio)
    out = []
    for side, (name, mine, other) in enumerate((("source", src, tgt), ("target", tgt, src))):
        unmatched = {i for bead in beads if not bead[1 - side] for i in bead[side]}
        other_numbers = set(_NUMBER.findall(" ".join(other)))
        best = -math.inf
        for i, text in enumerate(mine):
            if i in unmatched:
                keep, drop = cheapest_alignment(src, tgt, ratio, keep=(name, i))[0], free
            else:
                keep, drop = free, cheapest_alignment(src, tgt, ratio, drop=(name, i))[0]
            margin = 50.0 if keep == math.inf else max(-50.0, min(keep - drop, 50.0))
            numbers = set(_NUMBER.findall(text))
            best = max(
                best, margin + len(numbers - other_numbers) - 0.5 * len(numbers & other_numbers)
            )
        out.append(best + (z if side else -z))
    return out[0], out[1]


def worth_scoring(
    src: list[Sentence], tgt: list[Sentence], ratio: float, thresholds: tuple[float, float]
) -> bool:
    """Whether the sentences of a link are embedded and scored at all: something may be
    missing or extra (_SCORE_GATE_Z), and a sentence could pass OM02's or AD02's threshold
    (`thresholds`: the score each must exceed) whatever the embedding terms say
    (_EVIDENCE_SLACK)."""
    if len(src) + len(tgt) < 3 or not src or not tgt:
        return False
    z = length_z(sum(len(s.text) for s in src), sum(len(t.text) for t in tgt), ratio)
    if len(src) == len(tgt) and abs(z) < _SCORE_GATE_Z:
        return False
    if len(src) + len(tgt) > _EVIDENCE_MAX:
        return True
    evidence = length_evidence(tuple(s.text for s in src), tuple(t.text for t in tgt), ratio)
    return any(e + _EVIDENCE_SLACK > t for e, t in zip(evidence, thresholds))


def candidates(
    src: list[Sentence],
    tgt: list[Sentence],
    ratio: float,
    embedder,
    langs: tuple[str, str] | None,
    thresholds: tuple[float, float],
) -> tuple[list[Gap], list[Gap]]:
    """Unmatched sentences of each side: scored (`scored_candidates`) with an embedder where
    one could pass `thresholds` (OM02's, AD02's), else those whose removal brings the length
    ratio closer to normal."""
    if len(src) + len(tgt) < 3 or not src or not tgt:
        return [], []
    if embedder is not None:
        if not worth_scoring(src, tgt, ratio, thresholds):
            return [], []
        return scored_candidates(src, tgt, ratio, embedder, langs)
    src_texts, tgt_texts = [s.text for s in src], [t.text for t in tgt]
    total_src, total_tgt = sum(map(len, src_texts)), sum(map(len, tgt_texts))
    z_full = length_z(total_src, total_tgt, ratio)
    if abs(z_full) < _LENGTH_NORMAL:
        return [], []
    beads = align_sentences(src_texts, tgt_texts, ratio)
    dropped = [i for s, t in beads if not t for i in s]
    added = [j for s, t in beads if not s for j in t]
    omitted, extra = [], []
    if dropped and z_full < 0:
        z_rest = length_z(total_src - sum(len(src_texts[i]) for i in dropped), total_tgt, ratio)
        if abs(z_rest) < abs(z_full):
            omitted = [Gap(src[i], z_full) for i in dropped]
    if added and z_full > 0:
        z_rest = length_z(total_src, total_tgt - sum(len(tgt_texts[j]) for j in added), ratio)
        if abs(z_rest) < abs(z_full):
            extra = [Gap(tgt[j], z_full) for j in added]
    return omitted, extra


def scored_candidates(
    src: list[Sentence],
    tgt: list[Sentence],
    ratio: float,
    embedder,
    langs: tuple[str, str] | None = None,
) -> tuple[list[Gap], list[Gap]]:
    """Every sentence the embedding-aware DP leaves unmatched, with its score (see _SCORE_*):
    no length gate, so a drop within normal length variation can still be found."""
    src_texts, tgt_texts = [s.text for s in src], [t.text for t in tgt]
    vectors = np.asarray(embedder.embed(src_texts + tgt_texts), dtype=np.float64)
    sims = run_similarities(vectors, len(src))
    best, beads = cheapest_alignment(src_texts, tgt_texts, ratio, sims)
    if not beads:
        return [], []
    total_src, total_tgt = sum(map(len, src_texts)), sum(map(len, tgt_texts))
    long = len(src) + len(tgt) > _LONG_LINK
    bead_of = (
        {i: k for k, bead in enumerate(beads) for i in bead[0]},
        {j: k for k, bead in enumerate(beads) for j in bead[1]},
    )
    out: tuple[list[Gap], list[Gap]] = ([], [])
    converted: set[str] | None = None  # the same for both sides: computed once, when needed
    for side, (mine, theirs, texts, other_texts) in enumerate(
        ((src, tgt, src_texts, tgt_texts), (tgt, src, tgt_texts, src_texts))
    ):
        gaps = [i for bead in beads if not bead[1 - side] for i in bead[side]]
        unmatched = set(gaps)
        shed = shed_sentences(beads, src_texts, tgt_texts, embedder) if side == 0 else []
        if not gaps and not shed and (side == 0 or len(mine) < 2):
            continue
        # sd by which this side is longer than expected (> 0: something of it may be unmatched)
        z = (
            -length_z(total_src, total_tgt, ratio)
            if side == 0
            else length_z(total_src, total_tgt, ratio)
        )
        shortfall = _sibling_shortfall(
            *(
                (vectors[: len(src)], vectors[len(src) :])
                if side == 0
                else (vectors[len(src) :], vectors[: len(src)])
            )
        )
        other_numbers = set(_NUMBER.findall(" ".join(other_texts)))
        if langs and not long:  # figures the other side gives in another unit count as present
            if converted is None:
                converted = converted_figures(src_texts, tgt_texts, langs)
            other_numbers |= converted
        name = "source" if side == 0 else "target"
        worst = max(range(len(mine)), key=lambda i: shortfall[i])
        near = (
            [] if side == 0 or worst in unmatched or shortfall[worst] < _NEAR_SHORTFALL else [worst]
        )
        for i in gaps + near + shed:
            # re-aligned within a few beads around the sentence (linear in a long link)
            at = bead_of[side][i]
            window = beads[max(0, at - _MARGIN_BEADS) : at + _MARGIN_BEADS + 1]
            s0 = min((x for b in window for x in b[0]), default=0)
            s1 = max((x + 1 for b in window for x in b[0]), default=s0)
            t0 = min((x for b in window for x in b[1]), default=0)
            t1 = max((x + 1 for b in window for x in b[1]), default=t0)
            sub = (
                src_texts[s0:s1],
                tgt_texts[t0:t1],
                ratio,
                run_similarities(
                    np.concatenate([vectors[s0:s1], vectors[len(src) + t0 : len(src) + t1]]),
                    s1 - s0,
                ),
            )
            local = i - (s0 if side == 0 else t0)
            free = cheapest_alignment(*sub)[0]
            if (
                i in unmatched
            ):  # the best alignment leaves it unmatched: what matching it would cost
                margin = min(cheapest_alignment(*sub, keep=(name, local))[0] - free, 50.0)
            else:  # matched, but worse than its siblings: what leaving it out would cost (<= 0)
                margin = max(free - cheapest_alignment(*sub, drop=(name, local))[0], -50.0)
            numbers = set(_NUMBER.findall(texts[i]))
            if langs and long:  # ... in a long link: given near it
                a, b = _near(i, i + 1, len(mine), len(theirs))
                numbers_there = other_numbers | converted_figures(
                    [texts[i]], other_texts[a:b], langs if side == 0 else langs[::-1]
                )
            else:
                numbers_there = other_numbers
            score = (
                margin
                + SCORE_LENGTH * z
                + SCORE_MATCH * min(shortfall[i], _SHORTFALL_CAP)
                + _SCORE_NUMBER
                * (len(numbers - numbers_there) - 0.5 * len(numbers & numbers_there))
            )
            if side == 1 and i in unmatched:
                score -= _SCORE_ABSORB * absorption(beads, at, side, i, vectors, len(src))
            if i in unmatched and paired_gap(beads, at, side, i, vectors, len(src)):
                score -= _SCORE_PAIRED
            out[side].append(Gap(mine[i], -z if side == 0 else z, score, i in shed))
    return out


def paired_gap(beads, at: int, side: int, i: int, vectors: np.ndarray, n_src: int) -> bool:
    """Whether the unmatched sentence `i` of `side` (in bead `at`) sits next to an unmatched
    sentence of the other side that is its best match and whose best match it is: a translation
    condensed or expanded too far for the length prior to pair them (the DP leaves both out
    rather than pay for the length ratio), not a sentence missing on one side. A sentence put in
    the place of a dropped one matches it worse than its siblings do, and stays a candidate."""
    mine = vectors[:n_src] if side == 0 else vectors[n_src:]
    theirs = vectors[n_src:] if side == 0 else vectors[:n_src]
    if len(vectors) > _LONG_LINK:  # each other's best among the sentences within _WINDOW

        def best(v: np.ndarray, rows: np.ndarray, near: int) -> int:
            lo = max(0, near - _WINDOW)
            return lo + int(np.argmax(rows[lo : near + _WINDOW + 1] @ v))

        return any(
            best(mine[i], theirs, j) == j and best(theirs[j], mine, i) == i
            for nb in (at - 1, at + 1)
            if 0 <= nb < len(beads) and not beads[nb][side]
            for j in beads[nb][1 - side]
        )
    sims = mine @ theirs.T
    for nb in (at - 1, at + 1):
        if 0 <= nb < len(beads) and not beads[nb][side]:
            for j in beads[nb][1 - side]:
                if int(np.argmax(sims[i])) == j and int(np.argmax(sims[:, j])) == i:
                    return True
    return False


def shed_sentences(beads, src: list[str], tgt: list[str], embedder) -> list[int]:
    """Source sentences matched in a bead of several that the bead is better without: the
    embedding of its target text is closer to the bead's other source sentences, joined, than
    to all of them joined (`shed_gains`)."""
    tried = [(i, s_idx, t_idx) for s_idx, t_idx in beads if len(s_idx) > 1 and t_idx for i in s_idx]
    if not tried:
        return []
    gains = shed_gains(
        [
            (" ".join(src[x] for x in s_idx if x != i), " ".join(src[x] for x in s_idx),
             " ".join(tgt[j] for j in t_idx))
            for i, s_idx, t_idx in tried
        ],
        embedder,
    )  # fmt: skip
    return [i for (i, _, _), gain in zip(tried, gains) if gain > _SHED_GAIN]


def shed_gains(triples: list[tuple[str, str, str]], embedder) -> list[float]:
    """For each (rest, whole, target): cos(rest, target) - cos(whole, target), embedding each
    text as written (a sum of sentence vectors would weigh a short clause like a long one,
    and a clause a translator merged into its neighbour would then seem left out)."""
    texts = sorted({t for triple in triples for t in triple})
    rows = np.asarray(embedder.embed(texts), dtype=np.float64)
    vector = {t: unit_vector(v) for t, v in zip(texts, rows)}
    return [
        float(vector[rest] @ vector[target]) - float(vector[whole] @ vector[target])
        for rest, whole, target in triples
    ]


def unit_vector(v: np.ndarray) -> np.ndarray:
    return v / (np.linalg.norm(v) or 1.0)


def absorption(beads, at: int, side: int, i: int, vectors: np.ndarray, n_src: int) -> float:
    """How much the cosine of a neighbouring bead rises when the unmatched sentence `i` of
    `side` (in bead `at`) joins that bead's sentences (the best neighbour; 0 when none has
    both sides): > 0 when the sentence carries on its neighbour's translation, as where a
    translator split one long source sentence into several."""

    def cos(src_idx, tgt_idx) -> float:
        a = unit_vector(vectors[list(src_idx)].sum(axis=0))
        return float(a @ unit_vector(vectors[[n_src + j for j in tgt_idx]].sum(axis=0)))

    gain = 0.0
    for nb in (at - 1, at + 1):
        if 0 <= nb < len(beads) and beads[nb][0] and beads[nb][1]:
            s_idx, t_idx = beads[nb]
            grown = (sorted(s_idx + (i,)), t_idx) if side == 0 else (s_idx, sorted(t_idx + (i,)))
            gain = max(gain, cos(*grown) - cos(s_idx, t_idx))
    return gain
