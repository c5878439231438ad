"""Segment and window vectors for alignment: centred per document, one block per embedder.

A window is `size` consecutive segments starting at `start`. Its vector is the embedding of
the joined text when that was computed (`exact`), else estimated from its members: their
uncentred vectors weighted by length (a mean-pooling encoder's vector of a joined text is
close to that: cosine 0.98 on average with e5), then centred like a segment.
With several embedders the blocks are scaled by 1/sqrt(k), so a dot product is the mean
of the embedders' cosines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from aligncheck.align import lexical

Embed = Callable[[list[str]], np.ndarray]
# The mean a document's vectors are centred on is their sum over (n + CENTRE_SHRINK): a
# one-paragraph document keeps a fifth of its vector, a long one is centred fully. On the
# tuning half of NTREX-dev aligned one document at a time (align_unseen.py, seeds 13-17),
# strict F1 0.9916 with 1.0, 0.9933 with 0.25 and 0.9927 with 0 (which would zero a
# one-paragraph document): documents of 2-3 paragraphs, where a dropped paragraph beside its
# neighbour became a 2-1 link, go from 0.9735 to 0.9869. Scores of short documents drop with
# it; AL01's floor was recalibrated at the same time.
CENTRE_SHRINK = 0.25


def _normalise(x: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(x, axis=-1, keepdims=True)
    return x / np.maximum(norm, 1e-9)


def joined_text(texts: Sequence[str], window: tuple[int, int]) -> str:
    """The text embedded for the window (start, size): its segments, one per line."""
    start, size = window
    return "\n".join(texts[start : start + size])


def _window_sums(rows: np.ndarray, size: int) -> np.ndarray:
    """Sums of every `size` consecutive rows."""
    csum = np.concatenate([np.zeros((1, rows.shape[1])), np.cumsum(rows, axis=0, dtype=np.float64)])
    return csum[size:] - csum[:-size]


class Side:
    """One side of a pair: per-embedder centred unit vectors (and the uncentred ones they
    came from), char lengths, texts."""

    def __init__(
        self,
        blocks: list[np.ndarray],
        lens: np.ndarray,
        texts: Sequence[str] | None,
        means: list[np.ndarray] | None = None,
        raw: list[np.ndarray] | None = None,
    ):
        self.blocks = blocks
        self.raw = raw
        self.lens = lens.astype(np.float64)
        self.cumlen = np.concatenate([[0.0], np.cumsum(self.lens)])
        self.texts = texts
        self.means = means
        self.exact: dict[tuple[int, int], list[np.ndarray]] = {}
        self._anchors: list[frozenset[str]] | None = None
        self._exact_by_size: dict[int, tuple[np.ndarray, list[np.ndarray]]] = {}
        self.n = len(lens)

    @classmethod
    def embed(cls, texts: Sequence[str], embeds: Sequence[Embed]) -> Side:
        blocks, means, raws = [], [], []
        for embed in embeds:
            raw = _normalise(np.asarray(embed(list(texts)), dtype=np.float32))
            mean = raw.sum(axis=0) / (len(raw) + CENTRE_SHRINK)
            blocks.append(_normalise(raw - mean))
            means.append(mean)
            raws.append(raw)
        return cls(blocks, np.array([len(t) for t in texts], dtype=np.float64), texts, means, raws)

    def add_exact(self, windows: list[tuple[int, int]], embeds: Sequence[Embed]) -> None:
        """Embed the joined texts of `windows` (start, size) and use them instead of sums."""
        windows = [w for w in windows if w not in self.exact]
        if not windows or self.texts is None or self.means is None:
            return
        joined = [joined_text(self.texts, w) for w in windows]
        vecs = [
            _normalise(_normalise(np.asarray(e(joined), dtype=np.float32)) - mean)
            for e, mean in zip(embeds, self.means)
        ]
        for row, w in enumerate(windows):
            self.exact[w] = [v[row] for v in vecs]
        for size in {k for _, k in windows}:
            items = sorted((s + k, v) for (s, k), v in self.exact.items() if k == size)
            ends = np.array([e for e, _ in items])
            self._exact_by_size[size] = (
                ends,
                [np.stack([v[m] for _, v in items]) for m in range(len(self.blocks))],
            )

    def anchors(self) -> list[frozenset[str]] | None:
        """Each segment's lexical anchors (lexical.py), computed once; None without texts."""
        if self._anchors is None and self.texts is not None:
            self._anchors = [lexical.anchors(t) for t in self.texts]
        return self._anchors

    def halved(self) -> Side:
        """Pairs of consecutive segments summed: the coarse level of the band search."""
        n2 = (self.n + 1) // 2
        blocks = []
        for b in self.blocks:
            padded = np.zeros((n2 * 2, b.shape[1]), dtype=b.dtype)
            padded[: self.n] = b
            blocks.append(_normalise(padded.reshape(n2, 2, -1).sum(axis=1)))
        lens = np.zeros(n2 * 2)
        lens[: self.n] = self.lens
        return Side(blocks, lens.reshape(n2, 2).sum(axis=1), None)

    def windows(self, first_end: int, last_end: int, size: int) -> np.ndarray:
        """Vectors of the windows of `size` ending at first_end..last_end (exclusive ends);
        rows of windows that do not fit in the document are zero."""
        ends = np.arange(first_end, last_end + 1)
        out = []
        scale = 1.0 / np.sqrt(len(self.blocks))
        valid = (ends >= size) & (ends <= self.n)
        for k, b in enumerate(self.blocks):
            vec = np.zeros((len(ends), b.shape[1]), dtype=np.float32)
            if valid.any():
                lo, hi = ends[valid][0], ends[valid][-1]
                if size == 1:
                    vec[valid] = b[lo - 1 : hi]
                elif self.raw is not None:
                    members = self.raw[k][lo - size : hi] * self.lens[lo - size : hi, None]
                    vec[valid] = _normalise(_normalise(_window_sums(members, size)) - self.means[k])
                else:
                    vec[valid] = _normalise(_window_sums(b[lo - size : hi], size))
                if size in self._exact_by_size:
                    exact_ends, exact_vecs = self._exact_by_size[size]
                    a, z = np.searchsorted(exact_ends, [first_end, last_end + 1])
                    vec[exact_ends[a:z] - first_end] = exact_vecs[k][a:z]
            out.append(vec * scale)
        return np.concatenate(out, axis=1)

    def span_len(self, first_end: int, last_end: int, size: int) -> np.ndarray:
        """Char lengths of the same windows as `windows` (0 where they do not fit)."""
        ends = np.clip(np.arange(first_end, last_end + 1), 0, self.n)
        starts = np.clip(ends - size, 0, None)
        return self.cumlen[ends] - self.cumlen[starts]
