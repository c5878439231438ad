"""Bertalign's algorithm with aligncheck's model, on Text+Berg: is the gap the model or the aligner?

    python benchmarks/align_bertalign_e5.py --dir bertalign/text+berg
    python benchmarks/align_bertalign_e5.py --bleualign vecalign/bleualign_data

Written for this measurement from Bertalign's paper and defaults (Liu and Zhu 2022; its
`aligner.py`): windows of 1-4 consecutive sentences embedded as joined texts; a first pass of
1-1 links scored only among each sentence's 3 nearest targets; a second pass within 5
sentences of that path over links of up to five sentences (m + n <= 5), each scored
(cosine - mean cosine to the neighbours just outside the other side) x log2(1 + shorter/longer)
of the lengths at the documents' length ratio; a skip costs 0.1. `--no-margin` drops the
neighbour term. Same documents and scores as align_textberg.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_data import embedder  # noqa: E402
from align_textberg import add_arguments, report  # noqa: E402

MAX_LINK, TOP_K, WIDTH, SKIP = 5, 3, 5, -0.1


def windows(embed, sentences: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """vectors[k - 1, i] and lengths[k - 1, i] of the window of k sentences ending at i."""
    n, sizes = len(sentences), range(1, MAX_LINK)
    texts = [[" ".join(sentences[max(0, i - k + 1) : i + 1]) for i in range(n)] for k in sizes]
    vecs = np.stack([embed(t) for t in texts])
    vecs /= np.linalg.norm(vecs, axis=2, keepdims=True)
    return vecs, np.array([[len(x) for x in t] for t in texts], dtype=float)


def first_pass(sim: np.ndarray) -> list[tuple[int, int]]:
    """Ends (i, j) of the 1-1 links of the best path of 1-1 links and skips, where a 1-1 link
    earns its cosine only if the target is among the source's TOP_K nearest."""
    n, m = sim.shape
    near = np.zeros_like(sim, dtype=bool)
    np.put_along_axis(near, np.argsort(-sim, axis=1)[:, :TOP_K], True, axis=1)
    cost, move = np.full((n + 1, m + 1), -np.inf), np.zeros((n + 1, m + 1), int)
    cost[0, 0] = 0
    for i in range(n + 1):
        for j in range(m + 1):
            options = []
            if i and j:
                options.append(
                    (cost[i - 1, j - 1] + (sim[i - 1, j - 1] if near[i - 1, j - 1] else 0), 2)
                )
            if i:
                options.append((cost[i - 1, j], 1))
            if j:
                options.append((cost[i, j - 1], 0))
            if options:
                cost[i, j], move[i, j] = max(options)
    i, j, ends = n, m, []
    while i or j:
        step = move[i, j]
        if step == 2:
            ends.append((i, j))
        i, j = i - (step >= 1), j - (step != 1)
    return ends[::-1]


def band(ends: list[tuple[int, int]], n: int, m: int) -> list[tuple[int, int]]:
    """Per source row, the target columns within WIDTH of the first pass's path."""
    rows: list[tuple[int, int] | None] = [None] * (n + 1)
    previous = (0, 0)
    for a, b in [*ends, (n, m)]:
        for r in range(previous[0], a + 1):
            lo, hi = max(0, previous[1] - WIDTH), min(m, b + WIDTH)
            rows[r] = (lo, hi) if rows[r] is None else (min(rows[r][0], lo), max(rows[r][1], hi))
        previous = (a, b)
    return rows  # type: ignore[return-value]


def align(embed, src: list[str], tgt: list[str], margin: bool = True):
    sv, sl = windows(embed, src)
    tv, tl = windows(embed, tgt)
    ratio = sl[0].sum() / tl[0].sum()
    n, m = len(src), len(tgt)
    types = [(0, 1), (1, 0)] + [
        (a, b) for a in range(1, MAX_LINK) for b in range(1, MAX_LINK) if a + b <= MAX_LINK
    ]

    def beside(vec, size, end, count, side):
        left = float(vec @ side[0, end - size - 1]) if end - size > 0 else 0.0
        right = float(vec @ side[0, end]) if end < count else 0.0
        return (left + right) / 2 if left and right else left + right

    cost, move = {(0, 0): 0.0}, {}
    for i, (lo, hi) in enumerate(band(first_pass(sv[0] @ tv[0].T), n, m)):
        for j in range(lo, hi + 1):
            best = None
            for a, b in types:
                if (i - a, j - b) not in cost:
                    continue
                if a == 0 or b == 0:
                    value = SKIP
                else:
                    u, w = sv[a - 1, i - 1], tv[b - 1, j - 1]
                    value = float(u @ w)
                    if margin:
                        value -= (beside(u, b, j, m, tv) + beside(w, a, i, n, sv)) / 2
                    x, y = sl[a - 1, i - 1], tl[b - 1, j - 1] * ratio
                    value *= np.log2(1 + min(x, y) / max(x, y))
                total = cost[(i - a, j - b)] + value
                if best is None or total > best[0]:
                    best = (total, (a, b))
            if best:
                cost[(i, j)], move[(i, j)] = best
    i, j, links = n, m, []
    while i or j:
        a, b = move[(i, j)]
        links.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    return links[::-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(ap)
    ap.add_argument("--no-margin", action="store_true")
    args = ap.parse_args()
    embed = embedder("e5")
    report(args, lambda de, fr: align(embed, de, fr, not args.no_margin))
    embed.save()


if __name__ == "__main__":
    main()
