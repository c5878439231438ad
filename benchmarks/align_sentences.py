"""Sentence alignment on the tuning half of NTREX-dev, short sentences merged (issue 13).

    python benchmarks/align_sentences.py [--seed 13] [--joined] [--half tuning]

NTREX-dev lines are sentences (2 of 468 English lines of the tuning half hold two). Each
document of the half is aligned on its own (`--joined`: the half as one text) without a
length ratio, as align_textberg.py aligns Text+Berg. Both sides are perturbed, drawn per
document and language from random.Random(f"{seed}-{doc id}-{lang}"), walking the lines:
a pair of neighbouring lines is merged into one sentence on one side (2-1 or 1-2, either
side equally) with probability 0.4 when one of them is short (English under 60 chars) and
0.04 otherwise; else a line is dropped from one side (4%, 1-0 / 0-1) or its target is split
in two (6%, at a sentence boundary, else at the comma nearest its middle; 1-2). That is the
Text+Berg failure: a short sentence merged into its neighbour, which the aligner took for a
dropped one. Strict and lax F1 (align_metrics.py) per language. For tuning: never run it
on the untouched half except to report.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from align_data import embedder  # noqa: E402
from align_metrics import score  # noqa: E402
from ntrex_split import TARGETS, available, half  # noqa: E402

from aligncheck.align import align, unit_options  # noqa: E402
from aligncheck.segment import split_sentences  # noqa: E402

SENTENCE_OPTIONS = unit_options("sentence")
SHORT, P_MERGE_SHORT, P_MERGE, P_DROP, P_SPLIT = 60, 0.4, 0.04, 0.04, 0.06


def split_line(text: str, lang: str) -> tuple[str, str] | None:
    """The line cut in two at a sentence boundary, else at the comma nearest its middle."""
    spans = split_sentences(text, lang)
    if len(spans) > 1:
        cut = spans[len(spans) // 2][0]
    else:
        commas = [m.end() for m in re.finditer(r"[,;،]\s", text)]
        commas = [c for c in commas if 20 <= c <= len(text) - 20]
        if not commas:
            return None
        cut = min(commas, key=lambda c: abs(c - len(text) / 2))
    return text[:cut].strip(), text[cut:].strip()


def perturbed(en: list[str], tgt: list[str], rng: random.Random, lang: str):
    """(source sentences, target sentences, gold links) from line-parallel `en`, `tgt`."""
    source, target, gold, k = [], [], [], 0
    while k < len(en):
        short = k + 1 < len(en) and min(len(en[k]), len(en[k + 1])) < SHORT
        r, split = rng.random(), None
        if k + 1 < len(en) and r < (P_MERGE_SHORT if short else P_MERGE):
            if rng.random() < 0.5:
                source += [en[k], en[k + 1]]
                target.append(tgt[k] + " " + tgt[k + 1])
            else:
                source.append(en[k] + " " + en[k + 1])
                target += [tgt[k], tgt[k + 1]]
            k += 2
        elif rng.random() < P_DROP:
            if rng.random() < 0.5:
                source.append(en[k])
            else:
                target.append(tgt[k])
            k += 1
        elif rng.random() < P_SPLIT and (split := split_line(tgt[k], lang)):
            source.append(en[k])
            target += split
            k += 1
        else:
            source.append(en[k])
            target.append(tgt[k])
            k += 1
        gold.append(_link(source, target, gold))
    return source, target, gold


def _link(source, target, gold):
    """The link covering what was appended since the previous link."""
    i = sum(len(s) for s, _ in gold)
    j = sum(len(t) for _, t in gold)
    return tuple(range(i, len(source))), tuple(range(j, len(target)))


def cases(half_name: str, lang: str, seed: int, joined: bool):
    """(source, target, gold) per document, or one for the whole half with `joined`."""
    out = []
    for doc in half(half_name):
        rng = random.Random(f"{seed}-{doc.id}-{lang}")
        out.append(perturbed(doc.lines("en"), doc.lines(lang), rng, lang))
    if not joined:
        return out
    source, target, gold = [], [], []
    for s, t, g in out:
        i, j = len(source), len(target)
        gold += [(tuple(i + x for x in a), tuple(j + y for y in b)) for a, b in g]
        source += s
        target += t
    return [(source, target, gold)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("tuning", "untouched"), default="tuning")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--joined", action="store_true")
    args = ap.parse_args()
    if not available():
        raise SystemExit("NTREX-dev is not in ../shared/corpora/ntrex128-dev: nothing to measure")
    embed = embedder("e5")
    print(f"{args.half} half, sentences, {'joined' if args.joined else 'one document at a time'}\n")
    print("| pair | links (gold) | 2-1, 1-2 | P strict | R strict | F1 strict | F1 lax |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    everything = []
    for lang in TARGETS:
        totals = []
        for source, target, gold in cases(args.half, lang, args.seed, args.joined):
            links = align(source, target, [embed], **SENTENCE_OPTIONS)
            totals.append((gold, [(x.source, x.target) for x in links]))
        everything += totals
        s = score(totals)
        merges = sum(len(a) + len(b) == 3 for g, _ in totals for a, b in g)
        print(
            f"| en-{lang} | {sum(len(g) for g, _ in totals)} | {merges} | {s['p_strict']:.3f} "
            f"| {s['r_strict']:.3f} | {s['f1_strict']:.3f} | {s['f1_lax']:.3f} |"
        )
    s = score(everything)
    print(
        f"| all | | | {s['p_strict']:.3f} | {s['r_strict']:.3f} | "
        f"**{s['f1_strict']:.3f}** | {s['f1_lax']:.3f} |"
    )
    embed.save()


if __name__ == "__main__":
    main()
