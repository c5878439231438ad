"""Glossary size scaling: load and match time and peak RSS for synthetic 10k/100k/1M-row glossaries.

Each glossary is a TSV of random pronounceable terms (en, with renderings in ru/kk/az/tk and a
forbidden ru variant on every 50th row) plus the rows of glossaries/steppe-rivers.tsv spread
through it, checked against corpora/steppe-rivers (~1 kB a version). Every measurement is a
fresh process (warm embedding cache): 'load' is load_glossary, 'match' the wall time of the
rules that read glossaries (GL01, GL02, CO01, CO02, NA01, NA02), 'total CPU' this process's
CPU time in both (steadier than wall time on a shared machine), RSS the process's peak.

Run: python benchmarks/glossary_scale.py [--rows 10000,100000,1000000] [--repeat 3]
     python benchmarks/glossary_scale.py --rows 100000 --profile   (cProfile of one run, to stderr)
     python benchmarks/glossary_scale.py --source-lang ru   (Russian source: short index keys)
Prints a markdown table: rows, load s, match s, total s, total CPU s, peak RSS MB, findings
(medians over --repeat; one run for 1M rows unless --repeat-large is given).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RELEASE = ROOT / "corpora" / "steppe-rivers"
REAL_ROWS = ROOT / "glossaries" / "steppe-rivers.tsv"
RULES = "GL01,GL02,CO01,CO02,NA01,NA02"

_CYRILLIC = dict(zip("abdefgiklmnoprstuvz", "абдефгиклмнопрстувз"))
_KAZAKH = _CYRILLIC | {"o": "ө", "u": "ұ", "g": "ғ"}
_AZERI = {"e": "ə", "i": "ı", "k": "q", "s": "ş"}
_TURKMEN = {"e": "ä", "n": "ň", "i": "y", "u": "ü"}


def _word(rng: random.Random) -> str:
    return "".join(
        rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") + rng.choice(("", "", "n", "r"))
        for _ in range(rng.randint(2, 4))
    )


def _render(words: list[str], table: dict[str, str]) -> str:
    return " ".join("".join(table.get(c, c) for c in w) for w in words)


def synthetic_tsv(rows: int, seed: int = 7) -> str:
    """A glossary of `rows` rows; the real rows of the sample glossary are spread through it."""
    rng = random.Random(seed)
    lines = REAL_ROWS.read_text(encoding="utf-8").splitlines()
    header = next(line for line in lines if line.startswith("en\t"))
    real = [line for line in lines[lines.index(header) + 1 :] if line.strip()]
    width = header.count("\t") + 1
    out = [header]
    every = max(1, rows // (len(real) + 1))
    for i in range(rows - len(real)):
        if i % every == every - 1 and real:
            out.append(real.pop())
        words = [_word(rng) for _ in range(rng.randint(1, 3))]
        cells = [
            " ".join(words),
            _render(words, _CYRILLIC),
            _render(words, _KAZAKH),
            _render(words, _AZERI),
            _render(words, _TURKMEN),
            _render(words[::-1], _CYRILLIC) if i % 50 == 0 else "",
            "",
            "term",
            "",
            "",
            "",
        ]
        out.append("\t".join(cells[:width]))
    out += real
    return "\n".join(out) + "\n"


def once(
    glossary: str | None, profile: bool = False, source_lang: str | None = None
) -> dict[str, float]:
    """One in-process run (called in the child)."""
    sys.path.insert(0, str(ROOT))
    import aligncheck.glossary as glossary_module
    from aligncheck import pipeline
    from aligncheck.app.config import load_config
    from aligncheck.app.run import _cli_config, check_releases
    from aligncheck.findings import postprocess
    from aligncheck.read import discover_releases

    times = {"load": 0.0, "match": 0.0, "cpu": 0.0}
    loader, run_rule = glossary_module.load_glossary, pipeline._run_rule

    def timed(function, name):
        def run(*args, **kwargs):
            start, cpu = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                times[name] += time.perf_counter() - start
                times["cpu"] += time.process_time() - cpu

        return run

    timed_load, timed_rule = timed(loader, "load"), timed(run_rule, "match")

    glossary_module.load_glossary, pipeline._run_rule = timed_load, timed_rule
    options = {
        "select": RULES,
        "glossaries": [glossary] if glossary else None,
        "source_lang": source_lang,
    }
    config = load_config(RELEASE, _cli_config(options))
    if not glossary:
        config = dataclasses.replace(config, glossaries=())
    releases, _ = postprocess.strip_release_directives(
        discover_releases(
            [RELEASE], source_lang=config.source_lang, langs=None, encoding=config.encoding
        )
    )
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    result = check_releases(releases, config, use_cache=True, quiet=True)
    if profiler is not None:
        import pstats

        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
    times["findings"] = len(result.findings())
    times["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return times


def measure(glossary: str | None, repeat: int, source_lang: str | None) -> dict[str, float]:
    command = (
        [sys.executable, __file__, "--child"]
        + (["--glossary", glossary] if glossary else [])
        + (["--source-lang", source_lang] if source_lang else [])
    )
    runs = [
        json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
        for _ in range(repeat)
    ]
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", default="10000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--repeat-large", type=int, default=1, help="runs for 1M rows and more")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--source-lang", default=None, help="check the release from this version (e.g. ru)"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--glossary", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(once(args.glossary, source_lang=args.source_lang)))
        return
    sizes = [int(n) for n in args.rows.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        measure(None, 1, args.source_lang)  # prime the embedding cache
        print("| rows | load s | match s | total s | total CPU s | peak RSS MB | findings |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        base = measure(None, args.repeat, args.source_lang)
        print(
            f"| 0 | 0 | {base['match']:.2f} | {base['match']:.2f} | {base['cpu']:.2f} | "
            f"{base['rss_mb']:.0f} | {base['findings']:.0f} |",
            flush=True,
        )
        for rows in sizes:
            path = Path(tmp) / f"glossary-{rows}.tsv"
            path.write_text(synthetic_tsv(rows), encoding="utf-8")
            if args.profile:
                once(str(path), profile=True, source_lang=args.source_lang)
                continue
            m = measure(
                str(path), args.repeat if rows < 1_000_000 else args.repeat_large, args.source_lang
            )
            print(
                f"| {rows:,} | {m['load']:.2f} | {m['match']:.2f} | {m['load'] + m['match']:.2f} | "
                f"{m['cpu']:.2f} | {m['rss_mb']:.0f} | {m['findings']:.0f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
