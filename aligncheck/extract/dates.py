"""Dates in a text, normalised to (year, month, day[-day]) whatever the language's form.

"22 April 2026", "April 22-24", "22 апреля 2026 года", "2026 жылғы 22 сәуір",
"2026-njy ýylyň 22-nji apreli", "aprelində 2026", "19.12.2023", "2026-04-22".
Month names come from CLDR through Babel (wide and abbreviated, format and stand-alone),
Russian case forms from pymorphy3, Turkic case endings as name + suffix.
"""

from __future__ import annotations

import bisect
import json
import pickle
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import regex
from babel import Locale, UnknownLocaleError, localedata

from aligncheck._runtime.cachefiles import cache_file, store_json
from aligncheck._runtime.memo import per_release
from aligncheck.lang.data import load
from aligncheck.lang.morph import lower, russian_forms
from aligncheck.lang.profiles import CORE_LANGUAGES

_DATA = load("dates.json")
KNOWN_LANGS = CORE_LANGUAGES
ENGLISH_MONTHS = (
    "January February March April May June July August September October November December"
).split()


@dataclass(frozen=True)
class DateMention:
    year: int | None
    month: int | None
    day: int | None
    span: tuple[int, int]
    raw: str
    day_end: int | None = None
    swapped: DateMention | None = None  # the other reading of an ambiguous 04/05/2026

    def fields(self) -> tuple:
        return self.year, self.month, self.day, self.day_end

    def label(self) -> str:
        days = f"{self.day}-{self.day_end}" if self.day_end else (str(self.day) if self.day else "")
        month = ENGLISH_MONTHS[self.month - 1] if self.month else ""
        return " ".join(p for p in (days, month, str(self.year or "")) if p)

    def matches(self, other: DateMention) -> bool:
        """Same date where both say it: a missing year or day on one side is no conflict."""
        for mine in (self, self.swapped):
            for theirs in (other, other.swapped):
                if mine and theirs and _compatible(mine, theirs):
                    return True
        return False


def _compatible(a: DateMention, b: DateMention) -> bool:
    if a.month != b.month:
        return False
    if a.year and b.year and a.year != b.year:
        return False
    if a.day and b.day and (a.day, a.day_end) != (b.day, b.day_end):
        return False
    return bool(a.year and b.year) or bool(a.day and b.day)


@lru_cache(maxsize=1024)
def base_lang(lang: str) -> str:
    """ "kk-KZ", "az_Latn", "kz" -> "kk", "az", "kk"."""
    base = lang.lower().replace("_", "-").split("-")[0]
    return {"kz": "kk"}.get(base, base)


def _cldr_names(lang: str, width: str) -> dict[int, str]:
    """Month names of one width, format and stand-alone contexts, as `lang` itself defines them.

    Babel resolves inherited stand-alone aliases through shared data, so the merged answer
    depends on which locale was asked first; only the locale's own entries are read here.
    """
    # not localedata.load(lang, merge_inherited=False): Babel would cache that unmerged dict
    # as `lang`'s data for every later Locale(lang) (no decimal formats), or return a merged one
    with open(localedata.resolve_locale_filename(lang), "rb") as own_file:
        own = pickle.load(own_file)
    names: dict[int, str] = {}
    for context in ("format", "stand-alone"):
        table = _follow(own, ("months", context, width))
        if not table and context == "format":
            # imported only while building the forms: babel.dates imports pytz and zoneinfo
            from babel.dates import get_month_names

            table = dict(get_month_names(width, context, lang))
        for month, name in table.items():
            names[name.lower().rstrip(".")] = month
    return names


def _follow(data, keys: tuple[str, ...]) -> dict:
    """data[k1][k2]... through the locale's own aliases; {} where the locale inherits."""
    for _ in range(4):
        value = data
        for key in keys:
            value = value.get(key, {}) if hasattr(value, "get") else {}
        if isinstance(value, localedata.Alias):
            keys = value.keys
            continue
        return dict(value) if hasattr(value, "items") else {}
    return {}


def _forms_path(lang: str) -> Path | None:
    """Where a locale's month forms are kept: they depend only on Babel (and pymorphy3 for ru)."""
    packages = ("babel", "pymorphy3", "pymorphy3-dicts-ru") if lang == "ru" else ("babel",)
    return cache_file("months", key=lang, packages=packages)


