"""Sentence alignment on Text+Berg de-fr (Bertalign's test set), measured without tuning on it.

    git clone https://github.com/bfsujason/bertalign && \\
        python benchmarks/align_textberg.py --dir bertalign/text+berg

Seven documents of German and French sentences (one per line) with gold links
(`[0]:[0, 1]`). Each document is aligned on its own by `aligncheck.align.align` with the
default model (no length ratio: de and fr are not calibrated languages). Strict and lax F1 as
Vecalign's score.py and Bertalign's eval.py define them (align_metrics.py). Bertalign with
LaBSE reports 0.936 strict F1 here (issue 13).

The sentence options are tuned on another document of the same corpus, Bleualign's dev set
(Vecalign ships it, GPL-2.0, with the same seven test documents as test0-6):

    git clone https://github.com/thompsonb/vecalign && \\
        python benchmarks/align_textberg.py --bleualign vecalign/bleualign_data
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from align_data import embedder  # noqa: E402
from align_metrics import score  # noqa: E402

from aligncheck.align import align, unit_options  # noqa: E402


def gold_links(path: Path) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    links = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            src, tgt = line.split(":")
            links.append((tuple(ast.literal_eval(src)), tuple(ast.literal_eval(tgt))))
    return links


def documents(args) -> list[tuple[str, Path, Path, Path]]:
    """(name, German file, French file, gold file) of the test set, or of the dev document."""
    if args.bleualign:
        d = args.bleualign
        return [("dev", d / "dev.de", d / "dev.fr", d / "dev.defr")]
    names = sorted(p.name for p in (args.dir / "gold").iterdir())
    return [(n, args.dir / "de" / n, args.dir / "fr" / n, args.dir / "gold" / n) for n in names]


def add_arguments(ap: argparse.ArgumentParser) -> None:
    """--dir (the test set) and --bleualign (the dev document instead)."""
    ap.add_argument("--dir", type=Path, default=Path(__file__).parent / "out" / "text+berg")
    ap.add_argument(
        "--bleualign",
        type=Path,
        help="Vecalign's bleualign_data folder: align its dev document (the tuning set) instead",
    )


def report(args, align_pair: Callable[[list[str], list[str]], list]) -> None:
    """Align each document with `align_pair` (German and French lines -> (source, target)
    index tuples) and print strict and lax F1 per document and over all."""
    found = args.bleualign / "dev.defr" if args.bleualign else args.dir / "gold"
    if not found.exists():
        raise SystemExit(f"{found}: not here (see this script's docstring)")
    totals = []
    print("| document | sentences de/fr | strict F1 | lax F1 |\n|---|---:|---:|---:|")
    for name, de_file, fr_file, gold_file in documents(args):
        de = de_file.read_text(encoding="utf-8").splitlines()
        fr = fr_file.read_text(encoding="utf-8").splitlines()
        pair = (gold_links(gold_file), align_pair(de, fr))
        totals.append(pair)
        s = score([pair])
        print(f"| {name} | {len(de)}/{len(fr)} | {s['f1_strict']:.3f} | {s['f1_lax']:.3f} |")
    s = score(totals)
    print(f"| all | | **{s['f1_strict']:.3f}** | {s['f1_lax']:.3f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(ap)
    args = ap.parse_args()
    embed = embedder("e5")
    options = unit_options("sentence")
    report(args, lambda de, fr: [(x.source, x.target) for x in align(de, fr, [embed], **options)])
    embed.save()


if __name__ == "__main__":
    main()
