"""Is a source name rendered in the aligned target? Glossary, literal, then transliteration."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

import regex
from rapidfuzz.distance import Indel

from aligncheck._runtime.memo import per_release
from aligncheck.extract.literal import find_literal
from aligncheck.extract.names import (
    NameEvidence,
    NameMention,
    document_evidence,
    extract_names,
    name_like,
    sentence_initial,
    strip_possessive,
)
from aligncheck.glossary.builtin import common_glossary
from aligncheck.glossary.entries import Entry, Glossary, base_lang
from aligncheck.glossary.find import LinkText, occurrences
from aligncheck.lang.cldr_names import calendar_names, concepts_in
from aligncheck.lang.frequency import zipf
from aligncheck.lang.morph import Phrase, lower, words
from aligncheck.lang.translit import (
    CAPITAL_BONUS,
    NameHit,
    capitalised_texts,
    find_name,
    find_word,
    key,
    token_containing,
    token_score,
)

DEFAULT_THRESHOLD = 0.8
# The config key of every rule that matches names (NA01, NA02, CO01): one default, one help.
NAME_MATCH_CONFIG = {
    "name_match_threshold": (
        DEFAULT_THRESHOLD,
        "similarity (0-1) of transliteration keys at which two names match",
    )
}


@dataclass(frozen=True)
class NameMatch:
    mention: NameMention
    status: str  # "found", "missing", "glossary" (a project glossary rules on it)
    start: int = -1
    end: int = -1
    how: str = ""


def evidence_for(source: LinkText | list[str], lang: str) -> NameEvidence:
    return document_evidence(source, base_lang(lang))


def evidence_across(pairs, threshold: float = DEFAULT_THRESHOLD) -> NameEvidence:
    """The source document's evidence, plus the single words it capitalises only at the start
    of a sentence (Europe, Trump, where it writes them nowhere else) that most target versions,
    two or more, write as a name where they are linked: a capitalised transliteration that
    no other capitalised word of the source spells as well (Кристи is Christie's, not Credit's
    in "Credit to Ayr", said Robyn Christie). The first word of a longer run stays as the
    document says (Kim of Kim Jong Un). Each word is tried once per link and version."""
    source = pairs[0].source
    lang = base_lang(source.lang)
    base = evidence_for([s.prose for s in source.segments], lang)
    if len(pairs) < 2:
        return base
    calendar = calendar_names(lang)
    votes: dict[str, set[int]] = {}
    for n, ctx in enumerate(pairs):
        for link in ctx.links:
            if not link.source or not link.target:
                continue
            src = LinkText(ctx.source, link.source)
            tgt: LinkText | None = None
            tokens = src.tokens
            tried: set[str] = set()
            for k, word in enumerate(tokens):
                text = word.text
                after = tokens[k + 1] if k + 1 < len(tokens) else None
                if (
                    not (text[:1].isupper() and text[1:].islower())
                    or after is not None
                    and after.text[:1].isupper()
                    and src.text[word.end : after.start] == " "
                    or len(text) < 3
                    or text in base.capitalised
                    or text.lower() in calendar
                    or n in votes.get(text, ())
                    or text in tried
                    or not name_like(text, base)
                    or not sentence_initial(src.text, word)
                ):
                    continue
                tried.add(text)
                tgt = tgt or LinkText(ctx.target, link.target)
                hit = find_word(text, lang, tgt.tokens, tgt.lang, threshold)
                if hit and hit.text[:1].isupper() and not _claimed_by_other(hit, word, src, tgt):
                    votes.setdefault(text, set()).add(n)
    agreed = {w for w, v in votes.items() if len(v) >= 2 and 2 * len(v) > len(pairs)}
    if not agreed:
        return base
    return NameEvidence(base.lowercase, base.capitalised | agreed, base.surnames)


def _claimed_by_other(hit: NameHit, word, src: LinkText, tgt: LinkText) -> bool:
    """Does another capitalised source word of the link spell the hit at least as well?"""
    lang = base_lang(src.lang)
    for other in src.tokens:
        if other.start == word.start or not other.text[:1].isupper() or other.text == word.text:
            continue
        score = token_score(key(other.text, lang), lang, hit.text, tgt.lang) + CAPITAL_BONUS
        if min(1.0, score) >= hit.score:  # the hit's score has the capital's bonus too
            return True
    return False


def glossary_entries(mention: NameMention, lang: str, glossaries) -> list[tuple[Entry, bool]]:
    """Entries naming `mention` in `lang`; True for project glossaries, False for built-in."""
    found = [
        (entry, True)
        for glossary in glossaries or ()
        for entry in _naming(glossary, mention.text, lang)
    ]
    return found + [(entry, False) for entry in _common_naming(mention.text, lang)]


def _naming(glossary: Glossary, text: str, lang: str) -> list[Entry]:
    return [
        entry
        for entry in glossary.found_in([text], lang)
        if any(
            Phrase(v, lang, entry.case_sensitive(v)).find(text)
            and len(words(v)) == len(words(text))
            for v in entry.variants(lang)
        )
    ]


@per_release
def cldr_concepts(text: str, lang: str) -> tuple[tuple[int, int, str], ...]:
    """CLDR names (countries, languages, currencies, cities) in `text`, once per release."""
    return _cldr_concepts(text, base_lang(lang))


@per_release
def _cldr_concepts(text: str, lang: str) -> tuple[tuple[int, int, str], ...]:
    return tuple(concepts_in(text, lang))


def cldr_rendering(name: str, lang: str, target: str, target_lang: str) -> tuple[int, int] | None:
    """Where `target` names what CLDR knows `name` (the whole of it) to be: Germany in
    Германии, Almaniýada. None when `name` is no CLDR name or the target does not write it."""
    whole = (0, len(name))
    wanted = {cid for start, end, cid in cldr_concepts(name, lang) if (start, end) == whole}
    if not wanted:
        return None
    for start, end, cid in cldr_concepts(target, target_lang):
        if cid in wanted:
            return start, end
    return None


@per_release
def _common_naming(text: str, lang: str) -> tuple[Entry, ...]:
    """The built-in glossary never changes: its entries for a name are looked up once."""
    return tuple(_naming(common_glossary(), text, lang))


def match_name(
    mention: NameMention,
    source_lang: str,
    target: LinkText,
    glossaries: list[Glossary] | None,
    threshold: float,
    aliases: dict[str, set[str]] | None = None,
    source_text: str | None = None,
    source_document: str | None = None,
) -> NameMatch:
    """`aliases` (source word key -> target word keys) are spellings this target version used
    next to an already matched name word; new ones are added to it. `source_text` (the source
    side of the link) keeps a localised acronym from being one the source writes itself."""
    source_lang = base_lang(source_lang)
    governed = listed = False
    for entry, project in glossary_entries(mention, source_lang, glossaries):
        hits = _occurrences(entry, target)
        if hits:
            return NameMatch(mention, "found", hits[0].start, hits[0].end, "glossary")
        listed = listed or bool(entry.variants(target.lang))
        governed = governed or (project and bool(entry.variants(target.lang)))
    literal = _literal(mention.text, target, case=mention.kind != "acronym")
    if literal:
        return NameMatch(mention, "found", *literal, "literal")
    named = cldr_rendering(mention.text, source_lang, target.text, target.lang)
    if named:
        return NameMatch(mention, "found", *named, "CLDR")
    if mention.kind == "acronym":
        hit = _acronym(mention.text, source_lang, target, threshold)
        if hit is not None:
            return NameMatch(mention, "found", hit[0], hit[1], "transliteration")
        if not listed:
            localised = _localised_acronym(
                mention, target, glossaries, source_text, source_document
            )
            if localised:
                return NameMatch(mention, "found", *localised, "localised acronym")
        elif not governed:
            sister = _sister_form(mention, source_lang, target)
            if sister:
                return NameMatch(mention, "found", *sister, "sister form")
        return NameMatch(mention, "glossary" if governed else "missing")
    tokens = target.tokens
    if mention.kind == "code":
        tokens = [t for t in tokens if t.text[:1].isupper()]
    hit = find_name(
        mention.text,
        source_lang,
        target.text,
        target.lang,
        threshold,
        tokens,
        aliases=aliases,
        learned=aliases,
    )
    if (
        hit is not None
        and mention.kind in ("person", "name")
        and not _enough_words(mention.text, hit, target, source_lang)
    ):
        first = hit
        hit = _full_name_elsewhere(
            mention.text, source_lang, target, threshold, tokens, hit, aliases
        )
        if (
            hit is None
            and not common_head(mention, source_lang)
            and _surname_kept(mention.text, source_lang, source_text, target, threshold)
        ):
            hit = first
    if hit is None and len(words(mention.text)) > 1 and mention.kind != "person":
        hit = _joined(mention.text, source_lang, target, threshold)
    if hit is not None:
        return NameMatch(mention, "found", hit.start, hit.end, "transliteration")
    return NameMatch(mention, "glossary" if governed else "missing")


def _full_name_elsewhere(
    name: str, lang: str, target: LinkText, threshold: float, tokens, hit: NameHit, aliases
) -> NameHit | None:
    """The surname first found stands alone (Father Johnson's ... David Johnson): look for the
    full name past that place, a few times, so a later full rendering is not overlooked. Only
    two or more of its words side by side count there, not a surname beside another name."""
    for _ in range(3):
        tokens = [t for t in tokens if not (t.start < hit.end and hit.start < t.end)]
        hit = find_name(name, lang, target.text, target.lang, threshold, tokens, aliases=aliases)
        if hit is None:
            return None
        if len(words(hit.text)) >= 2 and len(hit.text) <= 2 * len(name):
            return hit
    return None


def _sister_form(
    mention: NameMention, source_lang: str, target: LinkText
) -> tuple[int, int] | None:
    """The acronym as the built-in list writes it for another language in the target's
    script (AB, the Turkish EU, in an Azerbaijani text): a neighbour's established form,
    not a loss. The built-in list is no project ruling; a project glossary's is."""
    return next(_sister_spans(mention, source_lang, target), None)


def _sister_spans(mention: NameMention, source_lang: str, target: LinkText):
    latin = _latin_script(target.text)
    for entry in _common_naming(mention.text, source_lang):
        for lang, variants in entry.terms.items():
            if lang == base_lang(target.lang):
                continue
            for v in variants:
                if len(v) >= 2 and v.isupper() and v != mention.text and _latin_script(v) == latin:
                    for m in _literal_pattern(v, False).finditer(target.text):
                        yield m.start(), m.end()


def sister_expansion(
    mention: NameMention, source_lang: str, target: LinkText
) -> tuple[int, int] | None:
    """The acronym's expansion as the built-in list writes it for another language in the
    target's script, spelled the target's way (Avropa Birliyi for the Turkish Avrupa
    Birliği, in an Azerbaijani text): every word of it, in order, matched by transliteration
    (case endings allowed)."""
    latin = _latin_script(target.text)
    tokens = target.tokens
    for entry in _common_naming(mention.text, base_lang(source_lang)):
        for lang, variants in entry.terms.items():
            if lang == base_lang(target.lang):
                continue
            for v in variants:
                parts = [w.text for w in words(v)]
                if len(parts) < 2 or v.isupper() or _latin_script(v) != latin:
                    continue
                keys = [key(p, lang) for p in parts]
                for i in range(len(tokens) - len(parts) + 1):
                    window = tokens[i : i + len(parts)]
                    if all(
                        token_score(k, lang, t.text, target.lang) >= DEFAULT_THRESHOLD
                        for k, t in zip(keys, window)
                    ) and not any(
                        target.text[a.end : b.start].strip() for a, b in zip(window, window[1:])
                    ):
                        return window[0].start, window[-1].end
    return None


def initials_run(target: LinkText, letters: str) -> tuple[int, int] | None:
    """Words of the target, the first capitalised, whose initials spell `letters` (an upper-case
    form the version uses elsewhere: Федералды тергеу бюросы for its ФТБ), with nothing but
    spaces or hyphens between them: the form written out."""
    letters = lower(letters, target.lang)
    n = len(letters)
    if n < 2:
        return None
    tokens = target.tokens
    for i in range(len(tokens) - n + 1):
        window = tokens[i : i + n]
        if not window[0].text[:1].isupper() or window[0].text.isupper():
            continue
        if "".join(lower(t.text[:1], target.lang) for t in window) == letters and not any(
            target.text[a.end : b.start].strip(" -") for a, b in zip(window, window[1:])
        ):
            return window[0].start, window[-1].end
    return None


def glossary_lists(mention: NameMention, source_lang: str, target_lang: str, glossaries) -> bool:
    """Does a glossary (a project's or the built-in one) give the name's rendering in the
    target language? Then its expansions' renderings are countable too (Евросоюз for EU)."""
    return any(
        entry.variants(target_lang)
        for entry, _ in glossary_entries(mention, base_lang(source_lang), glossaries)
    )


def acronym_renderings(
    mention: NameMention,
    source_lang: str,
    target: LinkText,
    glossaries: list[Glossary] | None,
    source_text: str | None = None,
    source_document: str | None = None,
) -> list[int]:
    """Where the target renders the acronym (kept, transliterated, as a glossary gives it or,
    when no glossary lists it and `source_text` is given, localised): a paragraph that names
    it twice should render it twice."""
    source_lang = base_lang(source_lang)
    entries = glossary_entries(mention, source_lang, glossaries)
    starts = {hit.start for entry, _ in entries for hit in occurrences(entry, target)}
    starts |= {m.start() for m in _literal_pattern(mention.text, False).finditer(target.text)}
    starts |= {
        start for start, _ in _acronym_spans(mention.text, source_lang, target, DEFAULT_THRESHOLD)
    }
    if source_text is not None and not any(entry.variants(target.lang) for entry, _ in entries):
        starts |= {
            start
            for _, start, _ in _localised_spans(
                mention, target, glossaries, source_text, source_document
            )
        }
    elif not any(project and entry.variants(target.lang) for entry, project in entries):
        starts |= {start for start, _ in _sister_spans(mention, source_lang, target)}
    return sorted(starts)


_SENTENCE_BREAK = regex.compile(r"[.!?;]\s")


def _enough_words(name: str, hit: NameHit, target: LinkText, lang: str) -> bool:
    """A personal name of two or more words is there when its surname and one more word are:
    a surname left over from a later mention (said Fleischer) is not the full name. The other
    word may be loosely spelled (Webb = Уэбб) when it stands right beside the surname."""
    parts = [w.text for w in words(name) if w.text[:1].isupper()]
    if len(parts) < 2:
        return True
    if len(words(hit.text)) >= 2:
        return not _SENTENCE_BREAK.search(hit.text)  # words of two sentences are not one name
    tokens = target.tokens
    at = token_containing(tokens, hit.start, lang, target.lang)
    if at is None:
        return False
    for j in (at - 1, at + 1):
        if not 0 <= j < len(tokens) or not tokens[j].text[:1].isupper():
            continue
        between = target.text[min(tokens[j].end, hit.end) : max(tokens[j].start, hit.start)]
        if between.strip(" -"):
            continue
        other = key(tokens[j].text, target.lang)
        for part in parts[:-1]:
            own = key(part, lang)
            if (
                own
                and other
                and (
                    own[0] == other[0]
                    or {own[0], other[0]} <= set("uv")
                    or token_score(own, lang, tokens[j].text, target.lang) >= 0.5
                )
            ):
                return True
    return False


def common_head(mention: NameMention, lang: str) -> bool:
    """A name (not known as a person's) whose last word is a common word of the language and
    whose earlier words are on no word list (Wesbanco Arena, Sinovation Ventures): the coined
    words are the name, so the head noun alone does not stand for it as a surname does."""
    if mention.kind != "name":
        return False
    *first, last = [strip_possessive(w.text) for w in words(mention.text)]
    head = zipf(last, lang)
    return bool(head) and any(zipf(w, lang) == 0.0 for w in first)


def naming_words(mention: NameMention, lang: str) -> NameMention:
    """The words that name it: a coined name without its common head (Wesbanco of Wesbanco
    Arena), any other name whole. What its renderings are looked for by."""
    if not common_head(mention, lang):
        return mention
    head = words(mention.text)[-1]
    end = mention.start + len(mention.text[: head.start].rstrip(" -"))
    return NameMention(mention.text[: end - mention.start], mention.start, end, mention.kind)


def _surname_kept(
    name: str, lang: str, source_text: str | None, target: LinkText, threshold: float
) -> bool:
    """Only the surname of a full name is there: a translation that drops the first name
    (Donald Trump = Трамп) writes the surname as often as the source does; a full name
    replaced by another leaves one occurrence fewer (Ari Fleischer ... said Fleischer).
    Both sides are counted with the same test, so a surname the source writes otherwise
    (Macpherson ... MacPherson) or a like-sounding other name (Wade, Wayde) counts on both."""
    if not source_text:
        return True
    rivals = capitalised_keys(source_text, lang)
    return surname_count(name, lang, target, threshold, rivals) >= surname_count(
        name, lang, _Plain(source_text, lang), threshold, rivals
    )


@per_release
def capitalised_keys(text: str, lang: str) -> frozenset[str]:
    """Keys of the text's capitalised words: rivals when counting one name's renderings."""
    return frozenset(key(w.text, lang) for w in words(text) if w.text[:1].isupper())


def surname_count(
    name: str, lang: str, side, threshold: float, rivals: frozenset[str] = frozenset()
) -> int:
    """Capitalised words of `side` (a LinkText, or any object with text and lang) that
    render the name's last word. `rivals`: keys of the source's other capitalised words; a
    word that one of them matches better is theirs (Wayde-iň is Wayde's, not Wade's)."""
    own = key(_strip(words(name)[-1].text), lang)
    tokens = side.tokens if isinstance(side, LinkText) else words(side.text)
    side_lang = side.lang
    count = 0
    for text, times in capitalised_texts(tokens, lang, side_lang).items():
        score = token_score(own, lang, text, side_lang)
        if score + CAPITAL_BONUS >= threshold and all(
            token_score(r, lang, text, side_lang) <= score for r in rivals if r != own
        ):
            count += times
    return count


_POSSESSIVE_END = regex.compile(r"['’]s?$")


def _strip(word: str) -> str:
    return _POSSESSIVE_END.sub("", word)


# How English letter names are written out (CNN = Си-эн-эн, BBC = Би-би-си), as keys.
_LETTER_NAMES = {
    "a": "ei",
    "b": "bi",
    "c": "si",
    "d": "di",
    "e": "i",
    "f": "ef",
    "g": "ji",
    "h": "eich",
    "i": "ai",
    "j": "jei",
    "k": "kei",
    "l": "el",
    "m": "em",
    "n": "en",
    "o": "o",
    "p": "pi",
    "q": "ku",
    "r": "ar",
    "s": "es",
    "t": "ti",
    "u": "u",
    "v": "vi",
    "w": "dablu",
    "x": "eks",
    "y": "uai",
    "z": "zi",
}


_STEM_END = regex.compile(r"[-'’]")


def acronym_stem(token: str) -> str:
    """An upper-case token without the suffix after its apostrophe or hyphen (NATO'ya,
    НАТО-ның, CNN-in)."""
    return _STEM_END.split(token, maxsplit=1)[0]


def _acronym(text: str, lang: str, target: LinkText, threshold: float) -> tuple[int, int] | None:
    """An acronym transliterated letter for letter (UNEP = ЮНЕП, NATO = НАТО), or spelled by
    letter names (CNN = Си-эн-эн): an upper-case target word of about the same key, not any
    capitalised word that shares a part (NBC is not MSNBC)."""
    return next(_acronym_spans(text, lang, target, threshold), None)


def _acronym_spans(text: str, lang: str, target: LinkText, threshold: float):
    if "-" in text:  # KSWB-TV written KSWB
        head = text.split("-")[0]
        if sum(c.isalpha() for c in head) >= 3:
            hit = _literal(head, target, case=False)
            if hit:
                yield hit
            yield from _acronym_spans(head, lang, target, threshold)
    own = key(text, lang)
    spelled = "".join(_LETTER_NAMES.get(c, c) for c in text.lower() if c.isalpha())
    # JAY-Z = Джей-Зи: a part with a vowel read as a word, a single letter by its name
    read = "".join(
        key(
            part
            if len(part) >= 3 and regex.search(r"[AEIOUY]", part)
            else "".join(_LETTER_NAMES.get(c, c) for c in part.lower() if c.isalpha()),
            lang,
        )
        for part in text.split("-")
    )
    for token in target.tokens:
        stem = acronym_stem(token.text)
        letters = [c for c in stem if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            other = key(stem, target.lang)
            if other and (
                other == own
                or len(own) >= 4
                and abs(len(own) - len(other)) <= 1
                and Indel.normalized_similarity(own, other) >= max(threshold, 0.85)
            ):
                yield token.start, token.start + len(stem)
        elif token.text[:1].isupper() and "-" in token.text:
            other = key(token.text, target.lang)
            if (
                len(spelled) >= 4
                and Indel.normalized_similarity(spelled, other) >= threshold
                or "-" in text
                and Indel.normalized_similarity(read, other) >= threshold
            ):
                yield token.start, token.end


def _letters(text: str) -> str:
    return "".join(c for c in text.split("-")[0] if c.isalpha())


def _localised_acronym(
    mention: NameMention,
    target: LinkText,
    glossaries=None,
    source_text: str | None = None,
    source_document: str | None = None,
) -> tuple[int, int] | None:
    """An upper-case target word in other letters than the source acronym, of about its
    length (FBI = ФБР, SCIS = ŞMMŞ, AI = YZ): a localised form no glossary lists, accepted
    rather than reported. Not one a glossary gives for another term (ЕС is EU's), nor one
    the source writes itself (another acronym kept)."""
    best = min(
        _localised_spans(mention, target, glossaries, source_text, source_document), default=None
    )
    return best[1:] if best else None


def _localised_spans(
    mention: NameMention,
    target: LinkText,
    glossaries=None,
    source_text: str | None = None,
    source_document: str | None = None,
):
    """(length difference, start, end) of every acceptable localised form in the target. A
    Latin one the source document writes itself (CBS) is that acronym, not a localisation."""
    if not mention.text.isascii():
        return
    own = "".join(c for c in mention.text if c.isalpha()).upper()
    others = _other_renderings(target.lang, glossaries)
    claimed = _claimed(mention.text, source_text, target) if source_text else set()
    tokens = target.tokens
    upper = [_upper_word(t.text) for t in tokens]
    for i, token in enumerate(tokens):
        if not upper[i] or _shouted(upper, i) or token.start in claimed:
            continue
        candidates = [(token, token, _letters(token.text), True)]
        if (
            i + 1 < len(tokens)
            and upper[i + 1]
            and not target.text[token.end : tokens[i + 1].start].strip()
        ):
            after = tokens[i + 1]  # a two-word form (UNOPS = БҰҰ ЖҚБ)
            candidates.append((token, after, _letters(token.text) + _letters(after.text), False))
        for first, last, letters, single in candidates:
            if letters == own or abs(len(letters) - len(own)) > 1:
                continue
            if letters.isascii() and not _latin_script(target.text):
                continue  # a Latin acronym in a Cyrillic text is kept, not localised
            if single and lower(letters, target.lang) in others:
                continue  # a glossary's rendering of another term (ЕС is EU's)
            if source_text and _literal(letters, _Plain(source_text), case=False):
                continue
            if (
                letters.isascii()
                and source_document
                and _literal(letters, _Plain(source_document), case=False)
            ):
                continue
            if (
                not letters.isascii()
                and source_document
                and _spells_other(letters, target.lang, mention.text, source_document)
            ):
                continue  # another acronym of the document transliterated (АМЛО is AMLO's)
            yield abs(len(letters) - len(own)), first.start, last.end


def _spells_other(letters: str, lang: str, acronym: str, document: str) -> bool:
    """Is the upper-case target word a transliteration of another acronym the source document
    writes (АМЛО for AMLO)? Then it renders that one, not a localisation of `acronym`."""
    other = key(letters, lang)
    return any(key(a, "en") == other for a in _document_acronyms(document) if a != acronym)


@per_release
def _document_acronyms(document: str) -> frozenset[str]:
    return frozenset(
        t
        for t in (_ACRONYM_ENDING.sub("", w.text) for w in words(document))
        if len(t) >= 2 and t.isupper() and t.isalpha()
    )


def _latin_script(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters) > len(letters) / 2


def _upper_word(text: str) -> bool:
    """An upper-case word, or one whose capitals are initials spelled with a digraph
    (ДжИ for JE: each lower-case letter follows a capital)."""
    letters = _letters(text)
    if len(letters) < 2 or not letters[0].isupper():
        return False
    capitals = sum(c.isupper() for c in letters)
    return (
        capitals == len(letters)
        or capitals >= 2
        and all(c.isupper() or letters[i - 1].isupper() for i, c in enumerate(letters))
    )


_ACRONYM_ENDING = regex.compile(r"(?<=\p{Lu})(?:['’]?s['’]?|['’])$")


def _claimed(acronym: str, source_text: str, target: LinkText) -> set[int]:
    """Starts of target words that render the source's other acronyms."""
    claimed = set()
    for word in words(source_text):
        text = _ACRONYM_ENDING.sub("", word.text)  # WMPs, TV's
        if text != acronym and len(text) >= 2 and text.isupper():
            hit = _literal(text, target, case=False) or _acronym(
                text, "en", target, DEFAULT_THRESHOLD
            )
            if hit:
                claimed.add(hit[0])
    return claimed


def _shouted(upper: list[bool], i: int) -> bool:
    """Part of three or more upper-case words in a row: shouting, not an acronym."""
    return any(
        start >= 0 and start + 3 <= len(upper) and all(upper[start : start + 3])
        for start in range(i - 2, i + 1)
    )


@dataclass(frozen=True)
class _Plain:
    text: str
    lang: str = ""


def _other_renderings(lang: str, glossaries) -> frozenset[str]:
    """Upper-case renderings (lower-cased) that glossaries give in `lang` for any term."""
    found = set(_common_renderings(lang))
    for glossary in glossaries or ():
        found |= glossary.upper_renderings(lang)
    return frozenset(found)


@lru_cache(maxsize=32)  # static: the built-in glossary
def _common_renderings(lang: str) -> frozenset[str]:
    return frozenset(
        lower(v, lang)
        for entry in common_glossary().entries
        for v in entry.variants(lang)
        if len(v) > 1 and v.isupper()
    )


_BRACKET = regex.compile(r"[(\[]([^()\[\]]*)[)\]]")


def bracket_replaced(source_text: str, target_text: str) -> bool:
    """Does the target keep a bracket where the source spells an acronym out in one, but with
    other (or no) content: an emptied bracket, or as many brackets as the source has?"""
    target = [m.group(1).strip() for m in _BRACKET.finditer(target_text)]
    if any(not regex.search(r"[\p{L}\p{N}]", t) for t in target):
        return True
    return len(target) >= len(_BRACKET.findall(source_text)) > 0


def _literal(name: str, target: LinkText, case: bool = True) -> tuple[int, int] | None:
    """The name as written (any case unless `case` is False), not inside an address."""
    return _remembered(
        target.text, ("literal", name, case), lambda: find_literal(name, target.text, case)
    )


def _occurrences(entry: Entry, target: LinkText) -> list:
    """`occurrences` of a glossary entry in the target, remembered per text."""
    return _remembered(
        target.text, ("occurrences", entry, target.lang), lambda: occurrences(entry, target)
    )


_BY_TEXT: OrderedDict[str, dict] = OrderedDict()


def _remembered(text: str, question: tuple, answer):
    """The answer to a question about a text, computed once: a long paragraph names the same
    few people again and again, and each search scans all of it. A text is found again by
    its hash, which Python keeps on the string, and by identity before equality."""
    known = _BY_TEXT.get(text)
    if known is None:
        known = _BY_TEXT[text] = {}
        if len(_BY_TEXT) > 64:
            _BY_TEXT.popitem(last=False)
    else:
        _BY_TEXT.move_to_end(text)
    if question not in known:
        known[question] = answer()
    return known[question]


@lru_cache(maxsize=4096)  # one compiled pattern per name
def _literal_pattern(name: str, case: bool) -> regex.Pattern:
    pattern = r"(?<![\p{L}\p{N}@./])" + regex.escape(name) + r"(?![\p{L}\p{N}@]|\.\w)"
    return regex.compile(pattern, regex.IGNORECASE if case else 0)


def literal_count(acronym: str, text: str, plural: bool = False) -> int:
    """How often `text` writes the acronym as is (with a case ending after an apostrophe or
    hyphen; `plural`: also WMPs, CEO's)."""
    if not plural:
        return sum(1 for _ in _literal_pattern(acronym, False).finditer(text))
    return sum(1 for _ in _plural_pattern(acronym).finditer(text))


@lru_cache(maxsize=1024)  # one compiled pattern per acronym
def _plural_pattern(acronym: str) -> regex.Pattern:
    return regex.compile(
        r"(?<![\p{L}\p{N}@./])" + regex.escape(acronym) + r"(?:['’]?s)?(?![\p{L}\p{N}@]|\.\w)"
    )


def _joined(name: str, lang: str, target: LinkText, threshold: float):
    """A multi-word name written as one word in the target (Hong Kong = Гонконг)."""
    joined = "".join(w.text for w in words(name))
    size = len(key(joined, lang))
    long_enough = [
        t
        for t in target.tokens
        if t.text[:1].isupper() and len(key(t.text, target.lang)) >= 0.8 * size
    ]
    return find_word(joined, lang, long_enough, target.lang, threshold)


def name_mentions(source: LinkText, evidence: NameEvidence) -> list[NameMention]:
    return extract_names(source.text, source.lang, evidence)


def _free_capitalised(target: LinkText, taken: tuple[tuple[int, int], ...]) -> list:
    """Capitalised target words outside `taken` (spans rendering other names of the link)."""
    return [
        t
        for t in target.tokens
        if t.text[:1].isupper() and not any(a < t.end and t.start < b for a, b in taken)
    ]


def closest_span(
    mention: NameMention, source_lang: str, target: LinkText, taken: tuple = ()
) -> tuple[int, int] | None:
    """(start, end) in the target text of the capitalised words that look most like the
    name (with their capitalised neighbours: a changed surname shows next to a kept first
    name), to quote in a finding; words rendering another name of the link (`taken`) are
    not. None if none does."""
    capitalised = _free_capitalised(target, taken)
    hit = find_name(
        mention.text,
        base_lang(source_lang),
        target.text,
        target.lang,
        0.7,
        capitalised,
        need_last=False,
    )
    if hit is None:
        return None
    start, end = hit.start, hit.end
    for token in capitalised:
        if token.start > end and not target.text[end : token.start].strip():
            end = token.end
        if token.end < start and not target.text[token.end : start].strip():
            start = token.start
    return start, end


VARIANT_THRESHOLD = 0.65


def spelling_variant(
    mention: NameMention, source_lang: str, target: LinkText, taken: tuple = ()
) -> bool:
    """Is the name there in a looser transliteration (Merriweather = Мерриуэзер, Goyo =
    Qoyo)? Then it is spelled otherwise, not missing. A surname alone is no variant of a
    full name, nor a kept first name of a changed surname, nor words that render another
    name of the link (`taken`: Кулибалиді, Coulibaly's, is no Kelly)."""
    capitalised = _free_capitalised(target, taken)
    lang = base_lang(source_lang)
    hit = find_name(mention.text, lang, target.text, target.lang, VARIANT_THRESHOLD, capitalised)
    if hit is None or not _enough_words(mention.text, hit, target, lang):
        return False
    # one name, not words strewn over a clause (Моралес, все еще ... Латинской)
    if len(hit.text) > 2 * len(mention.text) + 4 or _CLAUSE_BREAK.search(hit.text):
        return False
    # its last word sounds like the surname: the same first sound, and as close without the
    # bonus a capital earns (Zaev is not San, Merriweather not Riverside, Sumbung not Menga)
    last = next((t for t in reversed(target.tokens) if t.start < hit.end), None)
    own = key(_strip(words(mention.text)[-1].text), lang)
    other = key(last.text, target.lang) if last else ""
    return (
        bool(own and other)
        and same_onset(own, other)
        and token_score(own, lang, last.text, target.lang) >= VARIANT_THRESHOLD
    )


_CLAUSE_BREAK = regex.compile(r"[.!?;:,]")
_ONSETS = ("aeiouy", "gkqch", "cksz", "vwuf", "jyi", "bp", "dt")


def same_onset(a: str, b: str) -> bool:
    """Do two keys start with the same sound class (a vowel, g/k/q, c/k/s, v/w/u ...)?"""
    return a[0] == b[0] or any(a[0] in group and b[0] in group for group in _ONSETS)


def name_key(text: str, lang: str) -> str:
    return "".join(key(w.text, lang) for w in words(text))
