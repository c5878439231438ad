"""Proper names and acronyms in a text, each with a kind that says how sure we are.

Kinds: `acronym` (UNEP, COVID-19), `code` (letters with digits: A320, CO2, G20), `brand`
(inner capitals as in iPhone, or Latin-script words in a non-Latin text), `person` (after a
title such as Mr/Dr/President, a surname the document introduced so, or a Russian word
pymorphy3 tags as a name), `name` (two or more capitalised words the document never writes in
lower case: people, but also places and shows) and `proper` (any other capitalised word:
places and organisations, often translated as exonyms). A sentence-initial capital is a name
only when the document capitalises the same word mid-sentence too; title-case headlines give
only acronyms, codes and known surnames.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from aligncheck._runtime.memo import per_release
from aligncheck.lang.data import load
from aligncheck.lang.frequency import listed
from aligncheck.lang.morph import Word, russian_analyzer, words

REPORTABLE = ("acronym", "code", "person", "brand", "name")

_SENTENCE_END = regex.compile(r"(?:^|[.!?…:;\n])[\s\p{Pi}\p{Pf}\p{Ps}\"'«»“”*_#>•–—-]*$")
_POSSESSIVE = regex.compile(r"['’]s?$")
_ROMAN = regex.compile(r"^[IVXLC]+$")
_ORDINAL_OR_UNIT = regex.compile(r"^\d+(?:st|nd|rd|th|s|am|pm|[a-z]{1,3})$", regex.IGNORECASE)
_WORDS = load("names.json")
_HONORIFICS = frozenset(_WORDS["honorifics"])
_TITLES = _HONORIFICS | frozenset(_WORDS["titles"])
_CONNECTORS = frozenset(_WORDS["connectors"])
_NOT_PERSONAL = frozenset(_WORDS["not_names"]) | frozenset(_WORDS["common_words"])
_COMMON_SUFFIX = regex.compile(
    r"(?:ment|ments|ity|ities|tion|tions|sion|ical|ness|ship|ogy|ism|ics|ive|ives|ural)$"
)


@dataclass(frozen=True)
class NameMention:
    text: str
    start: int
    end: int
    kind: str

    @property
    def reportable(self) -> bool:
        return self.kind in REPORTABLE


@dataclass(frozen=True)
class NameEvidence:
    """What the whole document says about its words: which are common, which are names."""

    lowercase: frozenset[str] = frozenset()
    capitalised: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()


def _is_title_case(word: str) -> bool:
    return (
        word[:1].isupper() and any(c.islower() for c in word[1:2] or "x") and not word[:1].isdigit()
    )


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() for c in letters) and not _ROMAN.match(word)


def _capitals_run(tokens: list[Word], i: int) -> bool:
    """Part of three or more upper-case words in a row: shouting, not acronyms."""
    first = max(0, i - 2)
    upper = [len(t.text) > 1 and t.text.isupper() for t in tokens[first : i + 3]]
    for start in range(i - first + 1):
        if start + 3 <= len(upper) and all(upper[start : start + 3]):
            return True
    return False


def _is_code(word: str) -> bool:
    return (
        any(c.isdigit() for c in word)
        and any(c.isupper() for c in word)
        and any(c.isalpha() for c in word)
        and not _ORDINAL_OR_UNIT.match(word)
    )


def sentence_initial(text: str, word: Word) -> bool:
    """Does the word start a sentence (or a line, a quotation, a list item)?"""
    return bool(_SENTENCE_END.search(text[max(0, word.start - 40) : word.start]))


def _sentence_initial(text: str, word: Word) -> bool:
    before = text[max(0, word.start - 40) : word.start]
    previous = words(before)
    if previous and previous[-1].text.lower() in _TITLES:
        return False
    return bool(_SENTENCE_END.search(before))


def _is_shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


@per_release
def _mostly_non_latin(text: str) -> bool:
    """Cached: asked once per name-like group about the whole text."""
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if c.isascii()) < 0.3 * len(letters)


def _russian_person(word: str) -> bool:
    analyzer = russian_analyzer()
    if analyzer is None:
        return False
    parse = analyzer.parse(word)[0]
    return parse.score >= 0.3 and bool({"Name", "Surn", "Patr"} & set(parse.tag.grammemes))


def document_evidence(texts: Iterable[str], lang: str) -> NameEvidence:
    """What the document's texts say about their words (cached: every name rule asks)."""
    return _document_evidence(tuple(texts), lang)


