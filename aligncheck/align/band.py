"""The search band: which target columns each source row may use.

Coarse to fine (as in Vecalign): halve both documents by summing neighbouring segments,
align the halves (recursively), and keep a band of `radius` segments around the path
projected back. Work and memory are linear in document length for a fixed radius.
"""

from __future__ import annotations

import numpy as np

FULL_BAND_CELLS = 128 * 128


def full_band(n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    return np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64)


def needs_coarse_pass(n: int, m: int) -> bool:
    return (n + 1) * (m + 1) > FULL_BAND_CELLS and min(n, m) > 8


def band_around(
    path: list[tuple[int, int]], n: int, m: int, scale: int, radius: int
) -> tuple[np.ndarray, np.ndarray]:
    """Band over an n x m grid around a path of (a, b) steps
    found on a grid `scale` times coarser."""
    raw_lo = np.full(n + 1, m, dtype=np.int64)
    raw_hi = np.zeros(n + 1, dtype=np.int64)
    i = j = 0
    for a, b in path:
        r0, r1 = min(i * scale, n), min((i + a) * scale, n)
        c0, c1 = min(j * scale, m), min((j + b) * scale, m)
        raw_lo[r0 : r1 + 1] = np.minimum(raw_lo[r0 : r1 + 1], c0)
        raw_hi[r0 : r1 + 1] = np.maximum(raw_hi[r0 : r1 + 1], c1)
        i, j = i + a, j + b
    padded_lo = np.pad(raw_lo, radius, mode="edge")
    padded_hi = np.pad(raw_hi, radius, mode="edge")
    window = 2 * radius + 1
    lo = np.lib.stride_tricks.sliding_window_view(padded_lo, window).min(axis=1) - radius
    hi = np.lib.stride_tricks.sliding_window_view(padded_hi, window).max(axis=1) + radius
    lo = np.minimum.accumulate(np.clip(lo, 0, m)[::-1])[::-1]
    hi = np.maximum.accumulate(np.clip(hi, 0, m))
    lo[0], hi[-1] = 0, m
    hi[:-1] = np.maximum(hi[:-1], lo[1:])
    return lo, hi
