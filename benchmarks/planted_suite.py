"""The full check suite on NTREX-dev and the seed: false alarms, planted-error recall, speed.

Runs the REAL pipeline (aligncheck.pipeline.run, the default embedder, every rule of
aligncheck.checks.all_rules(), options {}) and prints markdown tables for the README.

Data (read at run time, nothing copied): each NTREX-dev document is one release; its lines are
grouped into paragraphs of 2-4 lines (random.Random(13), the grouping of align_data.py), joined
by spaces, paragraphs separated by blank lines; en -> ru, kk, az, tk, tr. Paragraph k of a
target translates paragraph k of the source by construction.

1. clean    every document as is: warning/error findings per 50 aligned paragraph pairs (links
            that pair real paragraphs on both sides), per rule and language.
2. planted  one error per release copy of one document with only the planted language as
            target. Plants are drawn (random.Random(f"{kind}-{lang}")) from paragraphs whose
            clean run has no warning/error of the plant's category there. Found = a
            warning/error finding of the right category whose target segments include the
            planted paragraph (omissions and paragraph drops: whose source segments include it).
            - number changed / dropped: a digit number the source also has (extract_numbers):
              last digit +1, or deleted
            - date changed: day +1, month -> next month's name, or year +1 (in turn); dropped
            - email / url changed / dropped: the same address appended as " (address)" to the
              source and target paragraph, then one letter altered (or one inserted) or dropped
              in the target
            - name changed / dropped: a personal name or acronym of the source paragraph that
              the target renders (extract.name_match, seen once on each side): deleted, or
              replaced by another rendered name of that language
            - paragraph omitted: target paragraph k deleted (documents of >= 3 paragraphs)
            - paragraph added: a paragraph of another document (same language) inserted at k
            - sentence dropped: one line removed from a target paragraph of >= 3 lines
            - untranslated: target paragraph k replaced by its English source
            - glossary forbidden: one glossary per document, written at run time
              (benchmarks/out/suite_glossaries/ntrexNN.tsv, `build_glossaries`): NTREX
              documents are separate releases by different translators, so each is checked
              with a glossary built from it alone. For each language, the first multi-word
              capitalised name of the source that the aligned target paragraph renders
              plausibly; en = the name, <lang> = the form of its renderings in that document
              that GL01 matches (through inflection) in most places, <lang>:forbidden = that
              form and the planted spot's form with the first vowel after the first letter
              changed (a <-> o, e <-> i, u <-> a, ...; same script). The plant swaps the
              spot's rendering for its forbidden variant.
            The clean run is reported twice: without a glossary (the tool's default use) and
            with each document's own glossary (which the plants use too).
3. seed     `aligncheck check SEED --langs en,az,kk,ru,tk --format json`: every warning/error
            about numbers, dates, emails, URLs, names and scripts.
4. speed    the same CLI run, warm cache: --select AL01,OM01,AD01 vs all rules, medians.

Run:  python benchmarks/planted_suite.py [--n 40] [--only clean,planted,seed,speed] [--repeat 5]
      [--show 40]   (print that many clean findings and misses for inspection)
      [--half tuning|untouched]   (one half of benchmarks/ntrex_split.py instead of all 60)
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from itertools import groupby
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from aligncheck import pipeline
from aligncheck.checks import all_rules
from aligncheck.extract import extract_dates, extract_numbers
from aligncheck.extract.name_match import evidence_for, match_name, name_mentions
from aligncheck.glossary import load_glossary
from aligncheck.glossary.entries import Entry
from aligncheck.glossary.find import LinkText, rendered
from aligncheck.lang.morph import words
from aligncheck.model import Document, Release, Segment, Segmentation

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
NTREX = SHARED / "corpora" / "ntrex128-dev"
SEED = SHARED / "seeds" / "000_ab64be821029c731.txt"
SEED_LANGS = "en,az,kk,ru,tk"
OUT = HERE / "out"
LANGS = ("ru", "kk", "az", "tk", "tr")
REPORTED = ("warning", "error")

# --------------------------------------------------------------------------- data


def load_docs() -> list[dict[str, list[list[str]]]]:
    """Documents as {lang: [paragraph as list of lines]}, same grouping for every language."""
    lines = {
        lang: (NTREX / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
        for lang in ("en", *LANGS)
    }
    ids = (NTREX / "document_ids.txt").read_text(encoding="utf-8").splitlines()
    rng = random.Random(13)
    docs, start = [], 0
    for _, run in groupby(ids):
        n = len(list(run))
        groups, pos = [], start
        while pos < start + n:
            size = min(rng.randint(2, 4), start + n - pos)
            groups.append(list(range(pos, pos + size)))
            pos += size
        docs.append({lang: [[lines[lang][i] for i in g] for g in groups] for lang in lines})
        start += n
    return docs


def joined(doc, lang: str) -> list[str]:
    return [" ".join(p) for p in doc[lang]]


def release(name: str, source: list[str], targets: dict[str, list[str]]) -> Release:
    def doc(lang: str, pars: list[str]) -> Document:
        return Document(f"{name}/{lang}.txt", lang, "\n\n".join(pars) + "\n")

    return Release(
        name, doc("en", source), tuple(doc(lang, pars) for lang, pars in targets.items())
    )


_STATE: dict = {}


def embedder():
    if "embedder" not in _STATE:
        from aligncheck.embed import load_embedder

        _STATE["embedder"] = load_embedder("multilingual-e5-small")
    return _STATE["embedder"]


def run(releases: list[Release], glossaries=None, category: str | None = None):
    """pipeline.run with every rule, or (planted runs) only the rules of one category: rules
    are independent (each sees the same contexts), so that category's findings are the same.
    `glossaries`: one list of glossaries per release (each release is checked with its own,
    as a real project checks each release with its glossary), or None for no glossary."""
    emb = embedder()
    rules = [cls() for cls in all_rules() if category is None or cls.category == category]
    results = [
        pipeline.run(
            [rel],
            unit="paragraph",
            model=emb.name,
            embed=emb.embed,
            rules=rules,
            options={},
            resources={"glossaries": list(glossaries[i]) if glossaries else [], "embedder": emb},
        )
        for i, rel in enumerate(releases)
    ]
    return dataclasses.replace(
        results[0],
        releases=tuple(r for res in results for r in res.releases),
        warnings=tuple(w for res in results for w in res.warnings),
    )


def segmentation(texts: list[str], lang: str) -> Segmentation:
    segments, offset = [], 0
    for i, t in enumerate(texts):
        segments.append(Segment(i, t, offset, 2 * i + 1, 1))
        offset += len(t) + 2
    return Segmentation(
        Document(f"{lang}.txt", lang, "\n\n".join(texts)), "paragraph", tuple(segments)
    )


def short(text: str | None, n: int = 70) -> str:
    text = (text or "").replace("\n", " ").replace("|", "/")
    return text if len(text) <= n else text[: n - 1] + "…"


# --------------------------------------------------------------------------- glossary

VOWEL_SWAP = {
    "a": "o",
    "o": "a",
    "e": "i",
    "i": "e",
    "u": "a",
    "ı": "i",
    "ə": "a",
    "ä": "e",
    "ö": "o",
    "ü": "u",
    "y": "i",
    "а": "о",
    "о": "а",
    "е": "и",
    "и": "е",
    "у": "а",
    "ы": "и",
    "ә": "а",
    "ө": "о",
    "ү": "у",
    "ұ": "у",
    "і": "и",
    "э": "е",
    "я": "а",
    "ю": "у",
}


def forbidden_variant(rendering: str) -> str | None:
    for i, ch in enumerate(rendering[1:], 1):
        if ch.lower() in VOWEL_SWAP:
            new = VOWEL_SWAP[ch.lower()]
            return rendering[:i] + (new.upper() if ch.isupper() else new) + rendering[i + 1 :]
    return None


def name_renderings(doc, lang: str):
    """(paragraph, source mention, target start, end) of every reportable source name the
    target paragraph renders, seen once in the source paragraph."""
    src_pars, tgt_pars = joined(doc, "en"), joined(doc, lang)
    src, tgt = segmentation(src_pars, "en"), segmentation(tgt_pars, lang)
    evidence = evidence_for(src_pars, "en")
    document = "\n\n".join(src_pars)
    for k in range(len(src_pars)):
        source, target = LinkText(src, (k,)), LinkText(tgt, (k,))
        mentions = [m for m in name_mentions(source, evidence) if m.reportable]
        texts = Counter(m.text for m in mentions)
        for m in mentions:
            if texts[m.text] != 1:
                continue
            match = match_name(
                m, "en", target, [], 0.8, source_text=source.text, source_document=document
            )
            if match.status == "found" and match.end > match.start:
                yield k, m, match.start, match.end


def plausible(rendering: str, term: str) -> bool:
    """A rendering a glossary author would write down: about as many words as the name (not a
    stretch of the sentence a loose match ran over), no quotes or sentence punctuation."""
    n = len(words(rendering))
    return 1 <= n <= len(words(term)) + 1 and not any(c in rendering for c in '«»“”"„.;:!?()|\t')


def preferred_form(lang: str, forms: list[str], places: list[LinkText]) -> str:
    """Of the forms one version gives a name (often inflected: the genitive of one sentence,
    the dative of another), the one GL01 recognises in most of the places the version renders
    the name (matched through inflection, `rendered`); then the one with the most words (the
    full name), then the shortest (the least inflected), then the first seen."""

    def score(i: int):
        entry = Entry({lang: (forms[i],)})
        seen = sum(bool(rendered(entry, place)) for place in places)
        return (-seen, -len(words(forms[i])), len(forms[i]), i)

    return forms[min(range(len(forms)), key=score)]


def build_glossaries(docs) -> tuple[dict[int, Path], dict]:
    """One TSV glossary per document (en, each lang, each lang:forbidden, kind), written to
    benchmarks/out/suite_glossaries/, and the plant spots per lang.

    NTREX documents were translated by different people: each is its own release, checked with
    a glossary built from that release alone (a glossary built from every document would flag
    one translator's spelling with another's). Per document and language the term is the first
    multi-word capitalised source name the aligned target paragraph renders plausibly; its
    rendering is the form of it that GL01 matches in most of the document's places
    (`preferred_form`); forbidden = that form and the plant spot's form with a vowel changed."""
    folder = OUT / "suite_glossaries"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.tsv"):
        old.unlink()
    paths: dict[int, Path] = {}
    spots: dict[str, list] = defaultdict(list)
    header = ["en", *LANGS, *(f"{lang}:forbidden" for lang in LANGS), "kind"]
    for d, doc in enumerate(docs):
        rows: dict[str, dict[str, list[str]]] = {}
        for lang in LANGS:
            found = [(k, m, s, e) for k, m, s, e in name_renderings(doc, lang)]
            tgt_pars = joined(doc, lang)
            tgt = segmentation(tgt_pars, lang)
            for k, m, s, e in found:
                if (
                    len(m.text.split()) < 2
                    or not m.text[0].isupper()
                    or not plausible(tgt_pars[k][s:e], m.text)
                ):
                    continue
                same = [
                    (k2, s2, e2)
                    for k2, m2, s2, e2 in found
                    if m2.text == m.text and plausible(tgt_pars[k2][s2:e2], m.text)
                ]
                forms = list(dict.fromkeys(tgt_pars[k2][s2:e2] for k2, s2, e2 in same))
                form = preferred_form(lang, forms, [LinkText(tgt, (k2,)) for k2, _, _ in same])
                # the plant goes where GL01 sees the glossary's form (the first such place)
                entry = Entry({lang: (form,)})
                k2, s2, e2 = next(x for x in same if rendered(entry, LinkText(tgt, (x[0],))))
                bad = forbidden_variant(tgt_pars[k2][s2:e2])
                if not bad or not forbidden_variant(form):
                    continue
                row = rows.setdefault(m.text, {})
                row[lang] = [form]
                row[lang + ":forbidden"] = list(dict.fromkeys((forbidden_variant(form), bad)))
                spots[lang].append((d, k2, s2, e2, bad, m.text))
                break
        if not rows:
            continue
        # a forbidden variant that is another row's accepted rendering would be a glossary error
        accepted = {(lang, v) for row in rows.values() for lang in LANGS for v in row.get(lang, [])}
        lines = ["\t".join(header)]
        for term, row in sorted(rows.items()):
            for lang in LANGS:
                row[lang + ":forbidden"] = [
                    v for v in row.get(lang + ":forbidden", []) if (lang, v) not in accepted
                ]
            lines.append(
                "\t".join([term] + [" | ".join(row.get(c, [])) for c in header[1:-1]] + ["name"])
            )
        paths[d] = folder / f"ntrex{d:02d}.tsv"
        paths[d].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return paths, spots


