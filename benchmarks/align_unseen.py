"""Paragraph alignment on held-out NTREX-dev, one document at a time (issue 13).

    python benchmarks/align_unseen.py [--half untouched|tuning] [--seed 13]

Each document of the half is aligned on its own, as aligncheck aligns a release (with the
languages' calibrated length ratio, as the pipeline gives it): its paragraphs
(benchmarks/ntrex_split.py) in English against the target's, after target paragraphs were
dropped (6%), merged with the next (8%) or split at a line break (8%), drawn per document and
language from random.Random(f"{seed}-{doc id}-{lang}"). Strict and lax F1 (align_metrics.py,
Vecalign's definitions) over the links of all documents of the half, per language.

The aligner's parameters were tuned on NTREX-dev as a whole before the split, so even the
untouched half is not unseen by them; the figure to trust is the one on other text.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from align_data import embedder  # noqa: E402
from align_metrics import score  # noqa: E402
from ntrex_split import TARGETS, available, half  # noqa: E402

from aligncheck.align import align, unit_options  # noqa: E402
from aligncheck.pipeline import length_ratio  # noqa: E402

P_DROP, P_MERGE, P_SPLIT = 0.06, 0.08, 0.08


def perturbed(doc, lang: str, seed: int):
    """(source paragraphs, target paragraphs, gold links) of one document and language."""
    rng = random.Random(f"{seed}-{doc.id}-{lang}")
    source = doc.joined("en")
    pars = doc.paragraphs[lang]
    target, gold, k = [], [], 0
    while k < len(pars):
        r = rng.random()
        if r < P_DROP:
            gold.append(((k,), ()))
        elif r < P_DROP + P_MERGE and k + 1 < len(pars):
            target.append(" ".join(pars[k] + pars[k + 1]))
            gold.append(((k, k + 1), (len(target) - 1,)))
            k += 1
        elif r < P_DROP + P_MERGE + P_SPLIT and len(pars[k]) > 1:
            cut = rng.randint(1, len(pars[k]) - 1)
            target += [" ".join(pars[k][:cut]), " ".join(pars[k][cut:])]
            gold.append(((k,), (len(target) - 2, len(target) - 1)))
        else:
            target.append(" ".join(pars[k]))
            gold.append(((k,), (len(target) - 1,)))
        k += 1
    return source, target, gold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("tuning", "untouched"), default="untouched")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    if not available():
        raise SystemExit("NTREX-dev is not in ../shared/corpora/ntrex128-dev: nothing to measure")
    embed = embedder("e5")
    docs = half(args.half)
    print(f"{args.half} half: {len(docs)} documents, aligned one at a time\n")
    print("| pair | links (gold) | P strict | R strict | F1 strict | F1 lax |")
    print("|---|---:|---:|---:|---:|---:|")
    everything = []
    for lang in TARGETS:
        totals = []
        for doc in docs:
            source, target, gold = perturbed(doc, lang, args.seed)
            links = align(
                source,
                target,
                [embed],
                length_ratio=length_ratio("en", lang),
                **unit_options("paragraph"),
            )
            totals.append((gold, [(x.source, x.target) for x in links]))
        everything += totals
        s = score(totals)
        print(
            f"| en-{lang} | {sum(len(g) for g, _ in totals)} | {s['p_strict']:.3f} "
            f"| {s['r_strict']:.3f} | {s['f1_strict']:.3f} | {s['f1_lax']:.3f} |"
        )
    s = score(everything)
    print(
        f"| all | | {s['p_strict']:.3f} | {s['r_strict']:.3f} | "
        f"**{s['f1_strict']:.3f}** | {s['f1_lax']:.3f} |"
    )
    embed.save()


if __name__ == "__main__":
    main()
