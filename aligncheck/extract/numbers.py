"""Numbers in a text as values: "1,500" = "1 500" = "1.500" (tr), "44%" = "%44", "five" = "пятью".

Separators follow the locale's CLDR symbols (Babel); a separator that could be either
grouping or decimal ("1,500" in Russian) keeps the other reading as an alternative.
Numbers inside URLs and e-mail addresses are skipped; numbers inside dates are marked
`in_date` (the date rule compares them); numbers glued to letters ("COVID-19") are codes.
"""

from __future__ import annotations

import bisect
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

import regex

from aligncheck._runtime.cachefiles import cache_file, store_json
from aligncheck._runtime.memo import per_release
from aligncheck.extract.dates import base_lang, extract_dates
from aligncheck.extract.links import find_links
from aligncheck.extract.numwords import SCALES, find_number_words, lookup
from aligncheck.lang.data import load

SPACES = "\u00a0\u2009\u202f\u2007 "
DIGITS = regex.compile(
    r"(?<![\p{N}])(?:\d{1,2}:\d{2}(?![\d:])|\d+(?:/\d+)+|"
    r"\d+(?:(?:[.,\u00a0\u2009\u202f\u2007]|\x20(?=\d{3}(?!\d)))\d+)*)"
)
PERCENT_WORDS = regex.compile(
    r"(?:[\s\u00a0]*|[-‑])(?:%|per\s?cent|percent|процент\p{L}*|пайыз\p{L}*|faiz\p{L}*|"
    r"göterim\p{L}*|prosent\p{L}*)",
    regex.IGNORECASE,
)
PERCENT_BEFORE = regex.compile(r"(?:%|yüzde)[\s\u00a0]*$", regex.IGNORECASE)
GLUED_SUFFIX = regex.compile(r"[-‑'’]?\p{L}+")
ORDINAL_SUFFIXES = set(load("number_words.json")["digit_ordinal_suffixes"])
CLOCK = regex.compile(
    r"(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?(?:[\s\u00a0]?(?P<ampm>[ap]\.?m\.?)(?!\p{L}))?",
    regex.IGNORECASE,
)
IMPERIAL = regex.compile(
    r"(?:[\s\u00a0]*(?:-|–|—|to|or|and)[\s\u00a0]*[\d.,]+)?[\s\u00a0-]*(?:(?P<mile>miles?|mi)|"
    r"(?P<foot>feet|foot|ft)|(?P<inch>inch(?:es)?|in\.)|(?P<yard>yards?|yds?)|(?P<pound>pounds?|lbs?)|"
    r"(?P<ounce>ounces?|oz)|(?P<gallon>gallons?)|(?P<acre>acres?)|(?P<mph>mph|miles per hour)|"
    r"(?P<decade>decades?)|(?P<dozen>dozens?)|(?P<century>century|centuries)|"
    r"(?P<fahrenheit>°\s?F|degrees?(?:\s+Fahrenheit)?|F))(?!\p{L})",
    regex.IGNORECASE,
)
METRIC_FACTORS = {  # to the metric units (or plain counts) a translator would pick
    "mile": (1.609,),
    "mph": (1.609,),
    "foot": (0.3048, 30.48),
    "inch": (2.54, 25.4),
    "yard": (0.9144,),
    "pound": (0.4536,),
    "ounce": (28.35,),
    "gallon": (3.785,),
    "acre": (0.4047,),
    "decade": (10,),  # two decades = 20 yıl
    "dozen": (12,),
    "century": (100,),
}
BRACKETED_QUANTITY = regex.compile(r"[\s\u00a0-]*[\p{L}°][^()]{0,20}\)")
# "6-foot-6": the second figure of a compound measure, not a code like "COVID-19".
MEASURE_TAIL = regex.compile(r"\d[-‑]\p{Ll}+[-‑]$")
RANGE_NEXT = regex.compile(r"[\s\u00a0]*[-‑–—][\s\u00a0]*\d")