# --------------------------------------------------------------------------- clean


def rate_table(title: str, result, n_docs: int) -> tuple[dict, list]:
    """Print warnings+errors per 50 aligned pairs per rule and language; return the flagged
    paragraphs ((doc, lang, category) -> target paragraphs) and the reported findings."""
    pairs = Counter()
    for rel in result.releases:
        for t in rel.targets:
            pairs[t.target.lang] += sum(1 for link in t.links if link.source and link.target)
    counts: dict[str, Counter] = defaultdict(Counter)
    flagged = defaultdict(set)
    reported = []
    for d, rel in enumerate(result.releases):
        for f in rel.findings:
            for k in f.target_segments or ():
                flagged[d, f.lang, f.category].add(k)
            for k in f.source_segments or ():
                flagged[d, f.lang, f.category + ":src"].add(k)
            if f.severity.value in REPORTED:
                counts[f.rule][f.lang] += 1
                reported.append((d, rel, f))
    print(
        f"\n### False alarms on clean NTREX-dev, {title}: "
        "warnings+errors per 50 aligned paragraph pairs\n"
    )
    print("| rule | " + " | ".join(LANGS) + " | all |")
    print("|---|" + "---:|" * (len(LANGS) + 1))
    total = Counter()

    def rate(c: int, n: int) -> str:
        return f"{50 * c / n:.2f}" if n else "-"

    for rule in sorted(counts):
        c = counts[rule]
        total.update(c)
        print(
            f"| {rule} | "
            + " | ".join(rate(c[lang], pairs[lang]) for lang in LANGS)
            + f" | {rate(sum(c.values()), sum(pairs.values()))} |"
        )
    print(
        "| **all** | "
        + " | ".join(f"**{rate(total[lang], pairs[lang])}**" for lang in LANGS)
        + f" | **{rate(sum(total.values()), sum(pairs.values()))}** |"
    )
    print(
        "| aligned pairs | "
        + " | ".join(str(pairs[lang]) for lang in LANGS)
        + f" | {sum(pairs.values())} |"
    )
    print(
        f"\n{n_docs} documents; raw counts: "
        + ", ".join(f"{rule} {sum(c.values())}" for rule, c in sorted(counts.items()))
    )
    if result.warnings:
        print("\npipeline warnings: " + "; ".join(result.warnings[:5]))
    return flagged, reported


