"""CLDR names as field data: territories, languages, currencies, cities, subdivisions per language.

Every entity gets one concept id ("territory:DE", "language:ru", "currency:EUR",
"city:Europe/Berlin") and, for each language aligncheck profiles that Babel has a locale for,
the names that locale gives it: Germany / Германия / Almaniya / Germaniýa. Nothing here is a
hand table: all names are read from Babel's CLDR data, so two versions that write Germany and
Германии can be seen to name the same thing without a glossary.

`concepts_in(text, lang)` finds those names in a text, inflected (Германии, Almaniýada,
Germaniyada, Берлине) through `aligncheck.lang.morph.inflects`, multi-word names as phrases;
`renderings(concept_id, lang)` gives a concept's names in a language.

What is read, per locale:
- territories (Locale.territories), less ZZ "Unknown Region" and lower-case entries (en world);
- languages (Locale.languages) official in some territory or spoken by a tenth of it (CLDR's
  territory languages), and those aligncheck profiles; less und/zxx/mul/mis;
- currencies (Locale.currencies) and their plural display names (currency_names_plural), of
  the codes some territory has had as legal tender (not XAU gold, XDR, XXX ...);
- exemplar cities of the time zones (babel.dates.get_timezone_location(..., return_city=True)),
  less Etc/* and Antarctica/* (research stations: Vostok is "east" in Russian). Where a locale
  has no city of its own Babel falls back to the zone id's last part (Berlin): kept for
  Latin-script languages, where it is how the city is written, and skipped for the others,
  where it is English and not the locale's data.
- subdivisions that CLDR names in a profiled language other than English (Scotland / Шотландия
  / İskoçya; lang/data/subdivisions.json, from CLDR's own JSON, since Babel has no subdivisions).
A territory name with a parenthesis or a spaced dash (Myanmar (Burma), Congo - Kinshasa) also
gives the part before it, and the parenthesis its content, since texts write those short forms,
unless another territory has that name or gives the same short form (Virgin Islands (U.S.));
a currency's or a language's parenthesis is a qualifier, not split. An entry Babel cannot
resolve (an alias to data the locale lacks: Babel 2.19 raises KeyError 'GMT' for some zone
data) is skipped.

Matching: a name part that CLDR writes with a capital must start with a capital in the text
(Even, the language, is not "even"); lower-case names (ru языки, plural currency names) match
in any case. ё and е are one letter. The names of a language are indexed by the first letters
of their first word, so a paragraph is looked up word by word, not name by name.

A language's names are built once per process and kept in the cache dir (registry entry
"cldr", one JSON file per language, keyed on Babel's version).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import cache
from typing import NamedTuple

from babel import Locale, UnknownLocaleError

from aligncheck._runtime.cachefiles import cache_file, store_json
from aligncheck.lang import morph
from aligncheck.lang.data import load
from aligncheck.lang.profiles import profiles, script

KINDS = ("territory", "language", "currency", "city", "subdivision")
_SKIP = {
    "territory": frozenset({"ZZ"}),
    "language": frozenset({"und", "zxx", "mul", "mis"}),
    "currency": frozenset(),
}
_OFFICIAL = ("official", "de_facto_official")
_MIN_LETTERS = 3  # a name shorter than this is not looked for (too many chance hits)
_KEY = 3  # names are indexed by this many first letters of their first word (fewer if short)
_LOOKUP_ERRORS = (LookupError, TypeError, ValueError, AttributeError)
_PAREN = re.compile(r"^(.+?)\s*\(([^()]+)\)\s*$")
_DASH = re.compile(r"^(.+?)\s+[-–—]\s+.+$")


# --------------------------------------------------------------------------- building


def known_languages() -> tuple[str, ...]:
    """The profiled languages Babel has a locale for, in the profiles' order."""
    return tuple(code for code in profiles() if _locale(code) is not None)


@cache
def _locale(lang: str) -> Locale | None:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def build_names(lang: str) -> dict[str, tuple[str, ...]]:
    """Concept id -> the locale's names for it, read from Babel now (no cache); empty for a
    language Babel has no locale for. Ids are sorted, each name list in CLDR's order."""
    locale = _locale(lang)
    if locale is None:
        return {}
    found: dict[str, list[str]] = defaultdict(list)
    short: dict[str, set[str]] = defaultdict(set)  # a territory's short form -> its ids
    for kind, code, name in _entries(locale, lang):
        cid = f"{kind}:{code}"
        forms = _forms(name)
        if kind in ("territory", "city"):
            forms = [f for f in forms if not f[:1].islower()]  # world: not a proper name
        for form in forms[:1]:
            if form not in found[cid]:
                found[cid].append(form)
        if kind == "territory":
            for form in forms[1:]:
                short[form].add(cid)
    full = {
        name for cid, listed in found.items() for name in listed if cid.startswith("territory:")
    }
    for form, cids in sorted(short.items()):
        # Virgin Islands (U.S.), U.S. Outlying Islands: a parenthesis naming another territory
        # (or shared by two) is no short form of either
        if len(cids) == 1 and form not in full:
            found[next(iter(cids))].append(form)
    return {cid: tuple(found[cid]) for cid in sorted(found) if found[cid]}


