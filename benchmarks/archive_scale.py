"""Throughput of `aligncheck check ARCHIVE` in one process, with --jobs 2 and on a local Ray
cluster of 2 CPUs, cold (an empty cache: every text embedded) and warm (the same cache again).

The archive (benchmarks/out/archive_scale/archive, built once): every NTREX-dev document as
one release directory of six versions (en, ru, kk, az, tk, tr; paragraphs as ntrex_split
groups them), then copies of the sample release corpora/steppe-rivers until there are
--releases of them; copy k says "12+k pilot villages" in every version, so each copy has a
paragraph of its own to embed. Findings must be identical across the three ways: the JSON
reports are compared byte for byte (the run stops if they differ).

Cold runs get an empty ALIGNCHECK_CACHE_DIR holding only a link to the built model (models/);
warm runs reuse it. Prints a markdown table of medians over --repeat runs: wall seconds,
releases/s, paragraphs/s (source and target paragraphs of the checked releases) and the
ratio to one process; then the CPU seconds the README's capacity model starts from. The
machine is shared: each run prints the load average before it.
Run: python benchmarks/archive_scale.py [--releases 500] [--repeat 1] [--ntrex DIR] [--no-ray]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from ntrex_split import LANGS, NTREX, all_documents, available

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out" / "archive_scale"
SAMPLE = ROOT / "corpora" / "steppe-rivers"
WAYS = {"1 process": [], "--jobs 2": ["--jobs", "2"], "Ray, local, 2 CPUs": ["--ray"]}
SLUGS = {"1 process": "one", "--jobs 2": "jobs2", "Ray, local, 2 CPUs": "ray"}


def build(archive: Path, releases: int, corpus: Path) -> None:
    if archive.exists():
        shutil.rmtree(archive)
    docs = all_documents(corpus)
    for doc in docs:
        folder = archive / f"ntrex-{doc.index:03d}"
        folder.mkdir(parents=True)
        for lang in LANGS:
            text = "\n\n".join(doc.joined(lang)) + "\n"
            (folder / f"{lang}.txt").write_text(text, encoding="utf-8")
    for k in range(releases - len(docs)):
        folder = archive / f"sample-{k:04d}"
        folder.mkdir(parents=True)
        for version in SAMPLE.glob("*.md"):
            if version.stem == "README":
                continue
            text = re.sub(r"\b12 (?=\S)", f"{12 + k} ", version.read_text(encoding="utf-8"))
            (folder / version.name).write_text(text, encoding="utf-8")


def fresh_cache(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    models = Path(os.environ.get("ALIGNCHECK_CACHE_DIR") or _user_cache()) / "models"
    (path / "models").symlink_to(models.resolve(), target_is_directory=True)
    return path


def _user_cache() -> str:
    import platformdirs

    return platformdirs.user_cache_dir("aligncheck")


def run(archive: Path, extra: list[str], cache: Path, report: Path) -> tuple[float, float]:
    """(wall, CPU) seconds; CPU counts the processes aligncheck waits for (its --jobs workers,
    not the Ray cluster's)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "aligncheck", "check", str(archive), "-q", *extra]
        + ["--format", "json", "--output", str(report)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "ALIGNCHECK_CACHE_DIR": str(cache)},
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1) or "warning:" in proc.stderr:
        raise SystemExit(f"{' '.join(extra) or '1 process'} failed:\n{proc.stderr}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return elapsed, cpu


def paragraphs(report: Path) -> tuple[int, int]:
    """(releases, paragraphs) of a JSON report."""
    data = json.loads(report.read_text(encoding="utf-8"))
    docs = data["documents"]
    return len(docs), sum(
        d["source"]["segments"] + sum(t["segments"] for t in d["targets"]) for d in docs
    )


def distinct_paragraphs(archive: Path) -> int:
    """Texts a cold run embeds (besides their windows and sentences): distinct paragraphs."""
    seen = set()
    for path in archive.glob("*/*.*"):
        seen.update(p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip())
    return len(seen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--ntrex", type=Path, default=NTREX)
    parser.add_argument("--no-ray", action="store_true")
    parser.add_argument(
        "--only", choices=sorted(SLUGS.values()), help="measure one way (compared to one-cold.json)"
    )
    args = parser.parse_args()
    if not available(args.ntrex):
        raise SystemExit(f"NTREX-dev not found in {args.ntrex}; pass --ntrex DIR")
    archive = OUT / "archive"
    build(archive, args.releases, args.ntrex)
    ways = {k: v for k, v in WAYS.items() if not (v == ["--ray"] and args.no_ray)}
    if args.only:
        ways = {k: v for k, v in ways.items() if SLUGS[k] == args.only}
    if "--ray" in sum(ways.values(), []) and importlib.util.find_spec("ray") is None:
        print("Ray is not installed: pip install 'aligncheck[ray]'; measuring without it")
        ways.pop("Ray, local, 2 CPUs")
    times: dict[tuple[str, str], list[float]] = {}
    cpus: dict[tuple[str, str], list[float]] = {}
    reference = OUT / "one-cold.json"  # a one-process report of an earlier run, if any
    reports = {"findings": reference.read_bytes()} if args.only and reference.exists() else {}
    for n in range(args.repeat):
        for way, extra in ways.items():
            cache = fresh_cache(OUT / "cache")
            for phase in ("cold", "warm"):
                report = OUT / f"{SLUGS[way]}-{phase}.json"
                load = os.getloadavg()[0]
                seconds, cpu = run(archive, extra, cache, report)
                times.setdefault((way, phase), []).append(seconds)
                cpus.setdefault((way, phase), []).append(cpu)
                print(
                    f"run {n + 1}: {way:<20} {phase}: {seconds:8.1f} s wall, {cpu:8.1f} s CPU "
                    f"(load average before: {load:.1f})",
                    flush=True,
                )
                body = report.read_bytes()
                if reports.setdefault("findings", body) != body:
                    raise SystemExit(f"{way} {phase}: the JSON report differs from one process's")
    releases, paras = paragraphs(report)
    print(f"\n{releases} releases, {paras} paragraphs; JSON reports identical across all runs\n")
    print("| run | cold s | releases/s | paragraphs/s | warm s | releases/s | paragraphs/s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    first = next(iter(ways))
    base = {p: statistics.median(times[(first, p)]) for p in ("cold", "warm")}
    for way in ways:
        cells = []
        for phase in ("cold", "warm"):
            s = statistics.median(times[(way, phase)])
            ratio = "" if way == first else f" (×{base[phase] / s:.2f})"
            cells += [f"{s:.1f}{ratio}", f"{releases / s:.2f}", f"{paras / s:.1f}"]
        print(f"| {way} | " + " | ".join(cells) + " |")
    distinct = distinct_paragraphs(archive)
    print(f"\n{distinct} distinct paragraphs. Costs in CPU seconds (medians):")
    for way in [w for w in ("1 process", "--jobs 2") if w in ways]:
        cold, warm = (statistics.median(cpus[(way, p)]) for p in ("cold", "warm"))
        print(
            f"- {way}: embedding {(cold - warm) / distinct * 1000:.0f} ms per distinct paragraph "
            f"((cold - warm) / {distinct}); warm run {warm / releases * 1000:.0f} ms per release "
            f"({warm / paras * 1000:.1f} ms per paragraph)"
        )


if __name__ == "__main__":
    main()