def print_findings(items) -> None:
    for d, rel, f in sorted(items, key=lambda x: (x[2].rule, x[2].lang, x[0])):
        src = rel.source.texts(f.source_segments) if f.source_segments else ""
        tgt = next(t.target for t in rel.targets if t.target.lang == f.lang)
        tgt_text = tgt.texts(f.target_segments) if f.target_segments else ""
        print(
            f"- {f.rule} {f.lang} doc{d} s{list(f.source_segments)} t{list(f.target_segments)}: "
            f"{short(f.message, 160)}\n    SRC: {short(src, 300)}\n    TGT: {short(tgt_text, 300)}"
        )


def clean(docs, glossaries: dict[int, list], show: int):
    """Two runs: without a glossary (the tool's default use) and with each document's own
    glossary (`build_glossaries`); the plants are filtered by the second."""
    releases = [
        release(f"ntrex{d:02d}", joined(doc, "en"), {lang: joined(doc, lang) for lang in LANGS})
        for d, doc in enumerate(docs)
    ]
    _, plain = rate_table("without a glossary (default use)", run(releases), len(docs))
    flagged, reported = rate_table(
        "each document with its own glossary",
        run(releases, [glossaries.get(d, []) for d in range(len(docs))]),
        len(docs),
    )
    if show:

        def key(d, f):
            return (d, f.rule, f.lang, f.message, f.source_segments, f.target_segments)

        before = {key(d, f) for d, _, f in plain}
        only = [x for x in reported if key(x[0], x[2]) not in before]
        print(f"\nFindings only with the glossaries ({len(only)}):\n")
        print_findings(only)
        rng = random.Random(5)
        sample = rng.sample(reported, min(show, len(reported)))
        print(
            f"\nSample of {len(sample)} clean findings with the glossaries "
            "(for inspection; not for the README):\n"
        )
        print_findings(sample)
    return flagged


