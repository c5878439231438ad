"""Alignment quality: strict/lax precision, recall and F1 (Vecalign's definitions, see
align_metrics.py) on the seed's hand-made paragraph gold and on NTREX-dev paragraph gold
(lines grouped into 2-4-line paragraphs; target paragraphs dropped, merged, split at random).

    python benchmarks/align_quality.py [--data seed,ntrex] [--models e5,use,e5+use] [--exact 0,1]

Embeddings are cached in benchmarks/out/ (first run of e5 on NTREX takes a while).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from align_data import embedder, ntrex_pairs, seed_pairs
from align_metrics import score

from aligncheck.align import align, unit_options


def run(data: str, models: str, exact: bool, scores_out: dict, only: str = "") -> None:
    embeds = [embedder(m) for m in models.split("+")]
    pairs = seed_pairs() if data == "seed" else ntrex_pairs()
    pairs = [p for p in pairs if not only or p[0] in only.split(",")]
    totals = []
    label = f"{models}, {'exact' if exact else 'summed'} merge windows"
    for name, src, tgt, gold in pairs:
        links = align(
            src,
            tgt,
            embeds,
            exact_windows=exact,
            **unit_options("paragraph"),
        )
        test = [(x.source, x.target) for x in links]
        totals.append((gold, test))
        gold_set = set(gold)
        for x in links:
            if x.source and x.target:
                scores_out.setdefault((x.source, x.target) in gold_set, []).append(x.score)
        _row(f"{data} {name}", label, score([(gold, test)]), score([(gold, test)], null_links=True))
    if len(totals) > 1:
        _row(f"{data} all", label, score(totals), score(totals, null_links=True))


def _row(pair: str, label: str, s: dict, with_null: dict) -> None:
    print(
        f"| {pair} | {label} | {s['p_strict']:.3f} | {s['r_strict']:.3f} | {s['f1_strict']:.3f} | "
        f"{s['f1_lax']:.3f} | {with_null['f1_strict']:.3f} |",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="seed,ntrex")
    parser.add_argument("--models", default="e5,use,e5+use")
    parser.add_argument("--exact", default="1,0")
    parser.add_argument("--pairs", default="", help="only these pairs, e.g. en-tk,en-kk")
    args = parser.parse_args()
    print(
        "| pair | embedders | P strict | R strict | F1 strict | F1 lax | F1 strict incl. 1-0/0-1 |"
    )
    print("|---|---|---:|---:|---:|---:|---:|")
    scores: dict[bool, list[float]] = {}
    for data in args.data.split(","):
        for models in args.models.split(","):
            for exact in args.exact.split(","):
                run(data, models, exact == "1", scores, args.pairs)
    print("\n| link scores (all runs) | n | 5% | 25% | median | 75% |")
    print("|---|---:|---:|---:|---:|---:|")
    for right in (True, False):
        if scores.get(right):
            q = np.percentile(scores[right], [5, 25, 50, 75])
            print(
                f"| {'correct' if right else 'wrong'} links | {len(scores[right])} | "
                + " | ".join(f"{v:.2f}" for v in q)
                + " |"
            )


if __name__ == "__main__":
    main()
