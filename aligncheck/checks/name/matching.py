"""Is a source name rendered in the aligned target? Glossary, literal, then transliteration."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from aligncheck.extract.names import (
    NameEvidence,
    NameMention,
    document_evidence,
    extract_names,
)
from aligncheck.glossary.common import common_glossary
from aligncheck.glossary.find import LinkText, occurrences
from aligncheck.glossary.model import Entry, Glossary, base_lang
from aligncheck.morph import Phrase, words
from aligncheck.translit import find_name, find_word, key

DEFAULT_THRESHOLD = 0.8


@dataclass(frozen=True)
class NameMatch:
    mention: NameMention
    status: str  # "found", "missing", "glossary" (a project glossary rules on it)
    start: int = -1
    end: int = -1
    how: str = ""


def evidence_for(source: LinkText | list[str], lang: str) -> NameEvidence:
    return document_evidence(source, base_lang(lang))


def _glossary_entries(mention: NameMention, lang: str, glossaries) -> list[tuple[Entry, bool]]:
    """Entries naming `mention` in `lang`; True for project glossaries, False for built-in."""
    found = [(entry, True) for glossary in glossaries or () for entry in _naming(glossary, mention.text, lang)]
    return found + [(entry, False) for entry in _common_naming(mention.text, lang)]


def _naming(glossary: Glossary, text: str, lang: str) -> list[Entry]:
    return [entry for entry in glossary.entries
            if any(Phrase(v, lang, entry.case_sensitive(v)).find(text) and
                   len(words(v)) == len(words(text)) for v in entry.variants(lang))]


@lru_cache(maxsize=16384)
def _common_naming(text: str, lang: str) -> tuple[Entry, ...]:
    """The built-in glossary never changes: its entries for a name are looked up once."""
    return tuple(_naming(common_glossary(), text, lang))


def match_name(mention: NameMention, source_lang: str, target: LinkText,
               glossaries: list[Glossary] | None, threshold: float,
               aliases: dict[str, set[str]] | None = None) -> NameMatch:
    """`aliases` (source word key -> target word keys) are spellings this target version used
    next to an already matched name word; new ones are added to it."""
    source_lang = base_lang(source_lang)
    governed = False
    for entry, project in _glossary_entries(mention, source_lang, glossaries):
        hits = occurrences(entry, target)
        if hits:
            return NameMatch(mention, "found", hits[0].start, hits[0].end, "glossary")
        governed = governed or (project and bool(entry.variants(target.lang)))
    literal = _literal(mention.text, target, case=mention.kind != "acronym")
    if literal:
        return NameMatch(mention, "found", *literal, "literal")
    tokens = target.tokens
    if mention.kind in ("acronym", "code"):
        tokens = [t for t in tokens if t.text[:1].isupper()]
    hit = find_name(mention.text, source_lang, target.text, target.lang, threshold, tokens,
                    aliases=aliases, learned=aliases)
    if hit is None and len(words(mention.text)) > 1:
        hit = _joined(mention.text, source_lang, target, threshold)
    if hit is not None:
        return NameMatch(mention, "found", hit.start, hit.end, "transliteration")
    localised = _localised_acronym(mention, target) if mention.kind == "acronym" else None
    if localised:
        return NameMatch(mention, "found", *localised, "localised acronym")
    return NameMatch(mention, "glossary" if governed else "missing")


def _localised_acronym(mention: NameMention, target: LinkText) -> tuple[int, int] | None:
    """An upper-case target word in letters the source acronym does not use (FBI = ФБР,
    SCIS = ŞMMŞ): a localised form no glossary lists, accepted rather than reported."""
    if not mention.text.isascii():
        return None
    for token in target.tokens:
        letters = [c for c in token.text.split("-")[0] if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters) and not token.text.isascii():
            return token.start, token.end
    return None


def _literal(name: str, target: LinkText, case: bool = True) -> tuple[int, int] | None:
    """The name as written (any case unless `case` is False), not inside an address."""
    hit = _literal_pattern(name, case).search(target.text)
    return (hit.start(), hit.end()) if hit else None


@lru_cache(maxsize=4096)
def _literal_pattern(name: str, case: bool) -> regex.Pattern:
    pattern = r"(?<![\p{L}\p{N}@./])" + regex.escape(name) + r"(?![\p{L}\p{N}@]|\.\w)"
    return regex.compile(pattern, regex.IGNORECASE if case else 0)


def _joined(name: str, lang: str, target: LinkText, threshold: float):
    """A multi-word name written as one word in the target (Hong Kong = Гонконг)."""
    joined = "".join(w.text for w in words(name))
    size = len(key(joined, lang))
    long_enough = [t for t in target.tokens if t.text[:1].isupper()
                   and len(key(t.text, target.lang)) >= 0.7 * size]
    return find_word(joined, lang, long_enough, target.lang, threshold)


def name_mentions(source: LinkText, evidence: NameEvidence) -> list[NameMention]:
    return extract_names(source.text, source.lang, evidence)


def closest(mention: NameMention, source_lang: str, target: LinkText) -> str | None:
    """Capitalised target words that look most like the name (with their capitalised
    neighbours: a changed surname shows next to a kept first name), to quote in a finding."""
    capitalised = [t for t in target.tokens if t.text[:1].isupper()]
    hit = find_name(mention.text, base_lang(source_lang), target.text, target.lang, 0.7,
                    capitalised, need_last=False)
    if hit is None:
        return None
    start, end = hit.start, hit.end
    for token in capitalised:
        if token.start > end and not target.text[end:token.start].strip():
            end = token.end
        if token.end < start and not target.text[token.end:start].strip():
            start = token.start
    return target.text[start:end]


def name_key(text: str, lang: str) -> str:
    return "".join(key(w.text, lang) for w in words(text))
