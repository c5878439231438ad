"""False alarms and planted-error recall of NU01/DA01 on line-parallel NTREX-dev.

Each line pair (en -> target) is one 1-1 link (--group N: N consecutive lines per link, as
paragraph-level alignment would give). Clean: findings per 100 lines (all severities; the
"w+e" column counts NU01's warnings and errors alone, info being words-only or rough-count
findings). Planted: in one
target line at a time, change a number or date that the source also has (last digit +1,
next month) or delete it, and count it found when the line's findings change.

    PYTHONPATH=. python3 benchmarks/planted_numbers_dates.py [--corpus DIR] [--group N]
        [--show N] [--misses]
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from babel.dates import get_month_names

from aligncheck.checks.base import PairContext
from aligncheck.checks.date.DA01 import DA01
from aligncheck.checks.number.NU01 import NU01
from aligncheck.extract import extract_dates, extract_numbers
from aligncheck.model import Document, Link, Segment, Segmentation

LANGS = ("ru", "kk", "az", "tk", "tr")
RULES = (NU01(), DA01())


def segmentation(lang: str, lines: list[str]) -> Segmentation:
    segments, offset = [], 0
    for i, line in enumerate(lines):
        segments.append(Segment(i, line, offset, i + 1, 1))
        offset += len(line) + 1
    return Segmentation(Document(f"{lang}.txt", lang, "\n".join(lines)), "line", tuple(segments))


def links(first_lines, group: int) -> tuple[Link, ...]:
    """One link per `group` consecutive lines starting at each of `first_lines`."""
    return tuple(
        Link(tuple(range(i, i + group)), tuple(range(i, i + group)), 1.0) for i in first_lines
    )


def findings(source: Segmentation, target: Segmentation, first_lines, group: int = 1) -> list:
    ctx = PairContext("ntrex", source, target, links(first_lines, group))
    return [f for rule in RULES for f in rule.check(ctx)]


def replace(text: str, span: tuple[int, int], new: str) -> str:
    return text[: span[0]] + new + text[span[1] :]


def bump_digits(raw: str) -> str | None:
    digits = [i for i, c in enumerate(raw) if c.isdigit()]
    if not digits:
        return None
    last = digits[-1]
    return raw[:last] + str((int(raw[last]) + 1) % 10) + raw[last + 1 :]


def plants(line: str, lang: str, source_line: str, rng: random.Random):
    """(label, planted line) for one number and one date of `line` that the source also has."""
    in_source = {v for m in extract_numbers(source_line, "en") if m.reportable for v in m.values}
    numbers = [m for m in extract_numbers(line, lang) if m.reportable and in_source & set(m.values)]
    digits = [
        m
        for m in numbers
        if m.kind not in ("word", "ordinal-word") and any(c.isdigit() for c in m.raw)
    ]
    words = [m for m in numbers if m.kind == "word"]
    if digits:
        m = rng.choice(digits)
        yield "number changed", replace(line, m.span, bump_digits(m.raw))
        yield "number dropped", replace(line, m.span, "")
    if words:
        m = rng.choice(words)
        yield "number word dropped", replace(line, m.span, "")
    source_dates = extract_dates(source_line, "en")
    dates = [d for d in extract_dates(line, lang) if any(d.matches(s) for s in source_dates)]
    if dates:
        d = rng.choice(dates)
        if d.day or d.year:
            yield "date day/year changed", replace(line, d.span, bump_digits(d.raw))
        if d.month:
            yield "date month changed", replace(line, d.span, _other_month(d, lang))
        yield "date dropped", replace(line, d.span, "")


def _other_month(d, lang: str) -> str:
    names = dict(get_month_names("wide", "format", lang))
    for m, name in sorted(names.items()):
        at = d.raw.lower().find(name.lower()[:4])
        if at >= 0 and m == d.month:
            new = names[d.month % 12 + 1]
            return d.raw[:at] + new + d.raw[at + len(name) :]
    return d.raw.replace(str(d.year), str(d.year + 1)) if d.year else d.raw


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--corpus", default=str(Path(__file__).parents[2] / "shared/corpora/ntrex128-dev")
    )
    parser.add_argument("--show", type=int, default=0, help="print N clean findings per language")
    parser.add_argument(
        "--group", type=int, default=1, help="lines per link (paragraph-sized links)"
    )
    parser.add_argument("--misses", action="store_true", help="print planted errors not found")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    english = (corpus / "en.txt").read_text(encoding="utf-8").splitlines()
    source = segmentation("en", english)
    print(f"{'lang':5} {'lines':>5} {'NU01':>5} {'w+e':>5} {'DA01':>5} {'per100':>7}")
    recall: dict[str, Counter] = {}
    for lang in LANGS:
        lines = (corpus / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
        target = segmentation(lang, lines)
        starts = range(0, len(lines) - args.group + 1, args.group)
        clean = findings(source, target, starts, args.group)
        per_rule = Counter(f.rule for f in clean)
        reported = sum(f.rule == "NU01" and f.severity.value in ("warning", "error") for f in clean)
        print(
            f"{lang:5} {len(lines):5} {per_rule['NU01']:5} {reported:5} {per_rule['DA01']:5} "
            f"{100 * len(clean) / len(lines):7.2f}"
        )
        for f in clean[: args.show]:
            print(f"    {f.rule} {f.severity.value} {f.source_segments[0] + 1}: {f.message}")
        rng = random.Random(lang)
        before = {i: set() for i in starts}
        for f in clean:
            before[f.source_segments[0]].add(f.message)
        for i, line in enumerate(lines[: starts[-1] + args.group]):
            start = i - i % args.group
            for label, planted in plants(line, lang, english[i], rng):
                changed = segmentation(lang, [*lines[:i], planted, *lines[i + 1 :]])
                after = {f.message for f in findings(source, changed, [start], args.group)}
                recall.setdefault(label, Counter())[lang, after != before[start]] += 1
                if args.misses and after == before[start]:
                    print(f"    missed {label} {i + 1}: {planted[:160]}")
    print(f"\n{'planted':24}" + "".join(f"{lang:>12}" for lang in LANGS) + f"{'all':>12}")
    for label, counts in recall.items():
        cells, hit_all, n_all = [], 0, 0
        for lang in LANGS:
            hit, n = counts[lang, True], counts[lang, True] + counts[lang, False]
            hit_all, n_all = hit_all + hit, n_all + n
            cells.append(f"{hit}/{n}={hit / n:.2f}" if n else "-")
        print(
            f"{label:24}" + "".join(f"{c:>12}" for c in cells) + f"{hit_all / max(n_all, 1):12.3f}"
        )


if __name__ == "__main__":
    from aligncheck._runtime.memo import release_memo

    with release_memo():  # rules called directly: one memo for the run, as the pipeline keeps
        main()
