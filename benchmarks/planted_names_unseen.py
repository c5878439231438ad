"""Names dropped or replaced on held-out NTREX-dev, planted without aligncheck's help (issue 12).

    python benchmarks/planted_names_unseen.py [--half untouched|tuning] [--seed 12] [--limit N]
        [--show N]

Report on the untouched half (the default), tune on the tuning half only (benchmarks/ntrex_split.py
says why and how the halves are made). Nothing from aligncheck is imported to choose or place a
plant: only this file, the standard library, anyascii and rapidfuzz; aligncheck is imported in
`check` alone, after every plant is placed (tests/test_ntrex_split.py runs the choosing with
aligncheck unimportable).

Names. A word is a *name word* when it starts with a capital, has two letters or more, the
English side of the whole of NTREX-dev never writes it in lower case, and it is not only ever
seen at the start of a sentence (the start of a line, or after . ! ? and any quotes): a word
seen sentence-initially counts only if it is also capitalised in the middle of a sentence
somewhere. A *name* is a maximal run of name words separated by single spaces ("Boris Johnson",
"BBC", "Monday"), used only when it occurs once in its source paragraph.

Rendering. In the same paragraph of a target (paragraph k translates paragraph k by
construction), a *rendering* is a run of 1 to n+1 capitalised target words (n = words of the
name; only spaces or hyphens between them) whose anyascii letters, lower-cased, match the name's
letters with rapidfuzz `ratio` >= THRESHOLD; the last word may carry an inflection the match
leaves out (Turkish after an apostrophe, otherwise 1-4 final letters, of which the best is
taken). The best-scoring rendering is the one planted; a name with none is not used (translated
names such as Germany / Германия are therefore never planted: this benchmark does not measure
them).

Plants: one per target version per document, all five targets planted in one release per
document, chosen by random.Random(f"{seed}-{document id}-{lang}") among that version's names
with a rendering. Kinds, drawn with the same generator:
  - dropped:  the whole rendering (with its inflection) removed; the spaces and punctuation around
              it tidied (no double space, no space before , . etc., no empty brackets or quotes).
  - replaced: the rendering replaced by a surname of the same language and script (a Latin name
              left in a Cyrillic version is not used), with the removed inflection re-attached,
              taken from another document of the same half: the last word of an uninflected
              rendering of a two- or three-word name whose last English word that document also
              writes alone ("Boris Johnson" ... "Johnson said"), not in capitals, not hyphenated;
              one this target document does not contain and that does not itself match the name.
              Mostly surnames; the rule lets through a few teams and places ("Lakers",
              "California"). A version with no such word gets a drop.
*Vanishes*: after the plant, no run of that target document matches the name (as above) and, for
a name of several words, no single word of it matches the name's last word: the version no
longer names it anywhere.

Checking: every document is one release (en -> ru, kk, az, tk, tr, paragraphs separated by blank
lines), checked through `aligncheck.app.run.check_releases` with the default configuration (all
rules, default model, embedding cache); the clean documents are checked the same way.

Found (the criterion, chosen to credit a finding that leads an editor to the plant and nothing
else): a finding of the planted language that points at the planted paragraph (its target
paragraphs include k; a finding without target paragraphs, its source paragraphs) and mentions
the plant (its message, source or target quote contains, case-insensitively, the name, the
name's last word, the removed rendering or its last word without the inflection, or the
replacing surname), and that the clean run of the same document does not have (same rule,
language, message and quotes). Such a finding counts when it comes from a name rule (NA*, CO01,
GL*) at any severity, or from any other rule at warning or error. *Found at warning+*: one of
them is a warning or error; *at info only*: all of them are infos; otherwise *not found*.

Clean text: warning/error findings of the name rules (NA*, CO01, GL*) on the same half unplanted,
per 100 links (a count only, nobody has judged them: not a false-alarm rate).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from anyascii import anyascii
from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ntrex_split import TARGETS, NtrexDocument, all_documents, available, half  # noqa: E402

THRESHOLD = 80.0  # rapidfuzz ratio (0-100) of the anyascii letters
MAX_SUFFIX = 4  # letters of inflection the match may leave off the last word
NAME_RULE_PREFIXES = ("NA", "GL")
NAME_RULES_EXTRA = ("CO01",)
REPORTED = ("warning", "error")

EN_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
TARGET_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’)\]]*\s+)[\"“‘(\[\s\-–—]*$")
APOSTROPHES = "'’"

# --------------------------------------------------------------------------- names (English)


def _sentence_initial(line: str, start: int) -> bool:
    return bool(SENTENCE_START.search(line[:start]))


def name_words(english_lines: Iterable[str]) -> frozenset[str]:
    """Capitalised words the English text never writes in lower case and that are capitalised
    mid-sentence at least once."""
    lower, mid_caps, caps = set(), set(), set()
    for line in english_lines:
        for m in EN_WORD.finditer(line):
            w = m.group()
            if w[0].islower():
                lower.add(w.lower())
            elif w[0].isupper():
                caps.add(w)
                if not _sentence_initial(line, m.start()):
                    mid_caps.add(w)
    return frozenset(w for w in caps if len(w) >= 2 and w.lower() not in lower and w in mid_caps)


def name_runs(paragraph: str, words: frozenset[str]) -> list[str]:
    """Names of a paragraph: maximal runs of name words joined by single spaces, each once."""
    runs: list[list[re.Match]] = []
    for m in EN_WORD.finditer(paragraph):
        if m.group() not in words:
            continue
        if runs and paragraph[runs[-1][-1].end() : m.start()] == " ":
            runs[-1].append(m)
        else:
            runs.append([m])
    texts = [paragraph[r[0].start() : r[-1].end()] for r in runs]
    counts = Counter(texts)
    seen: list[str] = []
    for t in texts:
        if counts[t] == 1 and len(re.findall(rf"\b{re.escape(t)}\b", paragraph)) == 1:
            seen.append(t)
    return seen


# --------------------------------------------------------------------------- renderings


def letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", anyascii(text).lower())


@dataclass(frozen=True)
class Rendering:
    start: int  # span of the whole rendering in the target paragraph (inflection included)
    end: int
    text: str  # the whole rendering as written
    stem: str  # without the inflection the match left off
    suffix: str  # that inflection ("" when none)
    score: float
    words: int


def _stems(word: str) -> list[tuple[str, str]]:
    """(stem, suffix) readings of a last word: as is, before an apostrophe, or 1-4 letters off."""
    out = [(word, "")]
    for i, ch in enumerate(word):
        if ch in APOSTROPHES and i > 0:
            out.append((word[:i], word[i:]))
            return out
    for k in range(1, MAX_SUFFIX + 1):
        if len(word) - k >= 2:
            out.append((word[:-k], word[-k:]))
    return out


def renderings(name: str, paragraph: str, threshold: float = THRESHOLD) -> list[Rendering]:
    """Every run of capitalised target words matching `name` by transliteration, best first."""
    key = letters(name)
    if len(key) < 2:
        return []
    n = len(EN_WORD.findall(name))
    words = list(TARGET_WORD.finditer(paragraph))
    found = []
    for i, first in enumerate(words):
        if not first.group()[0].isupper():
            continue
        for j in range(i, min(i + n + 1, len(words))):
            if j > i:
                gap = paragraph[words[j - 1].end() : words[j].start()]
                if gap not in (" ", "-") or not words[j].group()[0].isupper():
                    break
            head = paragraph[first.start() : words[j].start()]
            best = None
            for stem, suffix in _stems(words[j].group()):
                score = fuzz.ratio(letters(head + stem), key)
                if best is None or score > best[0]:
                    best = (score, stem, suffix)
            score, stem, suffix = best
            if score >= threshold:
                text = paragraph[first.start() : words[j].end()]
                found.append(
                    Rendering(
                        first.start(), words[j].end(), text, head + stem, suffix, score, j - i + 1
                    )
                )
    found.sort(key=lambda r: (-r.score, len(r.suffix), r.start))
    return found


def mentions_left(name: str, text: str) -> bool:
    """Does `text` still name `name` (the whole name, or for several words its last word)?"""
    if renderings(name, text):
        return True
    parts = EN_WORD.findall(name)
    return len(parts) > 1 and bool(renderings(parts[-1], text))


# --------------------------------------------------------------------------- plants


def script(text: str) -> str:
    """ "Cyrl", "Latn" or "" (mixed or none): enough to keep a replacement in the same script."""
    kinds = {unicodedata.name(ch, "?").split()[0] for ch in text if ch.isalpha()}
    return {"CYRILLIC": "Cyrl", "LATIN": "Latn"}.get(kinds.pop(), "") if len(kinds) == 1 else ""


def tidy_cut(text: str, start: int, end: int, new: str = "") -> str:
    """text with [start, end) replaced by `new`; after a removal, the spaces and punctuation at
    the cut tidied (nothing else in the text is touched)."""
    if new:
        return text[:start] + new + text[end:]
    before, after = text[:start].rstrip(" "), text[end:].lstrip(" ")
    glue = (
        ""
        if (not before or not after or after[0] in ",.;:!?)]»”'’" or before[-1] in "([«“„")
        else " "
    )
    head, tail = before[:-4], after[4:]
    mid = before[-4:] + glue + after[:4]
    mid = re.sub(r"\(\s*\)|\[\s*\]|«\s*»|“\s*”|„\s*“|\"\s*\"", "", mid)
    mid = re.sub(r"\s+([,.;:!?)\]»”])", r"\1", mid)
    mid = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", mid)
    mid = re.sub(r"\s{2,}", " ", mid)
    out = head + mid + tail
    if not head:
        out = re.sub(r"^[\s,;:]+", "", out)
    return out.strip()


@dataclass(frozen=True)
class Plant:
    doc: str  # document id
    lang: str
    kind: str  # "dropped" or "replaced"
    paragraph: int
    name: str  # the English name
    rendering: str  # what the target wrote
    stem: str
    replacement: str  # the surname put in its place ("" for a drop)
    text: str  # the planted paragraph
    vanishes: bool

    def needles(self) -> list[str]:
        """Strings a finding may quote to mention this plant (lower case)."""
        out = [self.name, EN_WORD.findall(self.name)[-1], self.stem]
        out.append(TARGET_WORD.findall(self.stem)[-1] if TARGET_WORD.search(self.stem) else "")
        if self.replacement:
            out.append(self.replacement)
        return [s.lower() for s in out if len(s) >= 3]


def candidates(doc: NtrexDocument, lang: str, words: frozenset[str]):
    """(paragraph, name, best rendering) of every name of `doc` rendered in `lang`."""
    src, tgt = doc.joined("en"), doc.joined(lang)
    for k, (s, t) in enumerate(zip(src, tgt, strict=True)):
        for name in name_runs(s, words):
            found = renderings(name, t)
            if found:
                yield k, name, found[0]


def surname_pool(docs: Sequence[NtrexDocument], lang: str, words: frozenset[str]) -> dict:
    """document id -> surnames of `lang` found there. A surname: the last word of an uninflected
    rendering of a name of two or three words whose last English word the document also writes
    alone as a name ("Boris Johnson" ... "Johnson said"), not in capitals, not hyphenated."""
    pool: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        alone = {n for par in doc.joined("en") for n in name_runs(par, words) if " " not in n}
        for _k, name, r in candidates(doc, lang, words):
            parts = EN_WORD.findall(name)
            last = TARGET_WORD.findall(r.text)[-1]
            if (
                2 <= len(parts) <= 3
                and parts[-1] in alone
                and r.words >= 2
                and not r.suffix
                and not last.isupper()
                and "-" not in last
                and len(last) >= 3
            ):
                pool[doc.id].add(last)
    return pool


def choose_plants(
    docs: Sequence[NtrexDocument],
    words: frozenset[str],
    seed: int,
    pool_docs: Sequence[NtrexDocument] | None = None,
) -> tuple[list[Plant], dict[str, dict[str, list[str]]]]:
    """One plant per (document, target) that has a rendered name; and the planted documents
    ({doc id: {lang: paragraphs}}, English unchanged). Replacing surnames come from the other
    documents of `pool_docs` (default `docs`: pass the whole half so --limit changes nothing)."""
    pool_docs = docs if pool_docs is None else pool_docs
    pools = {lang: surname_pool(pool_docs, lang, words) for lang in TARGETS}
    plants, texts = [], {}
    for doc in docs:
        texts[doc.id] = {lang: doc.joined(lang) for lang in ("en", *TARGETS)}
        for lang in TARGETS:
            rng = random.Random(f"{seed}-{doc.id}-{lang}")
            cands = list(candidates(doc, lang, words))
            if not cands:
                continue
            k, name, r = rng.choice(cands)
            kind = rng.choice(("dropped", "replaced"))
            pars = list(texts[doc.id][lang])
            whole = "\n".join(pars)
            others = sorted(
                s
                for other, names in pools[lang].items()
                if other != doc.id
                for s in names
                if s not in whole
                and script(s) == script(r.stem)
                and fuzz.ratio(letters(s), letters(name)) < 60
            )
            others = sorted(set(others))
            replacement = ""
            if kind == "replaced" and others:
                replacement = rng.choice(others)
                pars[k] = tidy_cut(pars[k], r.start, r.end, replacement + r.suffix)
            else:
                kind = "dropped"
                pars[k] = tidy_cut(pars[k], r.start, r.end)
            texts[doc.id][lang] = pars
            vanishes = not mentions_left(name, "\n".join(pars))
            plants.append(
                Plant(doc.id, lang, kind, k, name, r.text, r.stem, replacement, pars[k], vanishes)
            )
    return plants, texts


# --------------------------------------------------------------------------- checking


def _release(name: str, pars: dict[str, list[str]]):
    from aligncheck.model import Document, Release

    def doc(lang: str) -> Document:
        return Document(f"{name}/{lang}.txt", lang, "\n\n".join(pars[lang]) + "\n")

    return Release(name, doc("en"), tuple(doc(lang) for lang in TARGETS))


def check(documents: dict[str, dict[str, list[str]]]):
    """{doc id: findings} and the number of links, through aligncheck.app.run with all rules."""
    from aligncheck.app.config import load_config
    from aligncheck.app.run import check_releases

    names = sorted(documents)
    releases = [_release(f"ntrex-{n}", documents[n]) for n in names]
    with tempfile.TemporaryDirectory() as empty:  # no configuration file: the defaults
        config = load_config(Path(empty))
    result = check_releases(releases, config, use_cache=True, quiet=True)
    links = sum(len(t.links) for r in result.releases for t in r.targets)
    return {n: r.findings for n, r in zip(names, result.releases, strict=True)}, links


def is_name_rule(code: str) -> bool:
    return code.startswith(NAME_RULE_PREFIXES) or code in NAME_RULES_EXTRA


def _signature(f) -> tuple:
    return (f.rule, f.lang, f.message, f.source_text, f.target_text)


def outcome(plant: Plant, findings, clean_findings, *, mention: bool = True) -> str:
    """ "warning+", "info" or "not found" (the criterion of the module docstring); with
    `mention=False`, without its condition that the finding mentions the plant."""
    before = {_signature(f) for f in clean_findings}
    needles = plant.needles()
    levels = set()
    for f in findings:
        if f.lang != plant.lang or _signature(f) in before:
            continue
        where = f.target_segments or f.source_segments
        if plant.paragraph not in where:
            continue
        said = " ".join(s for s in (f.message, f.source_text, f.target_text) if s).lower()
        if mention and not any(n in said for n in needles):
            continue
        if f.severity.value in REPORTED:
            levels.add("warning+")
        elif is_name_rule(f.rule):
            levels.add("info")
    return "warning+" if "warning+" in levels else "info" if levels else "not found"


def table(plants: Sequence[Plant], outcomes: Sequence[str]) -> str:
    rows = [
        ("name dropped", lambda p: p.kind == "dropped"),
        ("name replaced by another name", lambda p: p.kind == "replaced"),
        ("of which the name vanishes from that version entirely", lambda p: p.vanishes),
    ]
    out = [
        "| planted error | found at warning or error | found at info only | not found |",
        "|---|---|---|---|",
    ]
    for title, keep in rows:
        got = Counter(o for p, o in zip(plants, outcomes, strict=True) if keep(p))
        n = sum(got.values())
        rate = f" ({got['warning+'] / n:.2f})" if n else ""
        out.append(
            f"| {title} ({n}) | {got['warning+']}{rate} | {got['info']} | {got['not found']} |"
        )
    return "\n".join(out)


def per_language(plants: Sequence[Plant], outcomes: Sequence[str]) -> str:
    out = ["| found at warning+ / planted | " + " | ".join(TARGETS) + " |"]
    out.append("|---|" + "---:|" * len(TARGETS))
    for kind in ("dropped", "replaced"):
        cells = []
        for lang in TARGETS:
            got = [
                o for p, o in zip(plants, outcomes, strict=True) if (p.kind, p.lang) == (kind, lang)
            ]
            cells.append(f"{got.count('warning+')}/{len(got)}")
        out.append(f"| name {kind} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("tuning", "untouched"), default="untouched")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents of the half")
    ap.add_argument("--show", type=int, default=0, help="print that many plants with outcomes")
    ap.add_argument(
        "--list-clean",
        action="store_true",
        help="print each clean-text name warning with both whole paragraphs, to judge it",
    )
    args = ap.parse_args(argv)
    if not available():
        sys.exit("NTREX-dev not found under ../shared/corpora/ntrex128-dev")
    t0 = time.time()
    words = name_words(line for d in all_documents() for line in d.lines("en"))
    whole = half(args.half)
    docs = whole[: args.limit or None]
    plants, planted_texts = choose_plants(docs, words, args.seed, pool_docs=whole)
    clean, links = check({d.id: {lang: d.joined(lang) for lang in ("en", *TARGETS)} for d in docs})
    found, _ = check(planted_texts)
    outcomes = [
        outcome(p, found[p.doc], [f for f in clean[p.doc] if f.lang == p.lang]) for p in plants
    ]
    print(
        f"### {args.half} half of NTREX-dev: {len(docs)} documents, {len(plants)} plants "
        f"(seed {args.seed}), {time.time() - t0:.0f} s\n"
    )
    print(table(plants, outcomes))
    loose = Counter(
        outcome(p, found[p.doc], [f for f in clean[p.doc] if f.lang == p.lang], mention=False)
        for p in plants
    )
    print(
        f"\nWithout the condition that the finding mentions the plant (any new finding at the "
        f"planted paragraph): {loose['warning+']} of {len(plants)} at warning+, "
        f"{loose['info']} at info only.\n"
    )
    print(per_language(plants, outcomes))
    name_findings = [
        f
        for fs in clean.values()
        for f in fs
        if is_name_rule(f.rule) and f.severity.value in REPORTED
    ]
    per_rule = Counter(f.rule for f in name_findings)
    rate = 100 * len(name_findings) / links if links else 0.0
    print(
        f"\nClean text, same half unplanted: {len(name_findings)} warning/error findings of the "
        f"name rules (NA*, CO01, GL*) over {links} links = {rate:.2f} per 100 links "
        f"({', '.join(f'{r} {c}' for r, c in sorted(per_rule.items())) or 'none'}); "
        "a count, not a judged false-alarm rate."
    )
    if args.list_clean:
        by_id = {d.id: d for d in docs}
        for doc_id, fs in sorted(clean.items()):
            for f in fs:
                if is_name_rule(f.rule) and f.severity.value in REPORTED:
                    d = by_id[doc_id]
                    src = " / ".join(d.joined("en")[i] for i in f.source_segments)
                    tgt = " / ".join(d.joined(f.lang)[i] for i in f.target_segments)
                    print(f"\n## {doc_id} {f.lang} {f.rule} {f.severity.value}: {f.message}")
                    print(f"source: {src}\ntarget: {tgt}")
    for p, o in list(zip(plants, outcomes, strict=True))[: args.show]:
        print(
            f"- {o:9} {p.lang} {p.doc} ¶{p.paragraph} {p.kind}: {p.name!r} -> {p.rendering!r}"
            + (f" -> {p.replacement!r}" if p.replacement else "")
            + (" (vanishes)" if p.vanishes else "")
        )


if __name__ == "__main__":
    main()
