"""Warnings and errors on clean held-out NTREX-dev, judged by reading (issue 13).

    python benchmarks/precision_unseen.py [--half untouched|tuning] [--review FILE]
        [--verdicts benchmarks/judged/precision_untouched.tsv]

Every document of the half is one release (en -> ru, kk, az, tk, tr, the paragraphs of
benchmarks/ntrex_split.py), checked unplanted with the default configuration (all rules, the
default model, the embedding cache). The text is professional translation, so a warning or an
error here is either a real discrepancy of the translation, a debatable one, or a false alarm;
only reading tells which.

--review FILE writes each warning/error with both whole paragraphs (and the paragraphs either
side, where a translator may have moved a sentence) into a Markdown file to read. --verdicts
reads a TSV of verdicts (key, doc, lang, rule, verdict, note; verdict real|false|debatable) and
prints the judged rate per rule: false alarms per 100 links counts only findings judged false.
A finding of the run with no verdict is listed as unjudged; a verdict whose finding the run no
longer raises is counted as gone. The key hashes the document, language, rule, message and both
quotes, so it survives unrelated code changes and changes when the finding does.

Tune on the tuning half; report the untouched half (ntrex_split.py says why).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ntrex_split import TARGETS, available, tuning_documents, untouched_documents  # noqa: E402

REPORTED = ("warning", "error")
VERDICTS = ("real", "false", "debatable")


def _release(name: str, doc):
    from aligncheck.model import Document, Release

    def version(lang: str) -> Document:
        return Document(f"{name}/{lang}.txt", lang, "\n\n".join(doc.joined(lang)) + "\n")

    return Release(name, version("en"), tuple(version(lang) for lang in TARGETS))


def check(docs) -> tuple[list[tuple[object, object]], int]:
    """[(document, finding)] of warnings and errors, and the number of links."""
    from aligncheck.app.config import load_config
    from aligncheck.app.run import check_releases

    releases = [_release(f"ntrex-{d.id}", d) for d in docs]
    with tempfile.TemporaryDirectory() as empty:
        config = load_config(Path(empty))
    result = check_releases(releases, config, use_cache=True, quiet=True)
    links = sum(len(t.links) for r in result.releases for t in r.targets)
    found = [
        (d, f)
        for d, r in zip(docs, result.releases, strict=True)
        for f in r.findings
        if f.severity.value in REPORTED
    ]
    return found, links


def keys(found) -> list[str]:
    """One key per finding: its basis hashed, with the how-manieth of equal bases."""
    seen: Counter = Counter()
    out = []
    for doc, f in found:
        basis = "\x1f".join(
            [doc.id, f.lang, f.rule, f.message, f.source_text or "", f.target_text or ""]
        )
        seen[basis] += 1
        basis += f"\x1f{seen[basis]}" if seen[basis] > 1 else ""
        out.append(hashlib.sha256(basis.encode()).hexdigest()[:12])
    return out


def _paragraphs(doc, lang: str, indices: Sequence[int]) -> str:
    pars = doc.joined(lang)
    if not indices:
        return "(none)"
    around = range(max(0, min(indices) - 1), min(len(pars), max(indices) + 2))
    return "\n".join(f"{'>' if i in indices else ' '} [{i}] {pars[i]}" for i in around)


def write_review(found, path: Path) -> None:
    lines = ["# Warnings and errors to judge (> marks the finding's paragraphs)", ""]
    for (doc, f), k in zip(found, keys(found), strict=True):
        lines += [
            f"## {k} {doc.id} {f.lang} {f.rule} {f.severity.value}",
            f"message: {f.message}",
            f"quotes: {f.source_text!r} / {f.target_text!r}",
            "en:",
            _paragraphs(doc, "en", f.source_segments),
            f"{f.lang}:",
            _paragraphs(doc, f.lang, f.target_segments),
            "",
        ]
    path.write_text("\n".join(lines), encoding="utf-8")


def read_verdicts(path: Path) -> dict[str, tuple[str, str]]:
    out = {}
    with path.open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for row in rows:
            if row and row[0] != "key":
                verdict = row[4]
                if verdict not in VERDICTS:
                    raise SystemExit(
                        f"{path}: verdict {verdict!r} for {row[0]} is not one of {VERDICTS}"
                    )
                out[row[0]] = (verdict, row[3])
    return out


def judged_table(found, verdicts: dict[str, tuple[str, str]], links: int) -> str:
    by_rule: dict[str, Counter] = {}
    seen = set()
    for (doc, f), k in zip(found, keys(found), strict=True):
        seen.add(k)
        verdict = verdicts.get(k, ("unjudged", f.rule))[0]
        by_rule.setdefault(f.rule, Counter())[verdict] += 1
    gone = sum(1 for k in verdicts if k not in seen)
    total = Counter()
    rows = [
        "| rule | warnings+errors | real | debatable | false | unjudged |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for rule in sorted(by_rule):
        c = by_rule[rule]
        total.update(c)
        rows.append(
            f"| {rule} | {sum(c.values())} | {c['real']} | {c['debatable']} | {c['false']} "
            f"| {c['unjudged']} |"
        )
    rows.append(
        f"| all | {sum(total.values())} | {total['real']} | {total['debatable']} "
        f"| {total['false']} | {total['unjudged']} |"
    )
    rate = 100 * total["false"] / links if links else 0.0
    rows.append(
        f"\n{links} links; judged false alarms {total['false']} = {rate:.2f} per 100 links"
        f"{'' if not total['unjudged'] else ' (unjudged findings remain: not final)'}; "
        f"{gone} earlier verdicts no longer raised."
    )
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("tuning", "untouched"), default="untouched")
    ap.add_argument("--review", type=Path, help="write the findings with their paragraphs here")
    ap.add_argument("--verdicts", type=Path, help="TSV of verdicts to count")
    args = ap.parse_args(argv)
    if not available():
        raise SystemExit("NTREX-dev is not in ../shared/corpora/ntrex128-dev: nothing to measure")
    docs = list(untouched_documents() if args.half == "untouched" else tuning_documents())
    found, links = check(docs)
    report(f"{args.half} half: {len(docs)} documents", found, links, args.review, args.verdicts)


def report(what: str, found, links: int, review: Path | None, verdicts: Path | None) -> None:
    """Print the count per rule; write the review file and count the verdicts if asked."""
    per_rule = Counter(f.rule for _, f in found)
    print(
        f"{what}, {links} links, {len(found)} warnings+errors "
        f"({', '.join(f'{r} {c}' for r, c in sorted(per_rule.items()))})"
    )
    if review:
        write_review(found, review)
        print(f"review file: {review}")
    if verdicts:
        judged = read_verdicts(verdicts) if verdicts.exists() else {}
        print(judged_table(found, judged, links))


if __name__ == "__main__":
    main()
