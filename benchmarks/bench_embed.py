"""Embedding-stage timings: model build, model load, throughput, cold and warm runs.

    python benchmarks/bench_embed.py [--build] [--seed FILE]

Paragraphs are the non-empty lines of the seed file. Cold/warm runs are fresh
processes (Python start-up included) with an empty / a filled embedding cache.
Prints wall and CPU seconds: on a shared machine CPU time is the steadier figure.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_ab64be821029c731.txt"
RUN = """
import sys, time
t, c = time.time(), time.process_time()
from aligncheck.embed import load_embedder
paragraphs = [p.strip() for p in open(sys.argv[1], encoding="utf-8") if p.strip()]
load_embedder().embed(paragraphs)
print(f"{time.time() - t:.2f} {time.process_time() - c:.2f} {'torch' in sys.modules}")
"""


def timed(label: str, work):
    t, c = time.time(), time.process_time()
    result = work()
    print(f"{label:<34} wall {time.time() - t:6.2f}s  cpu {time.process_time() - c:6.2f}s")
    return result


def run_process(seed: Path, cache: str, label: str) -> None:
    env = {**os.environ, "ALIGNCHECK_CACHE_DIR": cache, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", RUN, str(seed)], env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    print(
        f"{label:<34} wall {float(out[0]):6.2f}s  cpu {float(out[1]):6.2f}s  "
        f"torch imported: {out[2]}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="also time a fresh model build")
    parser.add_argument("--seed", type=Path, default=SEED)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from aligncheck.embed import default_model_dir, load_embedder, st

    paragraphs = [p.strip() for p in args.seed.read_text("utf-8").splitlines() if p.strip()]
    timed("import torch", lambda: __import__("torch"))
    if args.build:
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["ALIGNCHECK_CACHE_DIR"] = tmp
            timed("model build + verify (first use)", default_model_dir)
            del os.environ["ALIGNCHECK_CACHE_DIR"]
            st._LOADED.clear()
    path = default_model_dir()
    timed("model load (lean runner)", lambda: st.load_lean_bert(str(path)))
    embedder = load_embedder(use_cache=False)
    embedder.embed(["A warm-up sentence that is not in the file."])
    t = time.time()
    timed(f"embed {len(paragraphs)} paragraphs", lambda: embedder.embed(paragraphs))
    print(f"{'throughput':<34} {len(paragraphs) / (time.time() - t):6.1f} paragraphs/s")
    with tempfile.TemporaryDirectory() as cache:
        os.symlink(path.parent, Path(cache) / "models")
        run_process(args.seed, cache, "cold run (process, empty cache)")
        run_process(args.seed, cache, "warm run (process, all cache hits)")


if __name__ == "__main__":
    main()