@per_release
def _document_evidence(texts: tuple[str, ...], lang: str) -> NameEvidence:
    lowercase, capitalised, surnames = set(), set(), set()
    for text in texts:
        for word in words(text):
            if word.text[:1].islower():
                lowercase.add(word.text)
            elif _is_title_case(word.text) and not _sentence_initial(text, word):
                capitalised.add(word.text)
    partial = NameEvidence(frozenset(lowercase), frozenset(capitalised))
    for text in texts:
        for name in extract_names(text, lang, partial):
            if name.kind == "person" and " " in name.text.strip():
                surnames.add(words(name.text)[-1].text)
    return NameEvidence(partial.lowercase, partial.capitalised, frozenset(surnames))


def name_like(word: str, evidence: NameEvidence) -> bool:
    """Could this capitalised word be (part of) a name? Not a word the document writes in
    lower case, nor a title, nor a word with an English common-noun suffix that English has
    (Sinovation, on no English word list, is a coined name)."""
    lower = strip_possessive(word.lower())
    return (
        lower not in _NOT_PERSONAL
        and lower not in _TITLES
        and lower not in evidence.lowercase
        and not (_COMMON_SUFFIX.search(lower) and listed(lower, "en") is not False)
    )


def extract_names(text: str, lang: str, evidence: NameEvidence | None = None) -> list[NameMention]:
    return list(_extract_names(text, lang, evidence or NameEvidence()))


@per_release
def _extract_names(text: str, lang: str, evidence: NameEvidence) -> tuple[NameMention, ...]:
    tokens = words(text)
    if _is_headline(tokens):
        return tuple(_headline_names(tokens, evidence))
    shouting = _is_shouting(text)
    found: list[NameMention] = []
    run: list[Word] = []
    run_start = [0]  # index in tokens of run[0]

    def close_run():
        if run:
            found.extend(_classify_run(text, tokens, run, lang, evidence, run_start[0]))
            run.clear()

    for i, word in enumerate(tokens):
        w = word.text
        if w.isupper() and len(w) > 1 and (shouting or _capitals_run(tokens, i)):
            close_run()
        elif _is_acronym(w) or _is_code(w) or _possessive_acronym(w):
            close_run()
            found.append(_acronym_or_code(word))
        elif _is_title_case(w) or (run and w in _CONNECTORS):
            if run and (text[run[-1].end : word.start].strip() or possessive(run[-1].text)):
                close_run()
            if not run:
                run_start[0] = i
            run.append(word)
        elif _is_mixed_case(w):
            close_run()
            found.append(NameMention(w, word.start, word.end, "brand"))
        else:
            close_run()
    close_run()
    return tuple(found)


def _is_headline(tokens: list[Word]) -> bool:
    """Title Case Like This: most longer words capitalised."""
    long_words = [
        w.text for w in tokens if len(w.text) > 3 and w.text.isalpha() and not _is_acronym(w.text)
    ]
    capitalised = sum(1 for w in long_words if w[:1].isupper())
    return capitalised >= 3 and capitalised >= 0.85 * len(long_words)


def _headline_names(tokens: list[Word], evidence: NameEvidence) -> list[NameMention]:
    found = []
    for word in tokens:
        w = word.text
        if _is_acronym(w) or _is_code(w) or _possessive_acronym(w):
            found.append(_acronym_or_code(word))
        elif _is_mixed_case(w):
            found.append(NameMention(w, word.start, word.end, "brand"))
        elif strip_possessive(w) in evidence.surnames:
            found.append(NameMention(w, word.start, word.end, "person"))
    return found


def _possessive_acronym(word: str) -> bool:
    """HBO's, NATO’s: an acronym with the English possessive."""
    bare = strip_possessive(word)
    return bare != word and _is_acronym(bare)


def _acronym_or_code(word: Word) -> NameMention:
    """The mention of an acronym (without its possessive) or a code."""
    if _possessive_acronym(word.text):
        bare = strip_possessive(word.text)
        return NameMention(bare, word.start, word.start + len(bare), "acronym")
    kind = "acronym" if _is_acronym(word.text) else "code"
    return NameMention(word.text, word.start, word.end, kind)


