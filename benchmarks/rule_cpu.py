"""CPU time per rule on the seed, each run in a fresh process with the embedding cache warm.

Wall time is unreliable on a shared machine; `time.process_time` around each rule is not (it
counts this process's CPU only). Each repeat is a new interpreter, like a CLI run, so rules
pay for their own module-level caches (lru_cache etc.) every time.

Run: python benchmarks/rule_cpu.py [--repeat 5] [--release PATH] [--langs en,az,kk,ru,tk]
     python benchmarks/rule_cpu.py --profile CO01   (cProfile of one rule, one run, to stderr)
Prints a markdown table: median CPU seconds per rule (and min/max), the total of all rules
and the core pipeline before the rules (read, segment, embed from cache, align).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = HERE.parents[1] / "shared" / "seeds" / "000_ab64be821029c731.txt"


def once(
    release: str, langs: str | None, select: str | None, profile: str | None = None
) -> dict[str, float]:
    """One in-process run (called in the child): CPU seconds per rule, plus 'core'."""
    sys.path.insert(0, str(HERE.parent))
    from aligncheck import pipeline
    from aligncheck.app.config import load_config
    from aligncheck.app.run import _cli_config, _langs, check_releases
    from aligncheck.findings import postprocess
    from aligncheck.read import discover_releases

    times: dict[str, float] = {}
    original = pipeline._run_rule

    def timed(rule, contexts, release_ctx, warnings):
        start = time.process_time()
        profiler = None
        if rule.code == profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        try:
            return original(rule, contexts, release_ctx, warnings)
        finally:
            if profiler is not None:
                import pstats

                profiler.disable()
                pstats.Stats(profiler, stream=sys.stderr).sort_stats(
                    os.environ.get("SORT", "cumulative")
                ).print_stats(int(os.environ.get("TOP", "45")))
            times[rule.code] = times.get(rule.code, 0.0) + time.process_time() - start

    pipeline._run_rule = timed
    options = {"select": select} if select else {}
    config = load_config(Path(release), _cli_config(options))
    releases, _ = postprocess.strip_release_directives(
        discover_releases(
            [Path(release)],
            source_lang=config.source_lang,
            langs=_langs(langs),
            encoding=config.encoding,
        )
    )
    start = time.process_time()
    check_releases(releases, config, use_cache=True, quiet=True)
    total = time.process_time() - start
    times["core+rules"] = total
    times["all rules"] = sum(v for k, v in times.items() if k != "core+rules")
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--release", default=str(SEED))
    parser.add_argument("--langs", default="en,az,kk,ru,tk")
    parser.add_argument("--select", default=None)
    parser.add_argument(
        "--profile",
        default=None,
        metavar="CODE",
        help="one in-process run, printing cProfile statistics of rule CODE",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.profile:
        once(args.release, args.langs or None, args.select, args.profile)
        return
    if args.child:
        print(json.dumps(once(args.release, args.langs or None, args.select)))
        return
    command = [
        sys.executable,
        __file__,
        "--child",
        "--release",
        args.release,
        "--langs",
        args.langs,
    ]
    if args.select:
        command += ["--select", args.select]
    subprocess.run(command, capture_output=True, check=True)  # prime the embedding cache
    runs = [
        json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
        for _ in range(args.repeat)
    ]
    codes = sorted(
        {k for r in runs for k in r}, key=lambda k: (k in ("all rules", "core+rules"), k)
    )
    print(f"| rule | median CPU s ({args.repeat} runs) | min | max |")
    print("|---|---:|---:|---:|")
    for code in codes:
        values = [r.get(code, 0.0) for r in runs]
        print(
            f"| {code} | {statistics.median(values):.4f} | {min(values):.4f} | {max(values):.4f} |"
        )


if __name__ == "__main__":
    main()