@cache
def _pattern(pattern: str) -> regex.Pattern:
    """A pattern used on every number, compiled on first use (regex's own cache costs ~5 us
    a call in flag handling)."""
    return regex.compile(pattern)


@dataclass(frozen=True)
class NumberMention:
    value: Decimal | str
    span: tuple[int, int]
    # integer decimal percent ordinal range word approximate roman code ref time, or implicit:
    # a count the words imply ("a week" = 1 week), answered by a figure like digits are
    kind: str
    raw: str
    alternatives: tuple = ()
    soft: bool = False  # may satisfy the other side's number, never reported by itself
    in_date: bool = False
    unit: str = ""  # an imperial unit the translation may convert: "mile", "foot", ...
    scaled: Decimal | None = None  # with the scale word after it: 9 billion = 9000000000
    scale_word: str = ""  # that word as written ("billion", "млрд")
    bracketed: bool = False  # a quantity in brackets: "(72 km)", "(497 mph)"

    def converts_to(self, other: NumberMention) -> bool:
        """`other` is this imperial quantity in metric units, give or take rounding."""
        if (
            not self.unit
            or not isinstance(self.value, Decimal)
            or not isinstance(other.value, Decimal)
        ):
            return False
        got = float(other.value)
        if self.unit == "fahrenheit-tens":
            return (
                (float(self.value) - 32) * 5 / 9 - 1.0
                <= got
                <= (float(self.value) + 10 - 32) * 5 / 9
            )
        if self.unit == "fahrenheit":  # rounded to a degree Celsius; a bare "80 degrees" is
            return abs(got - (float(self.value) - 32) * 5 / 9) <= 1.0  # read so as well
        targets = [float(self.value) * f for f in METRIC_FACTORS[self.unit]]
        return any(abs(got - t) <= max(0.1 * abs(t), 1.0) for t in targets)

    @property
    def values(self) -> tuple:
        return (self.value, *self.alternatives)

    @property
    def reportable(self) -> bool:
        return not (self.soft or self.in_date)

    def label(self) -> str:
        if self.kind == "percent":
            return f"{self.value}%"
        return f"{self.value} {self.scale_word}" if self.scale_word else str(self.value)


@cache
def _symbols(lang: str) -> tuple[str, str]:
    """(group, decimal) of the locale; kept in the cache dir, as loading a locale costs ~15 ms."""
    path = cache_file("numbers")
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stored = {}
    found = stored.get(lang) if isinstance(stored, dict) else None
    if isinstance(found, list) and len(found) == 2 and all(isinstance(x, str) for x in found):
        return found[0], found[1]
    from babel.numbers import get_decimal_symbol, get_group_symbol

    try:
        symbols = get_group_symbol(lang), get_decimal_symbol(lang)
    except Exception:  # noqa: BLE001 - unknown locale: English conventions
        return ",", "."
    store_json(path, {**(stored if isinstance(stored, dict) else {}), lang: list(symbols)})
    return symbols


def _decimal(text: str) -> Decimal:
    value = Decimal(text)
    # to_integral_value, not quantize: quantize fails past the context's 28 digits
    return value.to_integral_value() if value == value.to_integral() else value.normalize()


