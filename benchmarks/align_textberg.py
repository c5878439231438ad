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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=Path(__file__).parent / "out" / "text+berg")
    ap.add_argument(
        "--bleualign",
        type=Path,
        help="Vecalign's bleualign_data folder: align its dev document (the tuning set) instead",
    )
    args = ap.parse_args()
    found = args.bleualign / "dev.defr" if args.bleualign else args.dir / "gold"
    if not found.exists():
        raise SystemExit(f"{found}: not here (see this script's docstring)")
    embed = embedder("e5")
    totals = []
    print("| document | sentences de/fr | strict F1 | lax F1 |\n|---|---:|---:|---:|")
    for name, de_file, fr_file, gold_file in documents(args):
        de = de_file.read_text(encoding="utf-8").splitlines()
        fr = fr_file.read_text(encoding="utf-8").splitlines()
        links = align(de, fr, [embed], **unit_options("sentence"))
        test = [(x.source, x.target) for x in links]
        gold = gold_links(gold_file)
        totals.append((gold, test))
        s = score([(gold, test)])
        print(f"| {name} | {len(de)}/{len(fr)} | {s['f1_strict']:.3f} | {s['f1_lax']:.3f} |")
    s = score(totals)
    print(f"| all | | **{s['f1_strict']:.3f}** | {s['f1_lax']:.3f} |")
    embed.save()


if __name__ == "__main__":
    main()
