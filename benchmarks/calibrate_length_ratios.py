"""Calibrate OM02/AD02's length model: target/source character-length ratios per language.

Reads NTREX-dev (../shared/corpora/ntrex128-dev), groups each document's lines into 3-4-line
paragraphs, and prints the length model OM02/AD02 read from aligncheck/lang/data/length_ratios.json
(`aligncheck.lang.profiles.length_factor` and `length_spread`):
  LENGTH_FACTOR[lang]  median chars of `lang` per English char (a pair's ratio is b/a);
  SPREAD               robust spread c of log(ratio) around the pair's median, as
                       sd(log ratio) ~= c / sqrt(source chars) (Gale-Church: variance ~ length).
Run: python3 benchmarks/calibrate_length_ratios.py [--write]  (--write: into that file)
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
from itertools import groupby
from pathlib import Path

NTREX = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "ntrex128-dev"
LANGS = ("en", "ru", "kk", "az", "tk", "tr")
RATIOS = Path(__file__).resolve().parent.parent / "aligncheck/lang/data/length_ratios.json"


def ntrex_paragraphs() -> dict[str, list[str]]:
    lines = {
        lang: (NTREX / f"{lang}.txt").read_text(encoding="utf-8").splitlines() for lang in LANGS
    }
    docs = (NTREX / "document_ids.txt").read_text(encoding="utf-8").splitlines()
    out: dict[str, list[str]] = {lang: [] for lang in LANGS}
    start = 0
    for _, run in groupby(docs):
        n = len(list(run))
        for a in range(start, start + n, 4 if n % 4 != 1 else 3):
            for lang in LANGS:
                out[lang].append(
                    " ".join(lines[lang][a : min(a + 4 if n % 4 != 1 else a + 3, start + n)])
                )
        start += n
    return out


def write_ratios(factor: dict[str, float], spread: float, path: Path = RATIOS) -> None:
    """Write the factors (3 decimals) and spread (2) as printed, keeping the file's _about."""
    about = json.loads(path.read_text(encoding="utf-8")).get("_about", "") if path.exists() else ""
    factors = ", ".join(f'"{k}": {v:.3f}' for k, v in factor.items())
    path.write_text(
        f'{{\n "_about": {json.dumps(about, ensure_ascii=False)},\n'
        f' "factors": {{{factors}}},\n "spread": {spread:.2f}\n}}\n',
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write the table into {RATIOS}")
    args = parser.parse_args()
    paras = ntrex_paragraphs()
    factor = {
        lang: statistics.median(len(t) / len(s) for s, t in zip(paras["en"], paras[lang]))
        for lang in LANGS
    }
    spreads = []
    for a in LANGS:
        for b in LANGS:
            if a == b:
                continue
            mu = math.log(factor[b] / factor[a])
            dev = sorted(
                abs(math.log(len(t) / len(s)) - mu) * math.sqrt(len(s))
                for s, t in zip(paras[a], paras[b])
            )
            spreads.append(1.4826 * dev[len(dev) // 2])
    print(f"# {len(paras['en'])} paragraphs")
    print("LENGTH_FACTOR = {" + ", ".join(f'"{k}": {v:.3f}' for k, v in factor.items()) + "}")
    print(
        f"SPREAD = {statistics.median(spreads):.2f}  "
        f"# pairs range {min(spreads):.2f}..{max(spreads):.2f}"
    )
    if args.write:
        write_ratios(factor, statistics.median(spreads))


if __name__ == "__main__":
    main()