def parse_digits(token: str, lang: str) -> tuple[Decimal, tuple[Decimal, ...]] | None:
    """Value (and alternative readings) of a digit token such as "1 500,5" in `lang`."""
    group, decimal_mark = _symbols(lang)
    plain = token
    for space in SPACES:
        if space in plain:
            parts = plain.split(space)
            last = _pattern(r"\d{3}(?:[.,]\d+)?").fullmatch(parts[-1])  # "1 234,5": a decimal tail
            if len(parts[0]) > 3 or any(len(p) != 3 for p in parts[1:-1]) or not last:
                return None
            plain = "".join(parts)
    marks = [c for c in plain if c in ".,"]
    if not marks:
        return _decimal(plain), ()
    runs = _pattern(r"[.,]").split(plain)
    if len(set(marks)) == 2:
        last = plain.rfind(marks[-1])
        head = plain[:last].replace(",", "").replace(".", "")
        return _decimal(f"{head}.{plain[last + 1 :]}"), ()
    mark = marks[0]
    grouped = len(runs[0]) <= 3 and all(len(r) == 3 for r in runs[1:]) and not plain.startswith("0")
    if len(marks) > 1:
        return (_decimal("".join(runs)), ()) if grouped else None
    as_decimal = _decimal(plain.replace(",", "."))
    if not grouped:
        if mark == "," and decimal_mark == ".":
            return None
        if _pattern(r"(?:[01]?\d|2[0-3])\.[0-5]\d").fullmatch(plain):
            return as_decimal, (f"{int(runs[0])}:{runs[1]}",)  # "4.40" may be a time
        return as_decimal, ()
    as_group = _decimal("".join(runs))
    if mark == group or (mark == "," and decimal_mark == "."):
        return as_group, (as_decimal,)
    return as_decimal, (as_group,)


def _masked(text: str) -> list[tuple[int, int]]:
    return [(link.start, link.end) for link in find_links(text)]