def _entries(locale: Locale, lang: str):
    """(kind, code, name) for every name the locale gives; unresolvable entries skipped."""
    tender, notable = _tender(), _notable_languages()
    for kind, table in (
        ("territory", _field(locale, "territories")),
        ("language", _field(locale, "languages")),
        ("currency", _field(locale, "currencies")),
    ):
        for code, name in _items(table):
            if code in _SKIP[kind] or kind == "currency" and code not in tender:
                continue
            if kind == "language" and code.split("_")[0] not in notable:
                continue
            yield kind, code, name
    for code, forms in _items(_plural_names(locale)):
        if code in tender:
            for _, name in sorted(_items(forms)):
                yield "currency", code, name
    yield from _cities(locale, lang)
    for code, named in sorted(load("subdivisions.json")["subdivisions"].items()):
        if lang in named:
            yield "subdivision", code, named[lang]


@cache
def _tender() -> frozenset[str]:
    """Currencies that some territory has had as legal tender (CLDR's territory currencies):
    not gold, silver, SDRs, testing or unit-of-account codes (XAU, XDR, XTS, XBA, ...), which
    CLDR lists under the unknown region ZZ."""
    from babel.core import get_global

    try:
        table = get_global("territory_currencies")
        return frozenset(
            row[0]
            for territory, rows in table.items()
            if territory != "ZZ"
            for row in rows
            if len(row) > 3 and row[3]
        )
    except _LOOKUP_ERRORS:
        return frozenset()


@cache
def _notable_languages() -> frozenset[str]:
    """Languages official in some territory or spoken by a tenth of it (CLDR's territory
    languages; regional status does not count), and the languages aligncheck profiles: the
    languages texts name. CLDR names some 600 more, whose Russian or Azerbaijani names are often
    common words (меру, ком, крик; az komi in komitə)."""
    from babel.core import get_global

    try:
        table = get_global("territory_languages")
        return frozenset(
            lang
            for rows in table.values()
            for lang, info in rows.items()
            if info.get("official_status") in _OFFICIAL
            or (info.get("population_percent") or 0) >= 10
        ) | frozenset(profiles())
    except _LOOKUP_ERRORS:
        return frozenset(profiles())


def _field(locale: Locale, name: str) -> object:
    try:
        return getattr(locale, name)
    except _LOOKUP_ERRORS:
        return None


def _plural_names(locale: Locale) -> object:
    try:
        return locale._data["currency_names_plural"]
    except _LOOKUP_ERRORS:
        return None


def _items(table: object) -> list[tuple[str, str]]:
    """The (key, string) pairs of a Babel mapping, sorted, skipping what does not resolve."""
    if table is None or not hasattr(table, "items"):
        return []
    out = []
    for key in list(table):
        try:
            value = table[key]
        except _LOOKUP_ERRORS:
            continue
        if isinstance(key, str) and (isinstance(value, str) or hasattr(value, "items")):
            out.append((key, value))
    return sorted(out, key=lambda kv: kv[0])


def _cities(locale: Locale, lang: str):
    from babel.core import get_global
    from babel.dates import get_timezone_location

    own = _field(locale, "time_zones") or {}
    latin = script(lang) == "Latn"
    try:
        zones = sorted(get_global("zone_territories"))
    except _LOOKUP_ERRORS:
        return
    for zone in zones:
        if zone.startswith(("Etc/", "Antarctica/")):  # no city: research stations (Vostok)
            continue
        try:
            city = get_timezone_location(zone, locale=locale, return_city=True)
            localised = "city" in own.get(zone, {})
        except Exception:  # noqa: BLE001 - a zone Babel or tzdata cannot resolve
            continue
        fallback = zone.rpartition("/")[2].replace("_", " ")
        if isinstance(city, str) and city and (localised or city != fallback or latin):
            yield "city", zone, city


def _forms(name: str) -> list[str]:
    """The name, and its short forms: before a parenthesis or a spaced dash, and inside the
    parenthesis (Myanmar (Burma) -> Myanmar, Burma)."""
    name = " ".join(name.split())
    forms = [name]
    paren = _PAREN.match(name)
    if paren:
        forms += [paren.group(1), paren.group(2)]
    dash = _DASH.match(name)
    if dash:
        forms.append(dash.group(1))
    return [f for f in forms if sum(c.isalpha() for c in f) >= _MIN_LETTERS]


@cache
def names(lang: str) -> dict[str, tuple[str, ...]]:
    """Concept id -> names in `lang` (built once per process, kept in the cache dir)."""
    path = cache_file("cldr", key=lang)
    if path is not None:
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(stored, dict) and all(
                isinstance(v, list) and all(isinstance(s, str) for s in v) for v in stored.values()
            ):
                return {cid: tuple(v) for cid, v in stored.items()}
        except (OSError, ValueError):
            pass
    built = build_names(lang)
    if path is not None and built:
        store_json(path, {cid: list(v) for cid, v in built.items()})
    return built


