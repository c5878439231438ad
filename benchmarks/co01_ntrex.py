"""CO01 alone over every NTREX-dev document: its findings (to compare two versions of the code)
and its CPU time. No embedding: paragraph k of a target is linked to paragraph k of the source,
which is how planted_suite.py builds the documents (its helpers are reused, read only).

Run: python benchmarks/co01_ntrex.py [--out FILE.jsonl] [--repeat 3]
Prints the number of findings (warning/error and info), per language, and the median CPU
seconds of CO01 over all documents; --out writes one JSON line per finding.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from planted_suite import LANGS, joined, load_docs, segmentation  # noqa: E402

from aligncheck.checks.base import PairContext, ReleaseContext  # noqa: E402
from aligncheck.checks.consistency.CO01 import CO01  # noqa: E402
from aligncheck.model import Link  # noqa: E402


def contexts(docs) -> list[ReleaseContext]:
    releases = []
    for d, doc in enumerate(docs):
        source = segmentation(joined(doc, "en"), "en")
        pairs = []
        for lang in LANGS:
            target = segmentation(joined(doc, lang), lang)
            n = min(len(source.segments), len(target.segments))
            links = tuple(Link((k,), (k,), 1.0) for k in range(n))
            pairs.append(
                PairContext(f"ntrex{d:02d}", source, target, links, {}, {"glossaries": []})
            )
        releases.append(
            ReleaseContext(f"ntrex{d:02d}", source, tuple(pairs), {}, {"glossaries": []})
        )
    return releases


def record(release: str, f) -> dict:
    return {
        "release": release,
        "lang": f.lang,
        "severity": f.severity.value,
        "message": f.message,
        "source_segments": list(f.source_segments),
        "target_segments": list(f.target_segments),
        "source_text": f.source_text,
        "target_text": f.target_text,
        "target_span": [f.target_span.segment, f.target_span.start, f.target_span.end]
        if f.target_span
        else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs in this process (caches warm after the first)"
    )
    args = parser.parse_args()
    releases = contexts(load_docs())
    rule = CO01()
    times, found = [], []
    for _ in range(args.repeat):
        found = []
        start = time.process_time()
        for ctx in releases:
            found += [(ctx.release, f) for f in rule.check_release(ctx)]
        times.append(time.process_time() - start)
    rows = [record(r, f) for r, f in found]
    if args.out:
        args.out.write_text(
            "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
        )
    reported = Counter(r["lang"] for r in rows if r["severity"] != "info")
    info = Counter(r["lang"] for r in rows if r["severity"] == "info")
    print(
        f"{len(releases)} documents, {len(rows)} CO01 findings: warning/error "
        + ", ".join(f"{lang} {reported[lang]}" for lang in LANGS)
        + "; info "
        + ", ".join(f"{lang} {info[lang]}" for lang in LANGS)
    )
    print(
        "CPU seconds per pass: "
        + ", ".join(f"{t:.3f}" for t in times)
        + f" (first pass {times[0]:.3f}, median {statistics.median(times):.3f})"
    )


if __name__ == "__main__":
    from aligncheck._runtime.memo import release_memo

    with release_memo():  # rules called directly: one memo for the run, as the pipeline keeps
        main()