def _span_tests(
    spans,
) -> tuple[Callable[[tuple[int, int]], bool], Callable[[tuple[int, int]], bool]]:
    """(inside, overlaps): whether a span lies within one of `spans`, or overlaps one. The
    widest end among the spans starting before a point decides, found by bisection: a scan of
    every span per mention is quadratic in a long text."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(itertools.accumulate((e for _, e in ordered), max))

    def inside(span: tuple[int, int]) -> bool:
        k = bisect.bisect_right(starts, span[0])
        return k > 0 and reach[k - 1] >= span[1]

    def overlaps(span: tuple[int, int]) -> bool:
        k = bisect.bisect_left(starts, span[1])
        return k > 0 and reach[k - 1] > span[0]

    return inside, overlaps


def _digit_mentions(text: str, lang: str) -> list[NumberMention]:
    found: list[NumberMention] = []
    for match in DIGITS.finditer(text):
        token, start, end = match.group(), match.start(), match.end()
        clock = CLOCK.match(text, start)
        if clock and (":" in token or clock.group("ampm")):
            found.append(_time(clock))
            continue
        if "/" in token:  # "78/147", "2/1": each part is a number, on both sides alike
            found.extend(
                NumberMention(
                    _decimal(m.group()), (start + m.start(), start + m.end()), "ref", m.group()
                )
                for m in _pattern(r"\d+").finditer(token)
            )
            continue
        parsed = parse_digits(token, lang)
        if parsed is None:
            found.extend(_split_token(token, start, lang))
            continue
        found.append(_classify(text, start, end, *parsed, lang))
    return found


def _time(match) -> NumberMention:
    """ "15:00", "3pm", "7.55 a.m." as a time of day; the bare hour is an alternative reading."""
    hour, minutes = int(match.group("h")), match.group("m") or "00"
    ampm = (match.group("ampm") or "").lower()[:1]
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    hours = sorted({Decimal(hour), Decimal(hour % 12 or 12)}) if minutes == "00" else ()
    return NumberMention(f"{hour}:{minutes}", match.span(), "time", match.group(), tuple(hours))


def _split_token(token: str, start: int, lang: str) -> list[NumberMention]:
    """A run like "1.2.3" or "2019 100" read as separate plain integers."""
    return [
        NumberMention(
            _decimal(m.group()), (start + m.start(), start + m.end()), "integer", m.group()
        )
        for m in _pattern(r"\d+").finditer(token)
    ]


def _classify(
    text: str, start: int, end: int, value: Decimal, alternatives: tuple, lang: str
) -> NumberMention:
    before, after = text[max(0, start - 12) : start], text[end : end + 24]
    unit = IMPERIAL.match(text, end)
    bracketed = _pattern(r"\([\s\u00a0]*$").search(before) and BRACKETED_QUANTITY.match(text, end)
    kind = "decimal" if value != value.to_integral() else "integer"
    soft = False
    if (
        start
        and (
            text[start - 1].isalpha()
            or (text[start - 1] in "-‑" and text[start - 2 : start - 1].isalpha())
        )
        and not MEASURE_TAIL.search(text, max(0, start - 64), start)
    ):
        kind, soft = "code", True
        if end - start == 2 and text[start - 1].isupper():
            alternatives = (*alternatives, 2000 + value)  # "SS19": a season, 2019
    sign = text[start - 1 : start]
    if sign == "−" or (sign == "-" and not text[start - 2 : start - 1].strip() and kind != "code"):
        start -= 1
        value, alternatives = -value, (*alternatives, value)
    if after[:1] == "s" and value % 10 == 0 and 1000 < value < 3000:
        alternatives = (*alternatives, value % 100)  # "the 1930s" = "30-е годы"
    if text[start - 1 : start] in ("'", "’") and len(text[start:end]) == 2:
        alternatives = (*alternatives, 1900 + value, 2000 + value)  # "'53"
    suffix = GLUED_SUFFIX.match(after)
    percent = PERCENT_WORDS.match(after)
    if percent:
        kind, end = "percent", end + percent.end()
    elif prefix := PERCENT_BEFORE.search(before):
        kind, start = "percent", start - len(prefix.group())
    elif suffix and kind != "code":
        letters = suffix.group().lstrip("-‑'’").lower()
        if letters in ORDINAL_SUFFIXES:
            kind = "ordinal"
        end += suffix.end()
    elif _pattern(r"\d[\s\u00a0]*[-‑–—][\s\u00a0]*$").search(before) or RANGE_NEXT.match(after):
        kind = "range"
        century = _pattern(r"(?<!\d)(\d\d)\d\d[-‑–—]$").search(before)
        if century and end - start == 2:
            alternatives = (*alternatives, int(century.group(1)) * 100 + value)  # "1950-53"
    scaled, scale_word = None, ""
    scale = _pattern(r"[\s\u00a0]+(\p{L}+)").match(text[end : end + 20])
    if scale and kind in ("integer", "decimal"):
        word = lookup(scale.group(1), lang)
        if word and word.value in SCALES:
            scaled = _decimal(str(value * word.value))
            scale_word = scale.group(1)
            alternatives = (*alternatives, scaled)
    if bracketed:
        soft = True  # "45 miles (72 km)": the equivalent in brackets may be left out
    unit = unit.lastgroup if unit and lang == "en" else ""
    if lang == "en" and _pattern(r"\d[-‑](?:foot|feet)[-‑]$").search(
        text[max(0, start - 8) : start]
    ):
        unit = "inch"  # the inches of "6-foot-6"
    elif (
        lang == "en"
        and not unit
        and after[:1] == "s"
        and value % 10 == 0
        and 30 <= value < 120
        and text[start - 1 : start] not in ("'", "’")
    ):
        unit = "fahrenheit-tens"  # "highs in the 80s": 27-32 °C where nothing else answers it
    return NumberMention(
        value,
        (start, end),
        kind,
        text[start:end],
        alternatives,
        soft,
        unit=unit,
        scaled=scaled,
        scale_word=scale_word,
        bracketed=bool(bracketed),
    )


@per_release
def _extract(text: str, lang: str) -> tuple[NumberMention, ...]:
    masked = _masked(text)
    in_date = _span_tests(d.span for d in extract_dates(text, lang))[0]
    in_masked = _span_tests(masked)[0]
    mentions = [m for m in _digit_mentions(text, lang) if not in_masked(m.span)]
    overlaps_taken = _span_tests([m.span for m in mentions] + masked)[1]
    if lang == "en":  # "half an inch" may come back as "1,5 см", "a quarter-hour" as "15 минут"
        for match in HOUR_FRACTION.finditer(text):
            minutes = Decimal(15 if match.group(1).lower() == "quarter" else 30)
            mentions.append(NumberMention(minutes, match.span(), "word", match.group(), soft=True))
        for match in HALF_UNIT.finditer(text):
            unit = IMPERIAL.match(text, match.end() - len(match.group("unit")) - 1)
            if unit and unit.lastgroup:
                mentions.append(
                    NumberMention(
                        Decimal("0.5"),
                        match.span(),
                        "approximate",
                        match.group(),
                        soft=True,
                        unit=unit.lastgroup,
                    )
                )
        for match in ARTICLE_UNIT.finditer(text):  # "a week" may come back as "1 həftə"
            unit = match.group("unit").lower()
            mentions.append(
                NumberMention(
                    Decimal(1),
                    match.span(),
                    "implicit",
                    match.group(),
                    soft=True,
                    unit=unit if unit in METRIC_FACTORS else "",
                )
            )
        for match in HALF_SCALE.finditer(text):
            value = Decimal(SCALE_WORDS[match.group("scale").lower()]) / 2
            mentions.append(NumberMention(value, match.span(), "word", match.group(), soft=True))
    for match in ROMAN.finditer(text):
        value = _roman(match.group())
        if value and not overlaps_taken(match.span()):
            mentions.append(
                NumberMention(Decimal(value), match.span(), "roman", match.group(), soft=True)
            )
    for word in find_number_words(text, lang):
        span = (word.start, word.end)
        if overlaps_taken(span) or _after_digits(text, word):
            continue
        kind = "ordinal" if word.ordinal else "approximate" if word.rough else "word"
        unit = IMPERIAL.match(text, word.end) if lang == "en" and not word.ordinal else None
        mentions.append(
            NumberMention(
                Decimal(word.value),
                span,
                kind,
                text[span[0] : span[1]],
                (),
                word.soft,
                unit=unit.lastgroup if unit and unit.lastgroup else "",
            )
        )
    return tuple(
        sorted((replace(m, in_date=in_date(m.span)) for m in mentions), key=lambda m: m.span)
    )


HOUR_FRACTION = regex.compile(
    r"\b(quarter|half)(?:[\s-]+of)?(?:\s+an)?[\s-]+hour\b", regex.IGNORECASE
)
HALF_UNIT = regex.compile(
    r"\bhalf(?:\s+an?)?[\s-]+(?P<unit>inch|mile|foot|pound|gallon|ounce|acre)\b", regex.IGNORECASE
)
ARTICLE_UNIT = regex.compile(
    r"\b(?:a|an)[\s-]+(?P<unit>week|month|year|day|hour|minute|decade|dozen|century)\b",
    regex.IGNORECASE,
)
HALF_SCALE = regex.compile(r"\bhalf(?:\s+an?)?[\s-]+(?P<scale>million|billion)\b", regex.IGNORECASE)
SCALE_WORDS = {"million": 10**6, "billion": 10**9}
ROMAN = regex.compile(r"(?<![\p{L}\p{N}])[IVXLC]{2,7}(?![\p{L}\p{N}])")
ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(token: str) -> int | None:
    """ "XIX" -> 19 for canonical numerals only (so "CV" or "LL" in a name is not read)."""
    total = 0
    for i, char in enumerate(token):
        value = ROMAN_DIGITS[char]
        following = ROMAN_DIGITS[token[i + 1]] if i + 1 < len(token) else 0
        total += -value if value < following else value
    return total if _to_roman(total) == token else None


def _to_roman(n: int) -> str:
    out = ""
    for value, numeral in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, n = divmod(n, value)
        out += numeral * count
    return out


def _after_digits(text: str, word) -> bool:
    """A scale word right after digits ("2.5 million") belongs to that number."""
    return word.value in SCALES and bool(
        _pattern(r"\d[\s\u00a0]+$").search(text[max(0, word.start - 4) : word.start])
    )


def extract_numbers(text: str, lang: str) -> list[NumberMention]:
    """Every number in `text` (written in `lang`) with its value, in text order."""
    return list(_extract(text, base_lang(lang)))