def strip_possessive(word: str) -> str:
    """The word without an English possessive ending (HBO's, Waters')."""
    return _POSSESSIVE.sub("", word)


def possessive(word: str) -> bool:
    """Does the word end with an English possessive?"""
    return strip_possessive(word) != word


def _is_mixed_case(word: str) -> bool:
    return word[:1].islower() and any(c.isupper() for c in word[1:]) and word.isalpha()


def _classify_run(
    text: str, tokens: list[Word], run: list[Word], lang: str, evidence: NameEvidence, index: int
) -> list[NameMention]:
    """`index`: where run[0] is in tokens (found by the caller: a search is linear)."""
    while run and run[-1].text in _CONNECTORS:
        run = run[:-1]
    first = run[0] if run else None
    if first and _sentence_initial(text, first) and first.text not in evidence.capitalised:
        run = run[1:]
        index += 1
    if not run:
        return []
    previous = tokens[index - 1].text.lower() if index > 0 else ""
    titled = "honorific" if previous in _HONORIFICS else "position" if previous in _TITLES else ""
    if titled and run[0].start - tokens[index - 1].end > 2:
        titled = ""
    mentions = []
    group: list[Word] = []
    for word in run + [None]:
        if word is not None and (name_like(word.text, evidence) or word.text in _CONNECTORS):
            group.append(word)
            continue
        if group:
            modifier = word is not None and word.text.lower() not in _TITLES
            mentions.append(_mention(text, group, lang, evidence, titled, modifier))
            group = []
        if word is not None and word.text.lower() not in _TITLES:
            mentions.append(NameMention(word.text, word.start, word.end, "proper"))
        titled = "position" if word is not None and word.text.lower() in _TITLES else ""
    return mentions


def _mention(
    text: str, group: list[Word], lang: str, evidence: NameEvidence, titled: str, modifier: bool
) -> NameMention:
    """A group of name-like words; one that modifies a following noun (Tehran Convention) is
    not a person."""
    start, end = group[0].start, group[-1].end
    end -= len(group[-1].text) - len(strip_possessive(group[-1].text))
    names = [w for w in group if w.text not in _CONNECTORS]
    if all(w.text.isascii() for w in names) and _mostly_non_latin(text):
        return NameMention(text[start:end], start, end, "brand")
    kind = "proper"
    surname = strip_possessive(names[-1].text) in evidence.surnames
    if not modifier and (titled == "honorific" or surname or titled and len(names) >= 2):
        kind = "person"
    elif not modifier and len(names) >= 2:
        kind = "name"
    if lang == "ru" and kind == "proper" and any(_russian_person(w.text) for w in names):
        kind = "person"
    return NameMention(text[start:end], start, end, kind)


_FUNCTION_WORDS = frozenset(_WORDS["function_words"])
_OPEN_BEFORE = regex.compile(r"[(\[]\s*$")
_EXPANSION_AFTER = regex.compile(r"^\s*[(\[]([^()\[\]]{3,150})[)\]]")


def spelled_out(text: str, mention: NameMention) -> bool:
    """Does `text` spell the acronym out right beside it, as "Global Environment Facility
    (GEF)" or "GEF (Global Environment Facility)"? Its initials must hold the acronym's
    letters in order, from the first."""
    letters = acronym_letters(mention.text)
    if len(letters) < 2:
        return False
    before = text[: mention.start]
    if _OPEN_BEFORE.search(before):
        preceding = words(_OPEN_BEFORE.sub("", before))[-(2 * len(letters) + 3) :]
        for i in range(len(preceding)):
            if _initials_spell([w.text for w in preceding[i:]], letters):
                return True
    after = _EXPANSION_AFTER.match(text[mention.end :])
    return bool(after and _initials_spell([w.text for w in words(after.group(1))], letters))


@per_release
def document_spells(texts: tuple[str, ...], acronym: str) -> bool:
    """Does any of the texts write lower-case words whose initials are exactly the acronym's
    two or more letters (artificial intelligence for AI), function words aside? A common-noun
    expansion, which translations render in their own words."""
    letters = acronym_letters(acronym)
    n = len(letters)
    if n < 2:
        return False
    for text in texts:
        content = [w.text for w in words(text) if w.text.lower() not in _FUNCTION_WORDS]
        initials = "".join(w[:1].lower() for w in content)
        at = initials.find("".join(letters))
        while at >= 0:
            if all(w.islower() for w in content[at : at + n]):
                return True
            at = initials.find("".join(letters), at + 1)
    return False


