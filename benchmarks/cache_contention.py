"""Do workers writing the same embedding cache (SQLite, WAL) wait for each other?

Each writer stores --rounds batches of 256 unit vectors of 384 floats (what the embedder writes
after each chunk it encodes, embed/embedder.py) with EmbeddingCache.put_many, then reads them
all back with get_many. Three layouts: one writer alone; two writer processes at once on one
file (what `check --jobs 2` does); two at once on two files (no sharing). Prints the median
seconds per writer over --repeat runs and the time one batch write takes. The real workload
writes one such batch per ~10 s of model time per worker, so the figures bound contention from
above: here the writers do nothing else.
Run: python benchmarks/cache_contention.py [--rounds 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

BATCH, DIM = 256, 384


def writer(path: str, rounds: int, seed: int, out) -> None:
    from aligncheck.embed.cache import EmbeddingCache

    rng = np.random.default_rng(seed)
    cache = EmbeddingCache(Path(path))
    keys_written = []
    start = time.perf_counter()
    for r in range(rounds):
        vectors = rng.standard_normal((BATCH, DIM)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        keys = [f"{seed}-{r}-{i}".encode().ljust(32, b"_") for i in range(BATCH)]
        cache.put_many("model", "passage: ", list(zip(keys, vectors)))
        keys_written += keys
    wrote = time.perf_counter() - start
    found = cache.get_many("model", "passage: ", keys_written, dim=DIM, unit=True)
    out.put((wrote, time.perf_counter() - start, len(found) == len(keys_written), cache.warnings))


def layout(paths: list[str], rounds: int) -> list[tuple]:
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    procs = [context.Process(target=writer, args=(p, rounds, i, out)) for i, p in enumerate(paths)]
    for proc in procs:
        proc.start()
    results = [out.get() for _ in procs]
    for proc in procs:
        proc.join()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows: dict[str, list[tuple]] = {}
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            shared = str(Path(tmp) / "shared.sqlite3")
            for name, paths in (
                ("1 writer", [str(Path(tmp) / "alone.sqlite3")]),
                ("2 writers, one file", [shared, shared]),
                (
                    "2 writers, two files",
                    [str(Path(tmp) / "a.sqlite3"), str(Path(tmp) / "b.sqlite3")],
                ),
            ):
                for result in layout(paths, args.rounds):
                    if not result[2] or result[3]:
                        raise SystemExit(f"{name}: vectors lost or cache warnings {result[3]}")
                    rows.setdefault(name, []).append(result)
    vectors = args.rounds * BATCH
    print(f"{args.rounds} batches of {BATCH} vectors per writer ({vectors:,} vectors), medians\n")
    print("| layout | write s per writer | ms per batch | write + read back s |")
    print("|---|---:|---:|---:|")
    for name, results in rows.items():
        wrote = statistics.median(r[0] for r in results)
        total = statistics.median(r[1] for r in results)
        print(f"| {name} | {wrote:.2f} | {wrote / args.rounds * 1000:.1f} | {total:.2f} |")


if __name__ == "__main__":
    main()