# --------------------------------------------------------------------------- plants

CATEGORY = {
    "number changed": "number",
    "number dropped": "number",
    "date changed": "date",
    "date dropped": "date",
    "email changed": "email",
    "email dropped": "email",
    "url changed": "url",
    "url dropped": "url",
    "name changed": "name",
    "name dropped": "name",
    "paragraph omitted": "omission",
    "paragraph added": "addition",
    "sentence dropped": "omission",
    "untranslated": "untranslated",
    "glossary forbidden": "glossary",
}
EMAILS = (
    "press@steppe-news.org",
    "j.doe@agency.example.kz",
    "info@lake-fund.net",
    "office@aral-basin.org",
)
URLS = (
    "www.steppe-news.org",
    "https://lake-fund.net/en/reports/2025",
    "http://example.kz/a/b.html",
    "https://aral-basin.org/news",
)


def cut(text: str, s: int, e: int, new: str = "") -> str:
    out = text[:s] + new + text[e:]
    while "  " in out:
        out = out.replace("  ", " ")
    return out.replace(" ,", ",").replace(" .", ".").strip()


def bump(raw: str) -> str | None:
    digits = [i for i, c in enumerate(raw) if c.isdigit()]
    if not digits:
        return None
    i = digits[-1]
    return raw[:i] + str((int(raw[i]) + 1) % 10) + raw[i + 1 :]


