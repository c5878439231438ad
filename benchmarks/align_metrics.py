"""Strict and lax precision/recall/F1 over alignment links, as Vecalign's score.py defines them.

strict: a test link counts only if the identical link is in the gold.
lax: a test link counts if it shares a source segment with a gold link that shares a target
segment with it. As in Vecalign, 1-0/0-1 links count in precision but not in recall.
`null_links=True` counts them in recall too (the omission/addition view).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

Link = tuple[tuple[int, ...], tuple[int, ...]]


def _counts(gold: Iterable[Link], test: Iterable[Link]) -> tuple[int, int, int, int]:
    """(strict hits, strict misses, lax hits, lax misses) of `test` links against `gold`."""
    gold_set = {(tuple(s), tuple(t)) for s, t in gold if s or t}
    src_to_tgt: dict[int, set[int]] = defaultdict(set)
    for s, t in gold_set:
        for i in s:
            src_to_tgt[i].update(t)
    strict = strict_miss = lax = lax_miss = 0
    for s, t in {(tuple(s), tuple(t)) for s, t in test if s or t}:
        if (s, t) in gold_set:
            strict += 1
            lax += 1
            continue
        strict_miss += 1
        reachable = set().union(*(src_to_tgt[i] for i in s)) if s else set()
        if reachable & set(t):
            lax += 1
        else:
            lax_miss += 1
    return strict, strict_miss, lax, lax_miss


def _ratio(a: int, b: int) -> float:
    return a / (a + b) if a + b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(
    pairs: Iterable[tuple[list[Link], list[Link]]], null_links: bool = False
) -> dict[str, float]:
    """Micro-averaged scores over (gold, test) pairs."""
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for gold, test in pairs:
        p = [x + y for x, y in zip(p, _counts(gold, test))]
        keep = (
            (lambda links: list(links))
            if null_links
            else (lambda links: [(s, t) for s, t in links if s and t])
        )
        r = [x + y for x, y in zip(r, _counts(keep(test), keep(gold)))]
    out = {
        "p_strict": _ratio(p[0], p[1]),
        "r_strict": _ratio(r[0], r[1]),
        "p_lax": _ratio(p[2], p[3]),
        "r_lax": _ratio(r[2], r[3]),
    }
    out["f1_strict"] = _f1(out["p_strict"], out["r_strict"])
    out["f1_lax"] = _f1(out["p_lax"], out["r_lax"])
    return out
