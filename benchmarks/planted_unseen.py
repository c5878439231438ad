"""Numbers, dates, weekdays and magnitudes changed or dropped on held-out NTREX-dev, planted
without aligncheck's help (issue 13).

    python benchmarks/planted_unseen.py [--half untouched|tuning] [--seed 13] [--show N]

Report on the untouched half (the default), tune on the tuning half only. Nothing from
aligncheck chooses or places a plant: this file uses the standard library and Babel's CLDR data
alone; aligncheck is imported in `planted_names_unseen.check`, after every plant is placed.

Kinds (a *paragraph* is one of a document's paragraphs; paragraph k of a target translates
paragraph k of the English by construction):
  - number changed / dropped: a run of digits (with . , or spaces between groups) the English
    paragraph writes once and the target paragraph writes once with the same digits; changed:
    its last digit +1 (9 -> 0); dropped: the run removed.
  - month changed: an English month name (CLDR wide names) the paragraph writes once, rendered
    once in the target by a word starting with the stem all of that month's CLDR wide names
    share (ноябр- of ноябрь/ноября, noyabr-, қараша-); the stem replaced by the next month's
    (ноябре -> декабре). *Alone* when no digit is within 6 characters of the English name (a
    month without a day: "in November").
  - weekday changed / dropped: the same with CLDR day names (пятниц-, cuma, жұма-); changed to
    the next day, or the word removed.
  - magnitude changed: million / billion / trillion in the English paragraph once, rendered
    once by a CLDR compact-number word of the target (long: миллион-, milyon; short: млн,
    mln, Mn), swapped with the neighbouring magnitude of the same width (million <-> billion,
    trillion -> billion).

Each plant is its own release: the document with one version changed at one place, so the
other versions keep it (an error in one version, as in a real release). Candidates are taken
per (document, language, kind), up to --per plants each, by random.Random(seed-doc-lang-kind).

Found: a warning or error of that language, of category number or date, at the planted
paragraph (its target paragraphs include k; without target paragraphs, its source ones), that
the clean run of the same document does not have (same rule, message and quotes).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.dates import get_day_names, get_month_names

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ntrex_split import TARGETS, NtrexDocument, available, half  # noqa: E402

KINDS = (
    "number changed",
    "number dropped",
    "month changed",
    "weekday changed",
    "weekday dropped",
    "magnitude changed",
)
CATEGORIES = ("number", "date")
REPORTED = ("warning", "error")
DIGITS = re.compile(r"(?<![\w.,])\d+(?:[.,\u00a0\u202f ]\d+)*(?![\w])")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MONTH_CONTEXT = 6  # characters around an English month name where a digit makes it a full date


@dataclass(frozen=True)
class Plant:
    doc: str
    lang: str
    kind: str
    paragraph: int
    source: str  # what the English paragraph writes
    before: str  # the target text replaced
    after: str  # what replaced it ("" when dropped)
    alone: bool = False  # a month with no digit beside it in the English


def _lower(text: str) -> str:
    return text.replace("İ", "i").replace("I", "ı").lower() if text else text


def _common_prefix(words: Sequence[str]) -> str:
    first = min(words, key=len)
    for i, c in enumerate(first):
        if any(w[i] != c for w in words):
            return first[:i]
    return first


def _stems(names_of, lang: str) -> dict[int, str]:
    """value -> the stem every CLDR wide name of that value shares (format and stand-alone)."""
    forms: dict[int, list[str]] = defaultdict(list)
    for context in ("format", "stand-alone"):
        for value, name in names_of("wide", context, lang).items():
            forms[value].append(_lower(name))
    return {v: _common_prefix(ws) for v, ws in forms.items()}


def month_stems(lang: str) -> dict[int, str]:
    return _stems(get_month_names, lang)


def day_stems(lang: str) -> dict[int, str]:
    return _stems(get_day_names, lang)


def magnitude_words(lang: str) -> dict[str, dict[int, str]]:
    """{"long"|"short": {power: stem}} from CLDR compact decimal formats (6, 9, 12)."""
    formats = Locale.parse(lang).compact_decimal_formats
    out: dict[str, dict[int, str]] = {}
    for width in ("long", "short"):
        forms: dict[int, list[str]] = defaultdict(list)
        for plural in formats[width]:
            for power in (6, 9, 12):
                pattern = formats[width][plural][str(10**power)]
                word = pattern.pattern if hasattr(pattern, "pattern") else str(pattern)
                word = word.replace("0", "").replace("\u00a0", " ").strip()
                if word:
                    forms[power].append(word if width == "short" else _lower(word))
        out[width] = {p: _common_prefix(ws) for p, ws in forms.items()}
    return out


def _once(items: list) -> list:
    counts = Counter(items)
    return [x for x in items if counts[x] == 1]


def _words(text: str) -> list[re.Match]:
    return list(WORD.finditer(text))


def _stem_hits(text: str, stems: dict[int, str], slack: int) -> list[tuple[int, re.Match]]:
    """(value, word) of the words starting with a value's stem, at most `slack` letters longer."""
    hits = []
    for m in _words(text):
        low = _lower(m.group())
        for value, stem in stems.items():
            room = slack if len(stem) >= 4 else 1  # ма- (May in ru): мая, мае, not машину
            if len(stem) >= 2 and low.startswith(stem) and len(low) - len(stem) <= room:
                hits.append((value, m))
    return hits