def alter(value: str, rng: random.Random) -> str:
    head, tail = value[:-4], value[-4:]
    i = rng.randrange(len(head) // 2, len(head))
    if head[i].isalpha():
        return head[:i] + ("x" if head[i] != "x" else "y") + head[i + 1 :] + tail
    return head[:i] + "q" + head[i:] + tail


def month_forms(lang: str) -> dict[int, list[str]]:
    from babel.dates import get_month_names

    forms: dict[int, list[str]] = defaultdict(list)
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            try:
                names = get_month_names(width, context, lang)
            except Exception:  # noqa: BLE001
                continue
            for m, name in names.items():
                name = name.strip(".").lower()
                if len(name) >= 3 and name not in forms[m]:
                    forms[m].append(name)
    for m in forms:
        forms[m].sort(key=len, reverse=True)
    return forms


def change_date(d, lang: str, turn: int) -> str | None:
    """d.raw with its day, month or year changed (trying the `turn`-th field first)."""
    import regex

    for field in [("day", "month", "year")[(turn + i) % 3] for i in range(3)]:
        if field == "day" and d.day:
            m = regex.search(rf"(?<!\d){d.day}(?!\d)", d.raw) or regex.search(
                rf"(?<!\d)0?{d.day}(?!\d)", d.raw
            )
            if m:
                new = str(d.day % 27 + 1)
                return d.raw[: m.start()] + new + d.raw[m.end() :]
        if field == "year" and d.year:
            at = d.raw.find(str(d.year))
            if at >= 0:
                return d.raw[:at] + str(d.year + 1) + d.raw[at + 4 :]
        if field == "month" and d.month:
            forms = month_forms(lang)
            low = d.raw.lower()
            for name in forms.get(d.month, []):
                at = low.find(name[: max(3, len(name) - 2)])
                if at >= 0:
                    other = forms[d.month % 12 + 1][0]
                    # keep the case ending the text had after the stem
                    end = (
                        at + len(name)
                        if low[at : at + len(name)] == name
                        else at + max(3, len(name) - 2)
                    )
                    repl = other.capitalize() if d.raw[at].isupper() else other
                    return d.raw[:at] + repl + d.raw[end:]
    return None


def plant_candidates(kind: str, lang: str, docs, names_by_lang, glossary_spots):
    """Yield (doc, paragraph, source paragraphs, target paragraphs, report paragraph) lazily."""
    rng = random.Random(f"{kind}-{lang}")
    order = [(d, k) for d, doc in enumerate(docs) for k in range(len(doc["en"]))]
    rng.shuffle(order)
    if kind == "glossary forbidden":
        spots = list(glossary_spots.get(lang, []))
        rng.shuffle(spots)
        for d, k, s, e, bad, term in spots:
            src, tgt = joined(docs[d], "en"), joined(docs[d], lang)
            tgt[k] = tgt[k][:s] + bad + tgt[k][e:]
            yield d, k, src, tgt, k
        return
    if kind.startswith("name"):
        # personal names and acronyms only (the brief's plants); NA01 reports other names
        # (places, organisations) only where the version renders them elsewhere
        spots = [x for x in names_by_lang[lang] if x[2].kind in ("person", "acronym")]
        rng.shuffle(spots)
        pool = sorted({joined(docs[d], lang)[k][s:e] for d, k, m, s, e in names_by_lang[lang]})
        for d, k, m, s, e in spots:
            src, tgt = joined(docs[d], "en"), joined(docs[d], lang)
            surface = tgt[k][s:e]
            stem = surface[:4].lower()
            if tgt[k].lower().count(stem) != 1:
                continue  # the name shows twice (or inside another word): dropping one is no error
            if kind == "name dropped":
                tgt[k] = cut(tgt[k], s, e)
            else:
                others = [
                    n
                    for n in pool
                    if n[:3].lower() != surface[:3].lower()
                    and n.lower() not in tgt[k].lower()
                    and n.lower() not in src[k].lower()
                ]
                tgt[k] = tgt[k][:s] + rng.choice(others) + tgt[k][e:]
            yield d, k, src, tgt, k
        return
    for d, k in order:
        doc = docs[d]
        src, tgt = joined(doc, "en"), joined(doc, lang)
        if kind.startswith("number"):
            in_source = {v for m in extract_numbers(src[k], "en") if m.reportable for v in m.values}
            nums = [
                m
                for m in extract_numbers(tgt[k], lang)
                if m.reportable
                and in_source & set(m.values)
                and any(c.isdigit() for c in m.raw)
                and m.kind not in ("word", "ordinal-word")
            ]
            if not nums:
                continue
            m = rng.choice(nums)
            tgt[k] = cut(tgt[k], *m.span, bump(m.raw) if kind == "number changed" else "")
        elif kind.startswith("date"):
            source_dates = extract_dates(src[k], "en")
            dates = [
                x for x in extract_dates(tgt[k], lang) if any(x.matches(s) for s in source_dates)
            ]
            if not dates:
                continue
            x = rng.choice(dates)
            if kind == "date dropped":
                tgt[k] = cut(tgt[k], *x.span)
            else:
                new = change_date(x, lang, rng.randrange(3))
                if not new or new == x.raw:
                    continue
                tgt[k] = tgt[k][: x.span[0]] + new + tgt[k][x.span[1] :]
        elif kind.startswith(("email", "url")):
            value = rng.choice(EMAILS if kind.startswith("email") else URLS)
            src[k] = f"{src[k]} ({value})"
            tgt[k] = f"{tgt[k]} ({alter(value, rng)})" if kind.endswith("changed") else tgt[k]
        elif kind == "paragraph omitted":
            if len(src) < 3:
                continue
            del tgt[k]
        elif kind == "paragraph added":
            other = rng.choice([o for o in range(len(docs)) if o != d])
            tgt.insert(k, rng.choice(joined(docs[other], lang)))
        elif kind == "sentence dropped":
            lines = doc[lang][k]
            if len(lines) < 3:
                continue
            drop = rng.randrange(len(lines))
            tgt[k] = " ".join(line for i, line in enumerate(lines) if i != drop)
        elif kind == "untranslated":
            tgt[k] = src[k]
        yield d, k, src, tgt, k


def found_in(result_release, lang: str, category: str, kind: str, k: int) -> bool:
    for f in result_release.findings:
        if f.lang != lang or f.category != category or f.severity.value not in REPORTED:
            continue
        if kind in ("paragraph omitted", "sentence dropped"):
            if k in f.source_segments:
                return True
        elif k in f.target_segments:
            return True
    return False


def planted(docs, glossaries, glossary_spots, flagged, n: int, show: int, kinds=None):
    names_by_lang = {
        lang: [
            (d, k, m, s, e)
            for d, doc in enumerate(docs)
            for k, m, s, e in name_renderings(doc, lang)
        ]
        for lang in LANGS
    }
    table: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    misses = []
    started = time.perf_counter()
    for kind, category in CATEGORY.items():
        if kinds and kind not in kinds:
            continue
        for lang in LANGS:
            chosen = []
            for d, k, src, tgt, at in plant_candidates(
                kind, lang, docs, names_by_lang, glossary_spots
            ):
                key = (
                    d,
                    lang,
                    category
                    + (":src" if kind in ("paragraph omitted", "sentence dropped") else ""),
                )
                if at in flagged.get(key, ()):
                    continue  # the clean run already has a finding of this category there
                chosen.append((d, k, src, tgt, at))
                if len(chosen) >= n:
                    break
            if not chosen:
                table[kind][lang] = (0, 0)
                continue
            result = run(
                [
                    release(f"{kind}-{lang}-{i}", src, {lang: tgt})
                    for i, (d, k, src, tgt, at) in enumerate(chosen)
                ],
                [glossaries.get(d, []) for d, *_ in chosen],
                category,
            )
            hits = 0
            for (d, k, src, tgt, at), rel in zip(chosen, result.releases):
                hit = found_in(rel, lang, category, kind, at)
                hits += hit
                if not hit:
                    other = sorted(
                        {
                            f"{f.rule}@s{list(f.source_segments)}t{list(f.target_segments)}"
                            for f in rel.findings
                            if f.lang == lang
                        }
                    )
                    tgt_text = tgt[at] if at < len(tgt) and kind != "paragraph omitted" else ""
                    misses.append(
                        f"- {kind} {lang} doc{d} p{k}: findings {other}"
                        f"\n    SRC: {short(src[k], 300)}"
                        f"\n    TGT: {short(tgt_text, 300)}"
                    )
            table[kind][lang] = (hits, len(chosen))
            print(
                f"  [{time.perf_counter() - started:6.0f}s] {kind} {lang}: {hits}/{len(chosen)}",
                file=sys.stderr,
                flush=True,
            )
    print("\n### Planted-error recall (full suite, right category at the planted paragraph)\n")
    print("| planted error | category | " + " | ".join(LANGS) + " | all |")
    print("|---|---|" + "---:|" * (len(LANGS) + 1))
    for kind, row in table.items():
        cells, h_all, n_all = [], 0, 0
        for lang in LANGS:
            h, m = row.get(lang, (0, 0))
            h_all, n_all = h_all + h, n_all + m
            cells.append(f"{h / m:.2f} ({h}/{m})" if m else "- (0)")
        flag = "" if n_all and h_all / n_all >= 0.95 else " ⚠"
        print(
            f"| {kind} | {CATEGORY[kind]} | "
            + " | ".join(cells)
            + f" | **{h_all / max(n_all, 1):.3f}** (n={n_all}){flag} |"
        )
    if show and misses:
        print(f"\nMisses ({len(misses)}; first {show} shown, for inspection):\n")
        for line in misses[:show]:
            print(line)


# --------------------------------------------------------------------------- seed, speed


def cli(args: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "aligncheck",
            "check",
            str(SEED),
            "--langs",
            SEED_LANGS,  # noqa: PLW1510
            "--quiet",
            *args,
        ],
        capture_output=True,
        text=True,
        cwd=HERE.parent,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"aligncheck failed ({proc.returncode}): {proc.stderr.strip()}")
    return elapsed, proc


