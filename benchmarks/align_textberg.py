"""Sentence alignment on Text+Berg de-fr (Bertalign's test set), measured without tuning on it.

    git clone https://github.com/bfsujason/bertalign && \\
        python benchmarks/align_textberg.py --dir bertalign/text+berg

Seven documents of German and French sentences (one per line) with gold links
(`[0]:[0, 1]`). Each document is aligned on its own by `aligncheck.align.align` with the
default model (no length ratio: de and fr are not calibrated languages). Strict and lax F1 as
Vecalign's score.py and Bertalign's eval.py define them (align_metrics.py). Bertalign with
LaBSE reports 0.936 strict F1 here (issue 13).
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from align_data import embedder  # noqa: E402
from align_metrics import score  # noqa: E402

from aligncheck.align import align, lexical_weight, member_weight  # noqa: E402


def gold_links(path: Path) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    links = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            src, tgt = line.split(":")
            links.append((tuple(ast.literal_eval(src)), tuple(ast.literal_eval(tgt))))
    return links


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=Path(__file__).parent / "out" / "text+berg")
    args = ap.parse_args()
    if not (args.dir / "gold").is_dir():
        raise SystemExit(f"{args.dir}: no Text+Berg here (see this script's docstring)")
    embed = embedder("e5")
    totals = []
    print("| document | sentences de/fr | strict F1 | lax F1 |\n|---|---:|---:|---:|")
    for gold_file in sorted((args.dir / "gold").iterdir()):
        name = gold_file.name
        read = lambda lang: (args.dir / lang / name).read_text(encoding="utf-8").splitlines()  # noqa: E731
        de, fr = read("de"), read("fr")
        test = [
            (x.source, x.target)
            for x in align(
                de,
                fr,
                [embed],
                member_weight=member_weight("sentence"),
                lexical_weight=lexical_weight("sentence"),
            )
        ]
        gold = gold_links(gold_file)
        totals.append((gold, test))
        s = score([(gold, test)])
        print(f"| {name} | {len(de)}/{len(fr)} | {s['f1_strict']:.3f} | {s['f1_lax']:.3f} |")
    s = score(totals)
    print(f"| all | | **{s['f1_strict']:.3f}** | {s['f1_lax']:.3f} |")
    embed.save()


if __name__ == "__main__":
    main()
