"""End-to-end timing of `aligncheck check` on the seed's five versions (one multilingual file).

cold   fresh process, --no-cache: every paragraph and window is embedded (onnxruntime runner;
       once more with ALIGNCHECK_RUNNER=torch for comparison; once with the core rules only)
warm   fresh process, embedding cache primed
core   warm, only the alignment rules (AL, OM01, AD01): the core pipeline
all-formats  warm, plus every report format written to files

Prints a markdown table of medians over --repeat runs (wall-clock seconds) and ratios.
Bytecode: an installed package has its .pyc files (pip compiles them). An editable checkout under
PYTHONDONTWRITEBYTECODE=1 writes none; aligncheck then keeps its modules' bytecode in its cache
dir (aligncheck/_runtime/bytecode.py), primed by the first run below. --bytecode compiles .pyc
files next to the sources first (as an install would); without it, they are removed first.
Also prints each row's median CPU time (user + system of the child), steadier than wall time
on a shared machine.
Run: python benchmarks/bench_pipeline.py [--repeat 5] [--bytecode]
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_ab64be821029c731.txt"
LANGS = "en,az,kk,ru,tk"
FORMATS = ("json", "sarif", "junit", "github", "markdown", "html", "text")


PACKAGE = Path(__file__).resolve().parents[1] / "aligncheck"


def timed(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds of one fresh process."""
    before = os.times()
    start = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "aligncheck",
            "check",
            str(SEED),
            "--langs",
            LANGS,
            "--quiet",
            *args,
        ],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )
    elapsed = time.perf_counter() - start
    after = os.times()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"aligncheck failed ({proc.returncode}): {proc.stderr.strip()}")
    return elapsed, (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )


def median_of(
    args: list[str], repeat: int, env: dict[str, str] | None = None
) -> tuple[float, float]:
    runs = [timed(args, env) for _ in range(repeat)]
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def set_bytecode(present: bool) -> None:
    for folder in PACKAGE.rglob("__pycache__"):
        shutil.rmtree(folder)
    if present:
        compileall.compile_dir(str(PACKAGE), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--bytecode", action="store_true", help="compile aligncheck's .pyc first")
    args = parser.parse_args()
    repeat = args.repeat
    set_bytecode(args.bytecode)
    if not SEED.exists():
        raise SystemExit(f"seed not found: {SEED}")
    timed(["--format", "json", "--output", "/dev/null"])  # build the model, prime the cache
    with tempfile.TemporaryDirectory() as out:
        outputs = [a for f in FORMATS for a in ("--format", f, "--output", f"{out}/seed.{f}")]
        rows = {
            "cold (--no-cache)": median_of(
                ["--no-cache", "--format", "json", "--output", "/dev/null"], repeat
            ),
            "cold, core only (AL, OM01, AD01)": median_of(
                [
                    "--no-cache",
                    "--select",
                    "AL,OM01,AD01",
                    "--format",
                    "json",
                    "--output",
                    "/dev/null",
                ],
                repeat,
            ),
            "cold, torch runner": median_of(
                ["--no-cache", "--format", "json", "--output", "/dev/null"],
                repeat,
                {"ALIGNCHECK_RUNNER": "torch"},
            ),
            "warm, core only (AL, OM01, AD01)": median_of(
                ["--select", "AL,OM01,AD01", "--format", "json", "--output", "/dev/null"], repeat
            ),
            "warm, all rules": median_of(["--format", "json", "--output", "/dev/null"], repeat),
            "warm, all rules, all 7 formats": median_of(outputs, repeat),
        }
    core = rows["warm, core only (AL, OM01, AD01)"][0]
    state = "with .pyc" if args.bytecode else "no .pyc, aligncheck's bytecode cache"
    print(
        f"| run (seed, 5 versions, median of {repeat}; {state}) "
        "| wall s | CPU s | wall vs warm core |"
    )
    print("|---|---:|---:|---:|")
    for name, (wall, cpu) in rows.items():
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {wall / core:.2f}x |")


if __name__ == "__main__":
    main()
