"""Weekdays and months named without a full date ("on Friday", "in November"), per language.

Names come from CLDR through Babel (wide day names; months through `dates.month_number`, which
already knows their case forms). A weekday name takes case endings (Cumada, жұмада): a word is
that weekday when it starts with the name and adds at most five letters (two after a name of
four letters or fewer; a Turkish apostrophe ends the name); multi-word names are matched whole
and first (az cümə axşamı is Thursday, cümə Friday); Russian names are matched as their
pymorphy3 forms (пятницу, среду; not среди). English names are matched exactly. Months inside a
full date (DA01's) are left out: those are checked as dates.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

import regex
from anyascii import anyascii
from rapidfuzz.distance import Indel

from aligncheck._runtime.memo import per_release
from aligncheck.extract.dates import _month_forms, base_lang, extract_dates
from aligncheck.extract.names import sentence_initial
from aligncheck.lang.morph import Word, lower, russian_forms, turkic_endings, words
from aligncheck.lang.profiles import TURKIC

_VOWELS = frozenset("aeiouyıəöüаеёиоуыэюяәөүұі")
MAX_ENDING = 5


@dataclass(frozen=True)
class CalendarWord:
    kind: str  # "weekday" or "month"
    value: int  # weekday 0-6 (Monday 0), month 1-12
    text: str
    start: int
    end: int


@cache
def _weekdays(lang: str) -> tuple[tuple[tuple[str, ...], int, bool], ...]:
    """(the name's lower-case words, weekday, exact) of the locale's wide day names, longest
    first (az cümə axşamı is Thursday, cümə Friday). Russian names are their pymorphy3
    lexemes, matched exactly (среду, not среди); the others take endings on the last word."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return ()
    found: dict[tuple[str, ...], tuple[int, bool]] = {}
    for context in ("format", "stand-alone"):
        try:
            names = locale.days[context]["wide"]
        except (KeyError, LookupError):
            continue
        for day, name in names.items():
            parts = tuple(lower(str(name), lang).replace("ё", "е").split())
            found[parts] = (day, False)
            if lang == "ru" and len(parts) == 1:
                for form in russian_forms(parts[0]):
                    found[(form,)] = (day, True)
                stem = parts[0][:-1] if parts[0][-1:] in _VOWELS else parts[0]
                if len(stem) >= 5:  # субботний, воскресный: adjectives of the longer names
                    found[(stem,)] = (day, False)
    return tuple(
        (parts, day, exact)
        for parts, (day, exact) in sorted(
            found.items(), key=lambda kv: (-len(kv[0]), -len(kv[0][-1]), kv[0])
        )
    )


def _is_form(word: str, name: str, exact: bool, multi: bool = False, lang: str = "") -> bool:
    """`word` (no apostrophe part) is a form of the name `name`."""
    if exact:
        return word == name
    if multi and len(name) >= 5 and name[-1] in _VOWELS:
        name = name[:-1]  # the last word of a phrase name: axşamı, axşamkı
    if not word.startswith(name):
        return False
    ending = len(word) - len(name)
    if len(name) >= 5:
        return ending <= MAX_ENDING
    # a short name takes a short ending (cuma-da, not salı-nım, oscillation), or a case
    # ending of three letters its language inflects with (жұма-дан, from Friday)
    return ending <= 2 or (
        ending == 3 and lang in TURKIC and word[len(name) :] in turkic_endings(lang)
    )


@cache
def _weekday_index(lang: str) -> dict[str, tuple]:
    """The day names by the first two letters of their first word (a text is read word by
    word, not name by name)."""
    index: dict[str, list] = {}
    for entry in _weekdays(lang):
        index.setdefault(entry[0][0][:2], []).append(entry)
    return {k: tuple(v) for k, v in index.items()}


def weekday_at(tokens: list[str], i: int, lang: str) -> tuple[int, int] | None:
    """(weekday 0-6, words it takes) if the (lower-case, apostrophe-cut) words from
    `tokens[i]` name a weekday."""
    for parts, day, exact in _weekday_index(base_lang(lang)).get(tokens[i][:2], ()):
        n = len(parts)
        if i + n > len(tokens):
            continue
        if all(tokens[i + k] == parts[k] for k in range(n - 1)) and _is_form(
            tokens[i + n - 1], parts[-1], exact or lang == "en", n > 1, base_lang(lang)
        ):
            return day, n
    return None


@cache
def _wide_months(lang: str) -> dict[str, tuple[tuple[str, int], ...]]:
    """Wide month names, longest first, by their first two letters."""
    index: dict[str, list] = {}
    wide = _month_forms(lang)[1]
    for name in sorted(wide, key=lambda n: (-len(n), n)):
        index.setdefault(name[:2], []).append((name, wide[name]))
    return {k: tuple(v) for k, v in index.items()}


_APOSTROPHE = regex.compile(r"['’]")


def _month(token: str, lang: str) -> int | None:
    """1-12 for a month's own form (CLDR's, and its case forms), or its name with a short
    ending (as weekdays: noýabrda, декабрьских; not maýatnigi); before an apostrophe the whole
    name (Mart'ta, not Martin'de)."""
    parts = _APOSTROPHE.split(lower(token, lang).replace("ё", "е").rstrip("."))
    word = parts[0]
    forms, wide, english = _month_forms(lang)
    if word in forms:
        return forms[word]
    if word in english and (lang == "en" or token[:1].isupper()):
        return english[word]
    if len(parts) > 1:
        return None
    for name, month in _wide_months(lang).get(word[:2], ()):
        if _is_form(word, name, False):
            return month
    return None


def _month_case(text: str, word, lang: str) -> bool:
    """An English month is capitalised and not part of a name (may, march are words; Theresa
    May is a name); the other languages write months in either case (İyul ayında, ağustos)."""
    if lang != "en":
        return True
    if not word.text[:1].isupper():
        return False
    offset = max(0, word.start - _LOOK_BACK)  # a bounded look: no scan of the whole text
    before = _WORD_BEFORE.search(text[offset : word.start])
    if not before or not before.group(1)[:1].isupper():
        return True
    start = offset + before.start(1)
    previous = Word(before.group(1), start, start + len(before.group(1)))
    return sentence_initial(text, previous)


_LOOK_BACK = 60
_WORD_BEFORE = regex.compile(r"(\p{L}+)\s+$")


def calendar_words(text: str, lang: str) -> list[CalendarWord]:
    """The weekdays and the months outside full dates that `text` names, in order."""
    return list(_calendar_words(text, base_lang(lang)))


@per_release
def _calendar_words(text: str, lang: str) -> tuple[CalendarWord, ...]:
    dated = [d.span for d in extract_dates(text, lang)]  # in order, not overlapping
    starts = [a for a, _ in dated]
    tokens = words(text)
    lowered = [_APOSTROPHE.split(lower(t.text, lang).replace("ё", "е"))[0] for t in tokens]
    out = []
    skip = 0
    for i, word in enumerate(tokens):
        if skip:
            skip -= 1
            continue
        k = bisect.bisect_right(starts, word.start) - 1
        if not word.text[:1].isalpha() or (k >= 0 and word.start < dated[k][1]):
            continue
        found = weekday_at(lowered, i, lang)
        if found is not None:
            day, n = found
            end = tokens[i + n - 1].end
            out.append(CalendarWord("weekday", day, text[word.start : end], word.start, end))
            skip = n - 1
            continue
        month = _month(word.text, lang)
        if month is not None and _month_case(text, word, lang):
            out.append(CalendarWord("month", month, word.text, word.start, word.end))
    return tuple(out)


LOOSE_NAME = 0.8  # letters (Indel similarity) a misspelt or derived name shares with CLDR's
LOOSE_MIN = 6  # letters of the shortest name matched loosely (cuma, salı, May: never)


@cache
def _names_of(lang: str, kind: str, value: int) -> tuple[str, ...]:
    if kind == "weekday":
        return tuple(" ".join(p) for p, day, _ in _weekdays(lang) if day == value)
    return tuple(n for n, month in _month_forms(lang)[1].items() if month == value)


def loosely_named(text: str, lang: str, kind: str, value: int) -> str | None:
    """A word of `text` that spells the weekday or month `value` otherwise than CLDR's forms
    (oktaybr for oktyabr, düşenbe for duşenbe, воскресное from воскресенье): the same first two
    letters (diacritics aside) and most of a name's letters (LOOSE_NAME) in its first letters.
    Names shorter than LOOSE_MIN are not matched loosely."""
    lang = base_lang(lang)
    names = [n for n in _names_of(lang, kind, value) if len(n) >= LOOSE_MIN and " " not in n]
    for word in words(text):
        low = lower(word.text, lang).replace("ё", "е")
        for name in names:
            if anyascii(low[:2]) == anyascii(name[:2]) and (
                Indel.normalized_similarity(low[: len(name)], name) >= LOOSE_NAME
            ):
                return word.text
    return None
