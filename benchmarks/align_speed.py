"""Alignment speed and memory: embedding throughput, alignment of real paragraphs, and
alignment time of 1k/10k/100k-segment synthetic documents (random unit vectors with a planted
monotone path of 1-1, 1-0, 0-1, 2-1 and 1-2 links) to show linear growth.

    python benchmarks/align_speed.py [--embed] [--sizes 1000,10000,100000] [--repeats 3]

Prints markdown tables. Wall-clock times on a shared machine: the load average is printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from functools import partial
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from align_data import embedder, ntrex_pairs, seed_pairs

from aligncheck.align import align

DIM = 384


class Planted:
    """A synthetic pair: 'sN' / 'tN' texts whose vectors and lengths follow a planted alignment
    (a text is its label padded to its planted length)."""

    def __init__(self, size: int, seed: int = 0):
        rng = np.random.default_rng(seed)
        self.src = rng.normal(size=(size, DIM)).astype(np.float32)
        src_len = rng.integers(60, 400, size)
        self.gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
        tgt, tgt_len, i = [], [], 0
        while i < size:
            r = rng.random()
            if r < 0.03:
                self.gold.append(((i,), ()))
                i += 1
                continue
            if r < 0.06:
                tgt.append(rng.normal(size=DIM))
                tgt_len.append(int(rng.integers(60, 400)))
                self.gold.append(((), (len(tgt) - 1,)))
                continue
            if r < 0.09 and i + 1 < size:
                tgt.append(self.src[i] + self.src[i + 1] + rng.normal(size=DIM))
                tgt_len.append(int(src_len[i] + src_len[i + 1]))
                self.gold.append(((i, i + 1), (len(tgt) - 1,)))
                i += 2
                continue
            if r < 0.12:
                noise = rng.normal(size=DIM)
                tgt += [self.src[i] * 0.7 + noise, self.src[i] * 0.7 - noise]
                tgt_len += [int(src_len[i]) // 2, int(src_len[i]) - int(src_len[i]) // 2]
                self.gold.append(((i,), (len(tgt) - 2, len(tgt) - 1)))
            else:
                tgt.append(self.src[i] + rng.normal(size=DIM) * 0.7)
                tgt_len.append(int(src_len[i] * rng.uniform(0.9, 1.1)))
                self.gold.append(((i,), (len(tgt) - 1,)))
            i += 1
        self.tgt = np.array(tgt, dtype=np.float32)
        self.source = [f"s{i}".ljust(n) for i, n in enumerate(src_len)]
        self.target = [f"t{j}".ljust(n) for j, n in enumerate(tgt_len)]

    def __call__(self, texts: list[str]) -> np.ndarray:
        rows = []
        for text in texts:
            table = self.src if text[0] == "s" else self.tgt
            v = sum(table[int(part.split()[0][1:])] for part in text.split("\n"))
            rows.append(v / np.linalg.norm(v))
        return np.array(rows, dtype=np.float32)


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def traced_peak(fn) -> float:
    """Peak MiB of Python/numpy allocations during one call (slow: a separate run)."""
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return peak


SYNTHETIC_CHILD = """
import resource, sys, time
sys.path.insert(0, {bench!r}); sys.path.insert(0, {root!r})
from align_metrics import score
from align_speed import Planted
from aligncheck.align import align
pair = Planted({size}, seed={size})
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
links = align(pair.source, pair.target, pair)
secs = time.perf_counter() - start
grow = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024
f1 = score([(pair.gold, [(x.source, x.target) for x in links])])["f1_strict"]
print(secs, grow, len(pair.target), f1)
"""


def synthetic(sizes: list[int], repeats: int) -> None:
    print(
        "\n### Alignment time on synthetic documents (planted path, dim 384, exact merge windows)\n"
    )
    print(
        "| source segments | target segments | median s | runs | segments/s | s per 1k segments "
        "| peak RSS growth MiB | strict F1 |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    here = Path(__file__).resolve().parent
    for size in sizes:
        runs = []
        for _ in range(repeats if size < 100_000 else 1):
            code = SYNTHETIC_CHILD.format(bench=str(here), root=str(here.parent), size=size)
            out = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            )
            runs.append(tuple(map(float, out.stdout.split()[-4:])))
        secs = statistics.median(r[0] for r in runs)
        grow, m, f1 = max(r[1] for r in runs), int(runs[0][2]), runs[0][3]
        print(
            f"| {size} | {m} | {secs:.2f} | {len(runs)} | {size / secs:.0f} | "
            f"{secs / size * 1000:.2f} | {grow:.0f} | {f1:.3f} |",
            flush=True,
        )


def real_alignment(repeats: int) -> None:
    print(
        "\n### Alignment of real paragraphs "
        "(embeddings cached, summed merge windows: search only)\n"
    )
    print("| pair | models | paragraphs (src+tgt) | median s | paragraphs/s | peak MiB (traced) |")
    print("|---|---|---:|---:|---:|---:|")
    data = [seed_pairs()[2], ntrex_pairs()[0]]
    for models in (["e5"], ["e5", "use"]):
        embeds = [embedder(m) for m in models]
        for name, src, tgt, _ in data:
            label = f"{'seed' if len(src) < 100 else 'ntrex'} {name}"
            run = partial(align, src, tgt, embeds, exact_windows=False)
            run()  # fills the cache
            secs = statistics.median(timed(run)[0] for _ in range(repeats))
            peak = traced_peak(run)
            print(
                f"| {label} | {'+'.join(models)} | {len(src) + len(tgt)} | {secs:.3f} | "
                f"{(len(src) + len(tgt)) / secs:.0f} | {peak:.0f} |",
                flush=True,
            )


EMBED_CHILD = """
import resource, sys, time
sys.path.insert(0, {bench!r}); sys.path.insert(0, {root!r})
from align_data import raw_embedder, ntrex_pairs
texts = ntrex_pairs()[0][1][:{count}]
fn = raw_embedder({model!r})
fn(["warm-up text"])
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
fn(texts)
secs = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(secs, base / 1024, peak / 1024)
"""


def embedding(repeats: int, count: int = 40) -> None:
    print(
        f"\n### Embedding throughput ({count} NTREX-dev English paragraphs, ~350 chars, no cache)\n"
    )
    print("| model | median s | paragraphs/s | peak RSS MiB (after load) | runs |")
    print("|---|---:|---:|---:|---:|")
    here = Path(__file__).resolve().parent
    for model, label in (
        ("e5", "e5-small (load_embedder)"),
        ("use", "USE-multilingual v3 (numpy)"),
    ):
        runs = []
        for _ in range(repeats):
            code = EMBED_CHILD.format(
                bench=str(here), root=str(here.parent), count=count, model=model
            )
            out = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            )
            secs, _, peak = map(float, out.stdout.split()[-3:])
            runs.append((secs, peak))
        secs = statistics.median(r[0] for r in runs)
        print(
            f"| {label} | {secs:.2f} | {count / secs:.1f} | "
            f"{max(r[1] for r in runs):.0f} | {repeats} |",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--embed", action="store_true", help="also measure embedding throughput")
    parser.add_argument(
        "--real", action="store_true", help="also time alignment of real paragraphs"
    )
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    if args.embed:
        embedding(args.repeats)
    if args.real:
        real_alignment(args.repeats)
    if args.sizes:
        synthetic([int(s) for s in args.sizes.split(",")], args.repeats)


if __name__ == "__main__":
    main()
