"""Propose a glossary from checked releases: source terms and how each target renders them.

Candidates: quoted or emphasised titles, capitalised multi-word names and acronyms of the
source. A rendering is found per link containing the term: by transliteration for names,
as the quoted span for quoted titles, otherwise (for terms seen in two links or more) as the
target n-gram that co-occurs with the term across links and not elsewhere. The TSV loads as a
glossary once an editor approves it; the `note` column counts each variant, and inconsistent
renderings are marked there.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import regex

from aligncheck.checks.consistency.variants import spellings
from aligncheck.extract.name_match import DEFAULT_THRESHOLD, match_name
from aligncheck.extract.names import NameMention, document_evidence, extract_names
from aligncheck.extract.titles import title_spans
from aligncheck.glossary.entries import base_lang
from aligncheck.glossary.find import LinkText
from aligncheck.lang.morph import lower, words
from aligncheck.model import ReleaseResult

_LEADING = frozenset(["the", "a", "an", "this", "that", "these", "those", "our", "its", "their"])
_CONNECTORS = frozenset(["of", "the", "and", "for", "on", "in", "de", "la"])
_CAPITALISED_RUN = regex.compile(
    r"\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:of|the|and|for|on|in|de|la)\s+)*\p{Lu}[\p{L}\p{M}'’-]*)+"
)


@dataclass(frozen=True)
class Candidate:
    text: str
    kind: str
    start: int
    end: int
    quoted: bool = False


def _titles(text: str) -> list[Candidate]:
    """The quoted or emphasised titles (extract/titles.py: the reports' terms-and-titles
    table reads the same)."""
    return [Candidate(t.text, "title", t.start, t.end, True) for t in title_spans(text)]


def _names(text: str, lang: str, evidence) -> list[Candidate]:
    found = []
    for m in _CAPITALISED_RUN.finditer(text):
        parts = words(m.group())
        while parts and parts[0].text.lower() in _LEADING:
            parts = parts[1:]
        while parts and parts[-1].text.lower() in _CONNECTORS:
            parts = parts[:-1]
        if 2 <= len(parts) <= 5:
            start, end = m.start() + parts[0].start, m.start() + parts[-1].end
            found.append(Candidate(text[start:end], "name", start, end))
    for mention in extract_names(text, lang, evidence):
        if mention.kind in ("acronym", "code"):
            found.append(Candidate(mention.text, "acronym", mention.start, mention.end))
    return found


def candidates(text: str, lang: str, evidence) -> list[Candidate]:
    titles = _titles(text)

    def inside(c) -> bool:
        return any(t.start <= c.start and c.end <= t.end for t in titles)

    return titles + [c for c in _names(text, lang, evidence) if not inside(c)]


def _quoted_target(target: LinkText) -> str | None:
    spans = _titles(target.text)
    return spans[0].text if len(spans) == 1 else None


_BREAK = regex.compile(r"[^\p{L}\p{M}\p{N}\s'’-]|\n")


def _stem(word: str, lang: str) -> str:
    return lower(word, lang)[:5]


def _ngrams(text: str, lang: str, size: int) -> dict[tuple[str, ...], str]:
    tokens = words(text)
    grams = {}
    for n in range(max(1, size - 1), size + 2):
        for i in range(len(tokens) - n + 1):
            surface = text[tokens[i].start : tokens[i + n - 1].end]
            if _BREAK.search(surface):
                continue
            key = tuple(_stem(t.text, lang) for t in tokens[i : i + n])
            grams.setdefault(key, surface)
    return grams


def _cooccurring(
    term_links: list[LinkText], other_links: list[LinkText], size: int, lang: str
) -> dict[int, str]:
    """For each link holding the term, the target n-gram most tied to the term: the highest
    excess of its rate among links with the term over its rate among the other links."""
    per_link = [_ngrams(t.text, lang, size) for t in term_links]
    counts: Counter = Counter(k for grams in per_link for k in grams)
    elsewhere: Counter = Counter(k for t in other_links for k in _ngrams(t.text, lang, size))
    with_term, without = len(term_links), max(1, len(other_links))
    chosen = {}
    for i, grams in enumerate(per_link):

        def score(key, grams=grams):
            excess = counts[key] / with_term - elsewhere[key] / without
            return (
                round(excess * len(key) ** 0.5, 6),
                grams[key][:1].isupper(),
                -abs(len(key) - size),
                grams[key],
            )

        if grams:
            best = max(grams, key=score)
            if counts[best] >= 2 and score(best)[0] > 0.3:
                chosen[i] = grams[best]
    return chosen


def extract_glossary(release_results: list[ReleaseResult]) -> str:
    renderings: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    seen: Counter = Counter()
    source_lang, langs = "", []
    for result in release_results:
        source_lang = source_lang or base_lang(result.source.lang)
        evidence = document_evidence([s.prose for s in result.source.segments], source_lang)
        for target_result in result.targets:
            lang = base_lang(target_result.target.lang)
            if lang not in langs:
                langs.append(lang)
            _collect(result, target_result, lang, evidence, renderings, seen)
    header = [source_lang, *langs, "kind", "note"]
    rows = ["\t".join(header)]
    for (text, kind), by_lang in sorted(renderings.items(), key=lambda kv: (-seen[kv[0]], kv[0])):
        cells, notes = [text], [f"{seen[(text, kind)]}x in source"]
        for lang in langs:
            variants = spellings(by_lang.get(lang, []), lang)
            cells.append(" | ".join(v for v, _ in variants))
            if len(variants) > 1:
                notes.append(f"INCONSISTENT {lang}: " + ", ".join(f"{v} {n}x" for v, n in variants))
        rows.append("\t".join(cells + [kind, "; ".join(notes)]))
    return "\n".join(rows) + "\n"


def _collect(result, target_result, lang, evidence, renderings, seen) -> None:
    source_lang = base_lang(result.source.lang)
    links = [link for link in target_result.links if link.source and link.target]
    sides = [
        (LinkText(result.source, link.source), LinkText(target_result.target, link.target))
        for link in links
    ]
    by_term: dict[tuple[str, str], list[int]] = defaultdict(list)
    found: dict[tuple[str, str], Candidate] = {}
    for i, (source, _) in enumerate(sides):
        for cand in candidates(source.text, source_lang, evidence):
            by_term[(cand.text, cand.kind)].append(i)
            found.setdefault((cand.text, cand.kind), cand)
    for term, indices in by_term.items():
        langs_seen = renderings[term]
        seen[term] = max(seen[term], len(indices))
        cand = found[term]
        pending = []
        for i in indices:
            source, target = sides[i]
            text = _direct(cand, source_lang, target)
            if text:
                langs_seen[lang].append(text)
            else:
                pending.append(i)
        if pending and len(indices) >= 2:  # one occurrence gives no co-occurrence evidence
            others = [sides[j][1] for j in range(len(sides)) if j not in set(indices)]
            size = len(words(cand.text))
            chosen = _cooccurring([sides[i][1] for i in pending], others, size, lang)
            langs_seen[lang].extend(chosen[k] for k in sorted(chosen))


def _direct(cand: Candidate, source_lang: str, target: LinkText) -> str | None:
    if cand.kind == "title":
        return _quoted_target(target)
    mention = NameMention(
        cand.text, cand.start, cand.end, "acronym" if cand.kind == "acronym" else "name"
    )
    match = match_name(mention, source_lang, target, [], DEFAULT_THRESHOLD)
    if match.status != "found" or match.how == "localised acronym":
        return None
    return target.text[match.start : match.end]
