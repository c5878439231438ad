"""Name and glossary rules on NTREX-128 dev: false alarms per 50 line pairs, planted-error recall.

    python3 benchmarks/planted_names_glossary.py [--corpus ../shared/corpora/ntrex128-dev]

Each NTREX document is one release (every target language at once: the name rules compare the
versions); each line pair one 1-1 link. Plants, per target language (alone):
drop a name the target renders, change it to another name of the corpus, and replace a glossary
rendering by a forbidden variant (a glossary built from the names the tool matched). Slow parts
are plain loops; expect a minute or two.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aligncheck.checks.base import PairContext
from aligncheck.checks.consistency.CO01 import CO01
from aligncheck.checks.glossary.GL01 import GL01
from aligncheck.checks.glossary.GL02 import GL02
from aligncheck.checks.name.NA01 import NA01
from aligncheck.checks.name.NA02 import NA02
from aligncheck.extract.name_match import evidence_for, match_name, name_mentions
from aligncheck.glossary.entries import Entry, Glossary
from aligncheck.glossary.find import LinkText
from aligncheck.model import Document, Link, Segment, Segmentation

LANGS = ("ru", "kk", "az", "tk", "tr")
EXTRA_OPTIONS: dict = {}
HERE = Path(__file__).resolve().parents[1]


def segmentation(lines: list[str], lang: str) -> Segmentation:
    segments, offset = [], 0
    for i, line in enumerate(lines):
        segments.append(Segment(i, line, offset, i + 1, 1))
        offset += len(line) + 1
    return Segmentation(Document(f"{lang}.txt", lang, "\n".join(lines)), "line", tuple(segments))


def documents(corpus: Path) -> list[dict[str, list[str]]]:
    ids = (corpus / "document_ids.txt").read_text().splitlines()
    texts = {lang: (corpus / f"{lang}.txt").read_text().splitlines() for lang in ("en",) + LANGS}
    grouped: dict[str, dict[str, list[str]]] = {}
    for i, doc in enumerate(ids):
        for lang, lines in texts.items():
            grouped.setdefault(doc, {}).setdefault(lang, []).append(lines[i])
    return list(grouped.values())


def context(src: Segmentation, tgt: Segmentation, glossaries=()) -> PairContext:
    links = tuple(Link((i,), (i,), 1.0) for i in range(len(src.segments)))
    return PairContext("ntrex", src, tgt, links, {}, {"glossaries": list(glossaries)})


def false_alarms(docs, rules, threshold) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for doc in docs:
        src = segmentation(doc["en"], "en")
        pairs = [context(src, segmentation(doc[lang], lang)) for lang in LANGS]
        for f in CO01().check_release(_release_of(pairs)):
            counts[f.lang]["CO01" if f.severity.value != "info" else "info"] += 1
            if "-v" in sys.argv:
                print(f.lang, f.rule, f.message)
        options = {"name_match_threshold": threshold, **EXTRA_OPTIONS}
        contexts = []
        for lang in LANGS:
            ctx = context(src, segmentation(doc[lang], lang))
            contexts.append(
                PairContext(ctx.release, ctx.source, ctx.target, ctx.links, options, ctx.resources)
            )
            counts[lang]["pairs"] += len(doc["en"])
        release = _release_of(contexts)
        for rule in rules:  # release rules (NA01, NA02) compare the versions with each other
            found = list(
                rule.check_release(release)
                if rule.scope == "release"
                else (f for ctx in contexts for f in rule.check(ctx))
            )
            for f in found:
                counts[f.lang][rule.code if f.severity.value != "info" else "info"] += 1
                if "-v" in sys.argv:
                    print(f.lang, f.rule, f.message, "|", doc[f.lang][f.target_segments[0]][:150])
    return counts


def matched_names(docs, threshold):
    """(doc, lang, line, mention, target start, end) for each reportable name the target renders."""
    found = []
    for d, doc in enumerate(docs):
        src = segmentation(doc["en"], "en")
        evidence = evidence_for(doc["en"], "en")
        for lang in LANGS:
            tgt = segmentation(doc[lang], lang)
            for i in range(len(doc["en"])):
                source, target = LinkText(src, (i,)), LinkText(tgt, (i,))
                for m in name_mentions(source, evidence):
                    if not m.reportable:
                        continue
                    match = match_name(m, "en", target, [], threshold)
                    if match.status == "found":
                        found.append((d, lang, i, m, match.start, match.end))
    return found


def flagged(rule, doc, lang, line, target_line, mention_text, threshold) -> bool:
    """Does `rule`, run on the whole document with one target line replaced, flag the name?"""
    lines = list(doc[lang])
    lines[line] = target_line
    ctx = context(segmentation(doc["en"], "en"), segmentation(lines, lang))
    ctx = PairContext(
        ctx.release,
        ctx.source,
        ctx.target,
        ctx.links,
        {"name_match_threshold": threshold, **EXTRA_OPTIONS},
        ctx.resources,
    )
    hits = [
        f for f in rule.check(ctx) if f.source_text == mention_text and f.source_segments == (line,)
    ]
    return 2 if any(f.severity.value != "info" for f in hits) else 1 if hits else 0


def planted(docs, threshold, sample: int, seed: int = 7):
    rng = random.Random(seed)
    found = matched_names(docs, threshold)
    rng.shuffle(found)
    found = found[:sample]
    by_lang = defaultdict(list)
    for d, lang, i, m, s, e in found:
        by_lang[lang].append(docs[d][lang][i][s:e])
    results = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for d, lang, i, m, s, e in found:
        results[lang]["kind:" + m.kind][1] += 1
        doc, line = docs[d], docs[d][lang][i]
        rule = NA02() if m.kind == "acronym" else NA01()
        dropped = (line[:s] + line[e:]).replace("  ", " ")
        other = rng.choice([n for n in by_lang[lang] if n[:3].lower() != line[s:e][:3].lower()])
        changed = line[:s] + other + line[e:]
        for plant, text in (("drop", dropped), ("change", changed)):
            level = flagged(rule, doc, lang, i, text, m.text, threshold)
            hit = level == 2
            results[lang][plant][0] += hit
            results[lang][plant][1] += 1
            results[lang][plant + "+info"][0] += level > 0
            results[lang][plant + "+info"][1] += 1
            results[lang]["kind:" + m.kind][0] += hit / 2
            if "-v" in sys.argv and not hit:
                print("MISSED", plant, lang, m.kind, m.text, "|", text[:160])
        wrong = line[s] + line[s:e]  # a misspelling that is no inflection of the right form
        entry = Entry({"en": (m.text,), lang: (line[s:e],)}, {lang: (wrong,)}, "name")
        glossary = Glossary("planted", ("en", lang), (entry,))
        swapped = line[:s] + wrong + line[e:]
        src = segmentation([doc["en"][i]], "en")
        ctx = context(src, segmentation([swapped], lang), [glossary])
        hit = any(f.rule == "GL02" for f in GL02().check_release(_release(ctx)))
        results[lang]["forbidden"][0] += hit
        results[lang]["forbidden"][1] += 1
        clean = context(src, segmentation([line], lang), [glossary])
        clean_alarm = any(True for f in GL01().check(clean)) or any(
            True for f in GL02().check_release(_release(clean))
        )
        results[lang]["glossary-clean-alarm"][0] += clean_alarm
        results[lang]["glossary-clean-alarm"][1] += 1
    return results


def _release_of(pairs: list[PairContext]):
    from aligncheck.checks.base import ReleaseContext

    return ReleaseContext(
        "ntrex", pairs[0].source, tuple(pairs), pairs[0].options, pairs[0].resources
    )


def _release(ctx: PairContext):
    from aligncheck.checks.base import ReleaseContext

    return ReleaseContext(ctx.release, ctx.source, (ctx,), ctx.options, ctx.resources)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(HERE.parent / "shared/corpora/ntrex128-dev"))
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--sample", type=int, default=600)
    parser.add_argument(
        "--untitled-as-warning", action="store_true", help="set NA01's name_untitled_as_warning"
    )
    args, _ = parser.parse_known_args()
    if args.untitled_as_warning:
        EXTRA_OPTIONS["name_untitled_as_warning"] = True
    docs = documents(Path(args.corpus))
    counts = false_alarms(docs, [NA01(), NA02(), GL01()], args.threshold)
    print(
        "| lang | pairs | NA01 | NA02 | GL01 | CO01 | warnings+errors per 50 pairs | infos per 50 |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for lang in LANGS:
        c = counts[lang]
        total = c["NA01"] + c["NA02"] + c["GL01"] + c["CO01"]
        print(
            f"| {lang} | {c['pairs']} | {c['NA01']} | {c['NA02']} | {c['GL01']} | {c['CO01']} | "
            f"{50 * total / c['pairs']:.2f} | {50 * c['info'] / c['pairs']:.2f} |"
        )
    results = planted(docs, args.threshold, args.sample)
    print(
        "\n| lang | drop name | change name | drop (info too) | change (info too) "
        "| forbidden variant | clean glossary alarms |"
    )
    print("|---|---|---|---|---|---|---|")
    for lang in LANGS:
        r = results[lang]

        def cell(k: str) -> str:
            return f"{r[k][0]}/{r[k][1]} = {r[k][0] / max(1, r[k][1]):.2f}"

        print(
            f"| {lang} | {cell('drop')} | {cell('change')} | {cell('drop+info')} | "
            f"{cell('change+info')} | {cell('forbidden')} | "
            f"{cell('glossary-clean-alarm')} |"
        )
    print("\n| kind | planted | recall (drop and change) |")
    print("|---|---|---|")
    kinds = sorted({k for r in results.values() for k in r if k.startswith("kind:")})
    for k in kinds:
        hit = sum(results[lang][k][0] for lang in LANGS)
        total = sum(results[lang][k][1] for lang in LANGS)
        print(f"| {k[5:]} | {total} | {hit / max(1, total):.2f} |")


if __name__ == "__main__":
    from aligncheck._runtime.memo import release_memo

    with release_memo():  # rules called directly: one memo for the run, as the pipeline keeps
        main()