def _english_values(text: str, names: dict[int, str]) -> list[tuple[int, re.Match]]:
    """(value, word) of the capitalised English month or day names that stand alone (no
    capitalised word beside them: "Theresa May", "PM May" are people)."""
    values = {n: v for v, n in names.items()}
    found = _words(text)
    out = []
    for i, m in enumerate(found):
        word = m.group()
        if word.lower() not in values or not word[:1].isupper():
            continue
        beside = [found[j].group() for j in (i - 1, i + 1) if 0 <= j < len(found)]
        if any(b[:1].isupper() and b.lower() not in values for b in beside):
            continue
        out.append((values[word.lower()], m))
    return out


def _english_names(names_of) -> dict[int, str]:
    return {v: n.lower() for v, n in names_of("wide", "format", "en").items()}


def _recase(new: str, old: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def _swap_stem(word: str, stem: str, other: str) -> str:
    return _recase(other, word) + word[len(stem) :]


def _cut(text: str, start: int, end: int, insert: str = "") -> str:
    out = text[:start] + insert + text[end:]
    if not insert:
        out = re.sub(r"  +", " ", out)
        out = re.sub(r" ([,.;:!?])", r"\1", out)
    return out.strip()


def number_candidates(en: str, tgt: str):
    def norm(s: str) -> str:
        return re.sub(r"\D", "", s)

    source = _once([norm(m.group()) for m in DIGITS.finditer(en)])
    target = list(DIGITS.finditer(tgt))
    keys = [norm(m.group()) for m in target]
    for m, k in zip(target, keys, strict=True):
        if k in source and keys.count(k) == 1:
            yield k, m


def calendar_candidates(en: str, tgt: str, lang: str, names_of, slack: int):
    english = _english_names(names_of)
    stems = _stems(names_of, lang)
    mine = _english_values(en, english)
    once = _once([v for v, _ in mine])
    hits = _stem_hits(tgt, stems, slack)
    values = [v for v, _ in hits]
    for v, m in hits:
        if v in once and values.count(v) == 1:
            src = next(s for value, s in mine if value == v)
            yield v, src, m, stems


def magnitude_candidates(en: str, tgt: str, lang: str):
    english = {"million": 6, "billion": 9, "trillion": 12}
    mine = [english[m.group().lower()] for m in _words(en) if m.group().lower() in english]
    once = _once(mine)
    spelled = {v: k for k, v in english.items()}
    words = magnitude_words(lang)
    for width, stems in words.items():
        slack = 0 if width == "short" else 3
        hits = []
        for m in _words(tgt):
            text = m.group() if width == "short" else _lower(m.group())
            for power, stem in stems.items():
                if not stem:
                    continue
                if text == stem if width == "short" else text.startswith(stem):
                    if len(text) - len(stem) <= slack:
                        hits.append((power, m))
        # a longer stem wins (milyard over milyar in az, миллиард over миллион never clash)
        best: dict[int, tuple[int, re.Match]] = {}
        for power, m in hits:
            if m.start() not in best or len(stems[power]) > len(stems[best[m.start()][0]]):
                best[m.start()] = (power, m)
        powers = [p for p, _ in best.values()]
        for power, m in best.values():
            if power in once and powers.count(power) == 1:
                other = 9 if power != 9 else 6
                yield spelled[power], m, stems[power], stems[other]


def plants_for(doc: NtrexDocument, lang: str, kind: str, seed: int, per: int) -> list:
    rng = random.Random(f"{seed}-{doc.id}-{lang}-{kind}")
    en_pars, tgt_pars = doc.joined("en"), doc.joined(lang)
    cands = []
    for k, (en, tgt) in enumerate(zip(en_pars, tgt_pars, strict=True)):
        if kind.startswith("number"):
            for key, m in number_candidates(en, tgt):
                if kind == "number changed":
                    text = m.group()
                    last = max(i for i, c in enumerate(text) if c.isdigit())
                    new = text[:last] + str((int(text[last]) + 1) % 10) + text[last + 1 :]
                    cands.append((Plant(doc.id, lang, kind, k, key, text, new), *m.span()))
                else:
                    cands.append((Plant(doc.id, lang, kind, k, key, m.group(), ""), *m.span()))
        elif kind == "month changed":
            for v, src, m, stems in calendar_candidates(en, tgt, lang, get_month_names, 5):
                alone = not re.search(
                    r"\d", en[max(0, src.start() - MONTH_CONTEXT) : src.end() + MONTH_CONTEXT]
                )
                new = _swap_stem(m.group(), stems[v], stems[v % 12 + 1])
                plant = Plant(doc.id, lang, kind, k, src.group(), m.group(), new, alone)
                cands.append((plant, *m.span()))
        elif kind.startswith("weekday"):
            for v, src, m, stems in calendar_candidates(en, tgt, lang, get_day_names, 5):
                new = (
                    ""
                    if kind == "weekday dropped"
                    else _swap_stem(m.group(), stems[v], stems[(v + 1) % 7])
                )
                cands.append((Plant(doc.id, lang, kind, k, src.group(), m.group(), new), *m.span()))
        elif kind == "magnitude changed":
            for english, m, stem, other in magnitude_candidates(en, tgt, lang):
                word = m.group()
                new = (
                    other + word[len(stem) :]
                    if word == stem or not word[:1].isupper()
                    else (_swap_stem(word, stem, other))
                )
                cands.append((Plant(doc.id, lang, kind, k, english, word, new), *m.span()))
    rng.shuffle(cands)
    return cands[:per]


def choose(docs: Sequence[NtrexDocument], seed: int, per: int):
    """[(plant, planted document {lang: paragraphs})]: one plant per release."""
    out = []
    for doc in docs:
        for lang in TARGETS:
            for kind in KINDS:
                for plant, start, end in plants_for(doc, lang, kind, seed, per):
                    pars = {x: doc.joined(x) for x in ("en", *TARGETS)}
                    text = pars[lang][plant.paragraph]
                    pars[lang] = list(pars[lang])
                    pars[lang][plant.paragraph] = _cut(text, start, end, plant.after)
                    out.append((plant, pars))
    return out


def outcome(plant: Plant, findings, clean) -> bool:
    before = {(f.rule, f.lang, f.message, f.source_text, f.target_text) for f in clean}
    for f in findings:
        if f.lang != plant.lang or f.severity.value not in REPORTED:
            continue
        if f.category not in CATEGORIES:
            continue
        if (f.rule, f.lang, f.message, f.source_text, f.target_text) in before:
            continue
        if plant.paragraph in (f.target_segments or f.source_segments):
            return True
    return False


def table(plants: Sequence[Plant], found: Sequence[bool]) -> str:
    rows = [(k, lambda p, k=k: p.kind == k) for k in KINDS]
    rows.insert(
        3, ("of which a month without a day", lambda p: p.kind == "month changed" and p.alone)
    )
    out = [
        "| planted error | " + " | ".join(TARGETS) + " | all |",
        "|---|" + "---:|" * (len(TARGETS) + 1),
    ]
    for title, keep in rows:
        cells = []
        for lang in (*TARGETS, None):
            got = [
                f for p, f in zip(plants, found, strict=True) if keep(p) and lang in (None, p.lang)
            ]
            cells.append(f"{sum(got)}/{len(got)}" if got else "–")
        total = [f for p, f in zip(plants, found, strict=True) if keep(p)]
        rate = f" ({sum(total) / len(total):.3f})" if total else ""
        out.append(f"| {title} | " + " | ".join(cells) + rate + " |")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("tuning", "untouched"), default="untouched")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--per", type=int, default=2, help="plants per document, language and kind")
    ap.add_argument("--show", type=int, default=0, help="print that many missed plants")
    args = ap.parse_args(argv)
    if not available():
        sys.exit("NTREX-dev not found under ../shared/corpora/ntrex128-dev")
    from planted_names_unseen import check

    t0 = time.time()
    docs = half(args.half)
    chosen = choose(docs, args.seed, args.per)
    clean, _ = check({d.id: {x: d.joined(x) for x in ("en", *TARGETS)} for d in docs})
    names = {f"{p.doc}~{i}": pars for i, (p, pars) in enumerate(chosen)}
    results, _ = check(names)
    plants = [p for p, _ in chosen]
    found = [
        outcome(p, results[f"{p.doc}~{i}"], [f for f in clean[p.doc] if f.lang == p.lang])
        for i, p in enumerate(plants)
    ]
    print(
        f"### {args.half} half of NTREX-dev: {len(docs)} documents, {len(plants)} plants, one "
        f"per release (seed {args.seed}, up to {args.per} per document, language and kind), "
        f"{time.time() - t0:.0f} s\n"
    )
    print(table(plants, found))
    shown = 0
    for p, f in zip(plants, found, strict=True):
        if not f and shown < args.show:
            shown += 1
            print(
                f"- missed {p.lang} {p.doc} ¶{p.paragraph} {p.kind}: {p.source!r} "
                f"{p.before!r} -> {p.after!r}" + (" (alone)" if p.alone else "")
            )


if __name__ == "__main__":
    main()