def acronym_letters(acronym: str) -> list[str]:
    return [c.lower() for c in acronym.split("-")[0] if c.isalpha()]


def capitalised_expansions(text: str, letters: list[str], whole: bool = False) -> list[list[Word]]:
    """Runs of capitalised words in the text whose initials are exactly the acronym's two or
    more letters, function words aside (AMLO: Andres Manuel Lopez Obrador; EU: European
    Union). `whole`: only runs that are not part of a longer capitalised name (not the
    United Nations of United Nations General Assembly)."""
    n = len(letters)
    if n < 2:
        return []
    tokens = words(text)
    content = [i for i, w in enumerate(tokens) if w.text.lower() not in _FUNCTION_WORDS]
    capital = [tokens[i].text[:1].isupper() and not tokens[i].text.isupper() for i in content]
    found = []
    for j in range(len(content) - n + 1):
        if (
            all(capital[j : j + n])
            and [tokens[content[k]].text[:1].lower() for k in range(j, j + n)] == letters
        ):
            if whole and (
                (j > 0 and capital[j - 1] and content[j - 1] == content[j] - 1)
                or (
                    j + n < len(content)
                    and capital[j + n]
                    and content[j + n] == content[j + n - 1] + 1
                )
            ):
                continue
            found.append([tokens[content[k]] for k in range(j, j + n)])
    return found


def _initials_spell(group: list[str], letters: list[str]) -> bool:
    content = [w for w in group if w.lower() not in _FUNCTION_WORDS]
    if not content or not (len(letters) - 1 <= len(content) <= len(letters) + 2):
        return False
    if content[0][:1].lower() != letters[0]:
        return False
    initials = "".join(w[:1].lower() for w in content)
    rest = iter(initials + "".join(w[1:].lower() for w in content))
    return (
        all(c in rest for c in letters) and sum(c in letters for c in initials) >= len(letters) - 1
    )


# English expansions of acronyms that translations often render in words of their own where
# another version keeps the letters: common nouns (roles, devices, technologies, substances) and
# widely known bodies. Words of an expansion that other languages borrow (diode, television,
# director, federal, bureau) show it rendered: NA02 looks for them.
KNOWN_EXPANSIONS: dict[str, tuple[str, ...]] = {
    acronym: tuple(found) for acronym, found in _WORDS["known_expansions"].items()
}


def known_expansions(acronym: str) -> tuple[str, ...]:
    """English expansions of a commonly translated acronym (CEO, LED, FBI), or ()."""
    return KNOWN_EXPANSIONS.get(_PLURAL_END.sub("", acronym), ())


_PLURAL_END = regex.compile(r"(?<=\p{Lu})['’]?s$")


def document_expansions(paragraphs: Sequence[str], acronym: str) -> list[list[Word]]:
    """Where the document, in these paragraphs (the acronym's own and those before it), spells
    the acronym out: the words beside it in brackets (MWPs (Member of the Welsh Parliament)),
    or capitalised words whose initials are its three or more letters (Andres Manuel Lopez
    Obrador for AMLO). A translation may render the acronym by its expansion."""
    letters = acronym_letters(acronym)
    if len(letters) < 2:
        return []
    pattern = regex.compile(
        r"(?<![\p{L}\p{N}])" + regex.escape(acronym) + r"(?:['’]?s)?(?![\p{L}\p{N}])"
    )
    found = []
    for text in paragraphs:
        for m in pattern.finditer(text):
            after = _EXPANSION_AFTER.match(text[m.end() :])
            if after and _initials_spell([w.text for w in words(after.group(1))], letters):
                found.append(words(after.group(1)))
            before = text[: m.start()]
            if _OPEN_BEFORE.search(before):
                preceding = words(_OPEN_BEFORE.sub("", before))[-(2 * len(letters) + 3) :]
                for i in range(len(preceding)):
                    if _initials_spell([w.text for w in preceding[i:]], letters):
                        found.append(preceding[i:])
                        break
        if len(letters) >= 3:
            found += capitalised_expansions(text, letters)
    return found


def function_word(word: str) -> bool:
    return word.lower() in _FUNCTION_WORDS
