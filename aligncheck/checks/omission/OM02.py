from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import regex

from aligncheck.checks.base import PairContext, Rule
from aligncheck.model import Finding, Link, Segmentation, Span
from aligncheck.segment import split_sentences

# From benchmarks/calibrate_length_ratios.py on NTREX-dev 3-4-line paragraphs:
# characters of each language per English character, and the spread c of
# log(target/source length), sd ~= c / sqrt(source chars).
LENGTH_FACTOR = {"en": 1.000, "ru": 1.101, "kk": 1.038, "az": 1.090, "tk": 1.069, "tr": 1.054}
SPREAD = 2.12

_BEADS = {(1, 1): 0.0, (2, 1): 2.3, (1, 2): 2.3, (2, 2): 4.5, (3, 1): 4.5, (1, 3): 4.5}
_SKIP = 3.0
_EMBED_WEIGHT = 12.0
_NUMBER_WEIGHT = 2.0
_NUMBER = regex.compile(r"\d+")
_LENGTH_NORMAL = 0.5  # |z| below this: no sentence can be missing or extra, nothing is embedded


@dataclass(frozen=True)
class Sentence:
    segment: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Gap:
    """A sentence of one side that has no counterpart on the other side."""

    sentence: Sentence
    z: float  # how far the pair's length ratio is from the expected one, in sd


def sentences(seg: Segmentation, indices: Sequence[int]) -> list[Sentence]:
    out = []
    for i in indices:
        text = seg.segments[i].text
        out.extend(Sentence(i, a, b, text[a:b]) for a, b in split_sentences(text, seg.lang))
    return out


def expected_ratio(ctx: PairContext) -> float:
    """Target chars per source char: the calibrated table, else this document's median."""
    src, tgt = ctx.source.lang.split("-")[0], ctx.lang.split("-")[0]
    if src in LENGTH_FACTOR and tgt in LENGTH_FACTOR:
        return LENGTH_FACTOR[tgt] / LENGTH_FACTOR[src]
    ratios = [len(ctx.target.texts(link.target)) / max(1, len(ctx.source.texts(link.source)))
              for link in ctx.links if link.source and link.target]
    return statistics.median(ratios) if ratios else 1.0


def length_z(src_len: int, tgt_len: int, ratio: float) -> float:
    return math.log((tgt_len + 1) / (ratio * (src_len + 1))) * math.sqrt(max(src_len, 1)) / SPREAD


def _similarities(src: list[str], tgt: list[str], embedder) -> dict:
    """Cosine similarity of every pair of runs (up to 3 sentences) of source and target;
    a run's vector is the normalised sum of its sentences' vectors (one embedding per sentence)."""
    vectors = np.asarray(embedder.embed(src + tgt), dtype=np.float64)

    def runs(rows):
        out = {}
        for k in (1, 2, 3):
            for i in range(len(rows) - k + 1):
                v = rows[i:i + k].sum(axis=0)
                out[i, k] = v / (np.linalg.norm(v) or 1.0)
        return out
    src_runs, tgt_runs = runs(vectors[:len(src)]), runs(vectors[len(src):])
    return {(a, b): float(u @ v) for a, u in src_runs.items() for b, v in tgt_runs.items()}


def _runs(texts: list[str]) -> dict[tuple[int, int], tuple[int, frozenset]]:
    """(start, size) -> (characters, numbers) of every run of up to 3 sentences."""
    out = {}
    for k in (1, 2, 3):
        for i in range(len(texts) - k + 1):
            part = texts[i:i + k]
            out[i, k] = (sum(map(len, part)), frozenset(_NUMBER.findall(" ".join(part))))
    return out