def renderings(concept_id: str, lang: str) -> tuple[str, ...]:
    """The names CLDR gives `concept_id` in `lang` (empty when it has none)."""
    return names(lang).get(concept_id, ())


# --------------------------------------------------------------------------- lookup


class _Name(NamedTuple):
    keys: tuple[str, ...]  # the name's words, lower-cased, ё as е
    capital: tuple[bool, ...]  # which words CLDR writes with a capital
    acronym: tuple[bool, ...]
    concept: str


def _key(word: str, lang: str) -> str:
    return morph.lower(word, lang).replace("ё", "е")


def _index_key(first: str) -> str:
    # a 3-letter word indexes by 2 letters: its last letter may alternate (Turkic k/g, t/d)
    return first[:_KEY] if len(first) > _KEY else first[: max(2, len(first) - 1)]


@cache
def _index(lang: str) -> dict[str, tuple[_Name, ...]]:
    """Names by the first letters of their first word."""
    table: dict[str, dict[_Name, None]] = defaultdict(dict)  # insertion-ordered sets
    for cid, found in names(lang).items():
        for name in found:
            parts = morph.WORD_RE.findall(name)
            if not parts or len(parts[0]) < 2:
                continue
            keys = tuple(_key(p, lang) for p in parts)
            entry = _Name(
                keys,
                tuple(p[:1].isupper() for p in parts),
                tuple(len(p) > 1 and p.isupper() for p in parts),
                cid,
            )
            table[_index_key(keys[0])][entry] = None
    return {k: tuple(v) for k, v in table.items()}


def concepts_in(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, concept id) of every CLDR name of `lang` found in `text`, in text order.
    At each word the longest name found wins and the search goes on after it; a span that
    names several concepts (Singapore: a territory and a city) gives one row per concept,
    in id order."""
    index = _index(lang)
    if not index:
        return []
    tokens = morph.words(text)
    lowered = [_key(t.text, lang) for t in tokens]
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        best, concepts = 0, set()
        for name in _candidates(index, lowered[i]):
            n = len(name.keys)
            if n >= best and _matches(name, tokens, lowered, i, text, lang):
                if n > best:
                    best, concepts = n, set()
                concepts.add(name.concept)
        if best:
            start, end = tokens[i].start, tokens[i + best - 1].end
            out.extend((start, end, cid) for cid in sorted(concepts))
            i += best
        else:
            i += 1
    return out


def _candidates(index: dict[str, tuple[_Name, ...]], word: str) -> tuple[_Name, ...]:
    keys = {_index_key(word)} | ({word[:2]} if len(word) >= 3 else set())
    found: tuple[_Name, ...] = ()
    for key in sorted(keys):
        found += index.get(key, ())
    return found


def _matches(
    name: _Name, tokens: list[morph.Word], lowered: list[str], i: int, text: str, lang: str
) -> bool:
    n = len(name.keys)
    if i + n > len(tokens):
        return False
    for j in range(n):
        token = tokens[i + j]
        if name.capital[j] and not token.text[:1].isupper():
            return False
        if not morph.inflects(name.keys[j], lowered[i + j], lang, name.acronym[j]):
            return False
        if j and not _adjacent(text[tokens[i + j - 1].end : token.start]):
            return False
    return True


def _adjacent(gap: str) -> bool:
    """Only spaces and light punctuation between two words of one name."""
    return len(gap) <= 3 and not any(c.isalnum() or c in ".;:!?" for c in gap)


@cache
def calendar_names(lang: str) -> frozenset[str]:
    """Month and weekday names of `lang` (wide and abbreviated, format and stand-alone), lower
    case and without a final dot: dates, which the date rules check, not names."""
    locale = _locale(lang)
    if locale is None:
        return frozenset()
    found: set[str] = set()
    for table in (locale.months, locale.days):
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                try:
                    names = table[context][width]
                except (KeyError, LookupError):
                    continue
                found.update(str(n).lower().rstrip(".") for n in names.values())
    return frozenset(found)


@cache
def time_zone_abbreviations(lang: str) -> frozenset[str]:
    """The short time zone names CLDR gives in any locale of `lang` (ET, EDT, BST, GMT,
    AEST ...): after "7 p.m." such a word goes on the sentence, it does not start one."""
    from babel import localedata

    base = lang.replace("-", "_").split("_")[0]
    found: set[str] = set()
    for identifier in localedata.locale_identifiers():
        if identifier.split("_")[0] != base:
            continue
        locale = Locale.parse(identifier)
        for zone in (*locale.meta_zones.values(), *locale.time_zones.values()):
            found.update(v for v in zone.get("short", {}).values() if _ABBREVIATION.fullmatch(v))
    return frozenset(found)


_ABBREVIATION = re.compile(r"[A-Z][A-Za-z]{1,4}")