def seed_findings() -> None:
    OUT.mkdir(exist_ok=True)
    out = OUT / "suite_seed.json"
    cli(["--format", "json", "--output", str(out)])
    report = json.loads(out.read_text(encoding="utf-8"))
    cats = ("number", "date", "email", "url", "name", "script")
    rows = [
        f
        for doc in report["documents"]
        for f in doc["findings"]
        if f["category"] in cats and f["severity"] in REPORTED
    ]
    print(
        f"\n### Seed: warnings/errors about numbers, dates, emails, URLs, names, scripts "
        f"(summary of all findings: {report['summary']})\n"
    )
    print("| rule | lang | source ¶ | target ¶ | source value | target value | message |")
    print("|---|---|---|---|---|---|---|")
    for f in rows:
        print(
            f"| {f['rule']} | {f['lang']} | {f['source_segments']} | {f['target_segments']} | "
            f"{short(f['source_text'], 40)} | {short(f['target_text'], 40)} | "
            f"{short(f['message'], 110)} |"
        )
    if not rows:
        print("| - | - | - | - | - | - | none |")


def speed(repeat: int) -> None:
    common = ["--format", "json", "--output", "/dev/null"]
    cli(common)  # warm the embedding cache and the model build
    core, full = [], []
    for _ in range(repeat):  # interleaved, so load from other processes hits both alike
        core.append(cli(["--select", "AL01,OM01,AD01", *common])[0])
        full.append(cli(common)[0])
    c, f = statistics.median(core), statistics.median(full)
    print(
        "\n### Speed on the seed (5 versions, warm embedding cache, CLI wall clock, "
        f"median of {repeat})\n"
    )
    print("| run | seconds | vs core |")
    print("|---|---:|---:|")
    print(f"| core pipeline (AL01, OM01, AD01) | {c:.2f} | 1.00x |")
    print(f"| full suite ({len(all_rules())} rules) | {f:.2f} | {f / c:.2f}x |")
    print(f"\nfull suite adds {100 * (f - c) / c:.0f}% (target <= 50%)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=40, help="plants per category and language")
    parser.add_argument("--only", default="clean,planted,seed,speed")
    parser.add_argument("--kinds", default="", help="comma-separated planted kinds (default all)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument(
        "--half",
        choices=("all", "tuning", "untouched"),
        default="all",
        help="NTREX-dev documents of one half of ntrex_split.py (default: all 60)",
    )
    args = parser.parse_args()
    parts = set(args.only.split(","))
    started = time.perf_counter()
    if parts & {"clean", "planted"}:
        docs = load_docs()
        if args.half != "all":
            from ntrex_split import half

            docs = [docs[d.index] for d in half(args.half)]
        paths, spots = build_glossaries(docs)
        glossaries = {d: [load_glossary(path)] for d, path in paths.items()}
        print(
            f"glossaries: {len(paths)} in {(OUT / 'suite_glossaries').relative_to(HERE.parent)} "
            f"({sum(len(g[0].entries) for g in glossaries.values())} entries, plant spots "
            + ", ".join(f"{lang} {len(spots[lang])}" for lang in LANGS)
            + ")"
        )
        cache = OUT / f"suite_clean_flagged{'' if args.half == 'all' else '_' + args.half}.json"
        if "clean" not in parts and not cache.exists():
            flagged = {}  # planted alone, no clean run yet: plants may land on flagged paragraphs
            print("(no clean run cached: plants are not filtered by clean findings)")
        elif "clean" in parts:
            flagged = clean(docs, glossaries, args.show)
            cache.write_text(
                json.dumps([[*key, sorted(v)] for key, v in flagged.items()]), encoding="utf-8"
            )
        else:  # planted alone: reuse the clean run's finding positions
            flagged = {
                tuple(row[:3]): set(row[3]) for row in json.loads(cache.read_text(encoding="utf-8"))
            }
        if "planted" in parts:
            kinds = set(args.kinds.split(",")) if args.kinds else None
            planted(docs, glossaries, spots, flagged, args.n, args.show, kinds)
    if "seed" in parts:
        seed_findings()
    if "speed" in parts:
        speed(args.repeat)
    print(f"\n(total {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