def align_sentences(src: list[str], tgt: list[str], ratio: float, sims: dict | None = None
                    ) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Gale-Church style DP over sentences (1-1, 2-1, 1-2, 2-2, 3-1, 1-3, 1-0, 0-1 beads),
    with a penalty for numbers found on one side only, and a cosine term when run
    similarities (`_similarities`) are given."""
    n, m = len(src), len(tgt)
    src_runs, tgt_runs = _runs(src), _runs(tgt)
    inf = math.inf
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: dict[tuple[int, int], tuple[int, int]] = {}
    cost[0][0] = 0.0
    band = max(6, (n + m) // 8)  # long links: stay near the diagonal, not O(n*m)
    for i in range(n + 1):
        centre = round(i * m / max(n, 1))
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            if i == j == 0:
                continue
            options = []
            if i:
                options.append((cost[i - 1][j] + _SKIP, (1, 0)))
            if j:
                options.append((cost[i][j - 1] + _SKIP, (0, 1)))
            for (a, b), prior in _BEADS.items():
                if a <= i and b <= j and cost[i - a][j - b] < inf:
                    (ls, x), (lt, y) = src_runs[i - a, a], tgt_runs[j - b, b]
                    z = length_z(ls, lt, ratio)
                    c = cost[i - a][j - b] + prior + z * z / 2
                    if x != y:
                        c += _NUMBER_WEIGHT * min(2, len(x ^ y))
                    if sims is not None:
                        c += _EMBED_WEIGHT * (1.0 - sims[(i - a, a), (j - b, b)])
                    options.append((c, (a, b)))
            cost[i][j], back[i, j] = min(options)
    beads, i, j = [], n, m
    while i or j:
        a, b = back[i, j]
        beads.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    return beads[::-1]


_CACHE: dict[tuple, tuple[list[Gap], list[Gap]]] = {}


def sentence_gaps(ctx: PairContext, link: Link, ratio: float) -> tuple[list[Gap], list[Gap]]:
    """`candidates` of one link, computed once for OM02 and AD02."""
    embedder = ctx.resources.get("embedder")
    src, tgt = sentences(ctx.source, link.source), sentences(ctx.target, link.target)
    key = (tuple(s.text for s in src), tuple(t.text for t in tgt), ratio, id(embedder))
    if key not in _CACHE:
        if len(_CACHE) > 4096:
            _CACHE.clear()
        _CACHE[key] = candidates(src, tgt, ratio, embedder)
    return _CACHE[key]


def candidates(src: list[Sentence], tgt: list[Sentence], ratio: float, embedder
               ) -> tuple[list[Gap], list[Gap]]:
    """Unmatched sentences of each side whose removal brings the length ratio closer to normal."""
    if len(src) + len(tgt) < 3 or not src or not tgt:
        return [], []
    src_texts, tgt_texts = [s.text for s in src], [t.text for t in tgt]
    total_src, total_tgt = sum(map(len, src_texts)), sum(map(len, tgt_texts))
    z_full = length_z(total_src, total_tgt, ratio)
    if abs(z_full) < _LENGTH_NORMAL:
        return [], []
    sims = _similarities(src_texts, tgt_texts, embedder) if embedder is not None else None
    beads = align_sentences(src_texts, tgt_texts, ratio, sims)
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


class OM02(Rule):
    """A sentence of an aligned source paragraph has no counterpart in its translation.

    **Anti-pattern**
    source: The bridge opened on Monday. It cost 40 million. Traffic fell by half.
    target: Мост открылся в понедельник. Движение сократилось вдвое.

    **Best practice**
    source: The bridge opened on Monday. It cost 40 million. Traffic fell by half.
    target: Мост открылся в понедельник. Он стоил 40 миллионов. Движение сократилось вдвое.
    """

    code = "OM02"
    name = "sentence-omitted"
    category = "omission"
    groups = ("all", "default", "completeness")
    config_keys = {
        "omission_min_z": (1.0, "how many standard deviations shorter than expected (calibrated "
                                "length ratio) the target must be before an unmatched sentence is reported"),
    }
    side = "source"
    threshold_key = "omission_min_z"

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        min_z = float(self.opt(ctx, self.threshold_key))
        ratio = expected_ratio(ctx)
        for link in ctx.links:
            if not link.source or not link.target:
                continue
            omitted, added = sentence_gaps(ctx, link, ratio)
            for gap in omitted if self.side == "source" else added:
                if abs(gap.z) > min_z:
                    yield self._finding(ctx, link, gap)

    def _finding(self, ctx: PairContext, link: Link, gap: Gap) -> Finding:
        s = gap.sentence
        span = Span(s.segment, s.start, s.end)
        short = s.text if len(s.text) <= 80 else s.text[:77] + "..."
        if self.side == "source":
            return self.finding(ctx, link, f"source sentence has no translation: \"{short}\" "
                                f"(target {abs(gap.z):.1f} sd shorter than expected)",
                                source_text=s.text, source_span=span)
        return self.finding(ctx, link, f"target sentence has no source: \"{short}\" "
                            f"(target {gap.z:.1f} sd longer than expected)",
                            target_text=s.text, target_span=span)