@cache
def _locale_forms(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    """(every form -> month, wide names that take case endings -> month) of one locale, built
    once per machine (the Russian lexemes take pymorphy3's dictionaries: ~0.3 s a run)."""
    path = _forms_path(lang)
    if path is not None:
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            return stored["forms"], stored["wide"]
        except (OSError, ValueError, KeyError, TypeError):
            pass
    forms, wide = _built_forms(lang)
    if path is not None:
        store_json(path, {"forms": forms, "wide": wide})
    return forms, wide


def _built_forms(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    try:
        Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return {}, {}
    wide = {n: m for n, m in _cldr_names(lang, "wide").items() if len(n) >= 3}
    for name, month in list(wide.items()):  # "қыркүйек" -> "қыркүйегінде", "Aralık" -> "Aralığı"
        for voiced in VOICED.get(name[-1], ""):
            wide.setdefault(name[:-1] + voiced, month)
    forms = {
        n: m for n, m in _cldr_names(lang, "abbreviated").items() if len(n) >= 3 and not n.isdigit()
    }
    forms.update(wide)
    if lang == "ru":
        for name, month in wide.items():
            for form in russian_forms(name):
                forms.setdefault(form, month)
    return forms, wide


@cache
def _month_forms(lang: str) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """(forms of `lang`, its stems, English forms); every known language's for an unknown one."""
    forms, stems = (dict(x) for x in _locale_forms(lang))
    if not forms:
        for other in KNOWN_LANGS:
            other_forms, other_stems = _locale_forms(other)
            for form, month in other_forms.items():
                forms.setdefault(form, month)
            for form, month in other_stems.items():
                stems.setdefault(form, month)
    return forms, stems, _locale_forms("en")[0]


_APOSTROPHE = regex.compile(r"['’]")


def month_number(token: str, lang: str) -> int | None:
    """1-12 if `token` names a month in `lang` (any case ending) or in English (capitalised)."""
    lang = base_lang(lang)
    own, stems, english = _month_forms(lang)
    # the language's own lower case: az/tr İyun is iyun, not i̇yun (a dot above)
    word = _APOSTROPHE.split(lower(token, lang).replace("ё", "е").rstrip("."))[0]
    if word in own and (lang != "en" or token[:1].isupper()):
        return own[word]
    if word in english and token[:1].isupper():
        return english[word]
    if lang not in ("en", "ru"):
        for cut in range(1, min(7, len(word) - 2)):
            if word[:-cut] in stems:
                return stems[word[:-cut]]
    if token.endswith(".") and len(word) >= 3:  # "Sept.": the start of exactly one month name
        months = {
            m
            for name, m in (*stems.items(), *_locale_forms("en")[1].items())
            if name.startswith(word)
        }
        if len(months) == 1 and (lang != "en" or token[:1].isupper()):
            return months.pop()
    return None


VOICED = _DATA["month_voicing"]
WS = r"[\s\u00a0\u2009\u202f]+"
DASH = r"[\s\u00a0]*[-‑–—][\s\u00a0]*"
RANGE_JOIN = rf"(?:{DASH}|{WS}(?:to|through|and|по|и|до){WS})"
DAY = rf"(?P<d>\d{{1,2}})(?:{RANGE_JOIN}(?P<d2>\d{{1,2}}))?(?:[-‑'’]?\p{{L}}{{1,5}})?(?!\p{{L}})"
MONTH = r"(?P<m>\p{L}+(?:['’]\p{L}+)?\.?)(?!\p{L})"
YEAR_WORD = r"(?:г\.|ж\.|год\p{L}*|жыл\p{L}*|il\p{L}{0,6}|yıl\p{L}{0,6}|ýyl\p{L}{0,6})"
YEAR = rf"(?P<y>\d{{4}})(?![\d.,]\d)(?:[-‑'’]?\p{{L}}{{1,4}})?(?:{WS}{YEAR_WORD}(?!\p{{L}}))?"
START = r"(?<![\p{L}\p{N}.,/:-])"
PATTERNS = [
    regex.compile(START + p, regex.IGNORECASE)
    for p in (
        rf"{DAY}(?:{WS}of)?{WS}{MONTH}(?:,?{WS}{YEAR})?",
        rf"{YEAR},?{WS}{DAY}{WS}{MONTH}",
        rf"{MONTH},?{WS}{YEAR}",
        rf"{YEAR}{WS}{MONTH}",
    )
]
MONTH_DAY = regex.compile(START + rf"{MONTH}{WS}{DAY}(?:,?{WS}{YEAR})?", regex.IGNORECASE)
NUMERIC = regex.compile(
    START + r"(?:(?P<d>\d{1,2})(?P<s>[./])(?P<m>\d{1,2})(?P=s)(?P<y>\d{4})"
    r"|(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2}))(?![\d\p{L}])"
)


def _int(match, group: str) -> int | None:
    text = match.group(group) if group in match.groupdict() else None
    return int(text) if text else None


GENITIVE = regex.compile("(?:" + "|".join(_DATA["genitive_endings"]) + ")$", regex.IGNORECASE)


def _named(match, lang: str) -> DateMention | None:
    month = month_number(match.group("m"), lang)
    if (
        match.re is MONTH_DAY
        and lang in KNOWN_LANGS
        and lang != "en"
        and not GENITIVE.search(match.group("m"))
    ):
        return None  # outside English only "Oktyabrın 1-i", "қазанның 1-і" put the month first
    day, day_end, year = _int(match, "d"), _int(match, "d2"), _int(match, "y")
    if month is None or (day is not None and not 1 <= day <= 31):
        return None
    if day_end is not None and not day < day_end <= 31:
        return None
    if year is not None and not 1000 <= year <= 2999:
        return None
    return DateMention(year, month, day, match.span(), match.group(), day_end)


def _numeric(match, lang: str) -> DateMention | None:
    day, month, year = _int(match, "d"), _int(match, "m"), _int(match, "y")
    if match.group("s") == "/" and lang == "en":
        day, month = month, day
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1000 <= year <= 2999):
        return None
    swapped = None
    if match.group("s") == "/" and day <= 12 and day != month:
        swapped = DateMention(year, day, month, match.span(), match.group())
    return DateMention(year, month, day, match.span(), match.group(), swapped=swapped)


_DIGIT = regex.compile(r"\d")  # every pattern needs one: most paragraphs are done at once
_SPACE_BEFORE_DIGIT = regex.compile(rf"{WS}(?=\d)")
_SPACE = regex.compile(r"[\s\u00a0\u2009\u202f]")
_MONTH_FIRST = (PATTERNS[2], MONTH_DAY)


def _month_starts(text: str) -> list[int]:
    """Where a pattern that opens with the month can match: in the word before the spaces
    before a number ("April 2026", "Oktyabrın 1-i"), whose characters are no space."""
    starts: set[int] = set()
    for space in _SPACE_BEFORE_DIGIT.finditer(text):
        start = space.start()
        while start and not _SPACE.match(text[start - 1]):
            start -= 1
        starts.update(range(start, space.start()))
    return sorted(starts)


def _overlapping(pattern: regex.Pattern, text: str, month_starts: list[int]):
    """`pattern.finditer(text, overlapped=True)`: a match at every position where one starts.
    The month-first patterns try only the positions where they can start (their scan of every
    word was most of the extraction's time)."""
    if pattern not in _MONTH_FIRST:
        return pattern.finditer(text, overlapped=True)
    return (match for start in month_starts if (match := pattern.match(text, start)))


@per_release
def _extract(text: str, lang: str) -> tuple[DateMention, ...]:
    if not _DIGIT.search(text):
        return ()
    candidates = []
    month_starts = _month_starts(text)
    for pattern in PATTERNS + [MONTH_DAY] * (lang != "ru"):
        for match in _overlapping(pattern, text, month_starts):
            found = _named(match, lang)
            if found:
                candidates.append(found)
    for match in NUMERIC.finditer(text):
        found = _numeric(match, lang)
        if found:
            candidates.append(found)
    candidates.sort(key=lambda m: (m.span[0] - m.span[1], m.span[0]))
    chosen: list[DateMention] = []
    starts: list[int] = []  # of the chosen spans, which never overlap: sorted, their ends too
    ends: list[int] = []
    for candidate in candidates:
        start, end = candidate.span
        k = bisect.bisect_left(starts, end)  # chosen spans starting before this one ends
        if k == 0 or ends[k - 1] <= start:
            chosen.append(candidate)
            starts.insert(k, start)
            ends.insert(k, end)
    return tuple(sorted(chosen, key=lambda m: m.span))


def extract_dates(text: str, lang: str) -> list[DateMention]:
    """Every date in `text` (written in `lang`), in text order."""
    return list(_extract(text, base_lang(lang)))
