"""Number words per language: "five", "пятью", "бес", "beşinci", "dört ýyllyk".

Lexicons come from num2words (where a language's profile names its converter); Russian
inflection from pymorphy3 lexemes; Turkic inflection as stem + suffix. Turkmen has no
maintained source, so its small table is in lang/data/number_words.json, with the suffixes,
abbreviations and quantity words. Words that often are not numbers (value 1 - "one of",
"bir" as an article -, ordinals like "second", homonyms) are marked soft: they may
satisfy a number on the other side but are never reported on their own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import TypeVar

import regex

from aligncheck._runtime.cachefiles import cache_file, store_json
from aligncheck.lang.data import load
from aligncheck.lang.morph import russian_analyzer
from aligncheck.lang.profiles import TURKIC, profiles

_DATA = load("number_words.json")
NUM2WORDS_LANG = {code: p.num2words_code for code, p in profiles().items() if p.num2words_code}
TABLES = {
    code: _DATA["tables"][code] for code, p in profiles().items() if p.number_words == "table"
}
ATOMIC = list(range(21)) + list(range(30, 100, 10)) + list(range(100, 1000, 100))
SCALES = (1000, 10**6, 10**9, 10**12)

# Abbreviated scale words num2words does not spell.
SCALE_ABBREVIATIONS = _DATA["scale_abbreviations"]
# Turkic suffixes a numeral takes: ordinal, adjective ("-year", "-fold"), collective.
ORDINAL_SUFFIXES = _DATA["ordinal_suffixes"]
ADJECTIVE_SUFFIXES = _DATA["adjective_suffixes"]
# "ikisi", "ikisini": the two of them.
POSSESSIVE_SUFFIXES = _DATA["possessive_suffixes"]
GROUP_SUFFIXES = _DATA["group_suffixes"]
# Bare Turkic numerals that are also common other words ("yüz" face, "on" in "onun").
HOMONYMS = {lang: frozenset(found) for lang, found in _DATA["homonyms"].items()}
# Words that imply a count without being numerals: they may answer a numeral, never report.
QUANTITY_WORDS = _DATA["quantity_words"]
# Russian collective numerals ("шестеро"): numerals that pymorphy3 lemmatises on their own.
RU_COLLECTIVE = _DATA["ru_collective"]
# Case, plural and possessive endings, accepted after stems of four letters or more.
INFLECTION_SUFFIXES = _DATA["inflection_suffixes"]
ENDINGS = ("", *INFLECTION_SUFFIXES, *POSSESSIVE_SUFFIXES)
VOICED = str.maketrans(_DATA["voiced"])
RU_COMPOUND_TAILS = tuple(_DATA["ru_compound_tails"])
VOWELS = set(_DATA["vowels"])
TOKEN = regex.compile(r"\p{L}+(?:['’]\p{L}+)?")
T = TypeVar("T")


@dataclass(frozen=True)
class Word:
    value: int
    ordinal: bool = False
    soft: bool = False
    rough: bool = False  # a count without being a numeral: "both", "dozens", "üçer"


def _norm(word: str) -> str:
    return word.replace("İ", "i").lower().replace("ё", "е")


def _num2words(n: int, lang: str, to: str = "cardinal") -> str | None:
    try:
        from num2words import num2words

        return num2words(n, lang=NUM2WORDS_LANG[lang], to=to)
    except Exception:  # noqa: BLE001 - not installed, or a converter without that form
        return None


@cache
def lexicon(lang: str) -> dict[str, Word]:
    """Base number words of `lang` (lower-case, ё as е) -> value."""
    if lang == "ru":
        return _russian_tables()[0]
    if lang in NUM2WORDS_LANG:
        return _num2words_lexicon(lang)
    return _build_lexicon(lang)


def _build_lexicon(lang: str) -> dict[str, Word]:
    if lang in TABLES:
        return {w: Word(v) for w, v in TABLES[lang].items()}
    if lang not in NUM2WORDS_LANG:
        return {}
    words: dict[str, Word] = {}
    one = _norm(_num2words(1, lang) or "")
    for n in ATOMIC + list(SCALES):
        text = _num2words(n, lang)
        if text and (n < 100 or " " not in text or n in SCALES or n == 100):  # "one hundred"
            word = _norm(regex.split(r"[\s-]+", text)[-1])
            if n in SCALES and word.startswith(one) and len(word) > len(one) + 2:
                word = word[len(one) :]  # Turkish writes "birmilyon"
            words.setdefault(word, Word(n))
        if lang in ("en", "ru") and 0 < n <= 100:
            ordinal = _num2words(n, lang, "ordinal")
            if ordinal and " " not in ordinal:
                words.setdefault(_norm(ordinal), Word(n, ordinal=True, soft=True))
    for abbr, value in SCALE_ABBREVIATIONS.get(lang, {}).items():
        words.setdefault(abbr, Word(value))
    if lang == "ru":
        words = _russian_forms(words)
    return words


def _russian_forms(base: dict[str, Word]) -> dict[str, Word]:
    morph = russian_analyzer()
    forms = dict(base)
    if morph is None:
        return forms
    for word, info in base.items():
        for parse in morph.parse(word)[:1]:
            for form in parse.lexeme:
                key = _norm(form.word)
                if key in forms:
                    continue
                top = morph.parse(form.word)[0]
                numeral = _norm(top.normal_form) == _norm(parse.normal_form)
                forms[key] = Word(info.value, info.ordinal, info.soft or not numeral)
    return forms


def _russian_prefixes() -> tuple[tuple[str, int], ...]:
    """Genitive stems that open compounds: "четырёх" in "четырёхлетний"."""
    return _russian_tables()[1]


def _build_russian_prefixes(lexicon_ru: dict[str, Word]) -> tuple[tuple[str, int], ...]:
    morph = russian_analyzer()
    found = {"дву": 2, "одно": 1, "сто": 100}
    for word, info in lexicon_ru.items() if morph else ():
        parse = morph.parse(word)[0]
        if info.ordinal or info.value in SCALES or "NUMR" not in parse.tag:
            continue
        gent = parse.inflect({"gent"})
        if gent:
            found.setdefault(_norm(gent.word), info.value)
    return tuple(sorted(found.items(), key=lambda kv: -len(kv[0])))


def _cache_file(lang: str, packages: tuple[str, ...]) -> Path | None:
    """Where a lexicon is kept: it depends only on the versions of `packages` (importing
    num2words alone costs a sixth of a second, pymorphy3's Russian forms a second or two)."""
    return cache_file("numwords", key=lang, packages=packages)


def _russian_cache_file() -> Path | None:
    return _cache_file("ru", ("num2words", "pymorphy3", "pymorphy3-dicts-ru"))


def _encode(words: dict[str, Word]) -> list:
    return [[w, i.value, i.ordinal, i.soft, i.rough] for w, i in words.items()]


def _decode(stored: list) -> dict[str, Word]:
    return {w: Word(int(v), bool(o), bool(s), bool(r)) for w, v, o, s, r in stored}


def _num2words_lexicon(lang: str) -> dict[str, Word]:
    path = _cache_file(lang, ("num2words",))
    if path is not None:
        try:
            return _decode(json.loads(path.read_text(encoding="utf-8"))["lexicon"])
        except (OSError, ValueError, KeyError, TypeError):
            pass
    words = _build_lexicon(lang)
    if path is not None:
        store_json(path, {"lexicon": _encode(words)})
    return words


@cache
def _russian_tables() -> tuple[dict[str, Word], tuple[tuple[str, int], ...], dict[str, Word]]:
    """Russian lexicon (with pymorphy3's inflected forms), compound-opening stems, and the
    forms of collective numerals and quantity words. Built once per machine: loading
    pymorphy3's dictionaries alone costs a quarter of a second on every run otherwise."""
    path = _russian_cache_file() if find_spec("pymorphy3") is not None else None
    if path is not None:
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            return (
                _decode(stored["lexicon"]),
                tuple((p, int(v)) for p, v in stored["prefixes"]),
                _decode(stored["quantities"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            pass
    words = _build_lexicon("ru")
    prefixes = _build_russian_prefixes(words)
    quantities = _build_russian_quantities()
    if path is not None:
        store_json(
            path,
            {
                "lexicon": _encode(words),
                "prefixes": [list(p) for p in prefixes],
                "quantities": _encode(quantities),
            },
        )
    return words, prefixes, quantities


def _build_russian_quantities() -> dict[str, Word]:
    """Every form whose likeliest pymorphy3 lemma is a collective numeral ("шестерых") or a
    quantity word ("десятков", "обеих")."""
    morph = russian_analyzer()
    lemmas = {
        **{k: Word(v) for k, v in RU_COLLECTIVE.items()},
        **{k: Word(v, soft=True, rough=True) for k, v in QUANTITY_WORDS["ru"].items()},
    }
    openings = {w[:3] for w in (*lemmas, "обеих", "обоих")}  # not "подвойнее"
    found: dict[str, Word] = {}
    for lemma, info in lemmas.items() if morph else ():
        for parse in morph.parse(lemma):
            if _norm(parse.normal_form) != lemma:
                continue
            for form in parse.lexeme:
                key = _norm(form.word)
                if key[:3] in openings and _norm(morph.parse(key)[0].normal_form) == lemma:
                    found.setdefault(key, info)
    return found


@cache
def _turkic_stems(lang: str) -> tuple[tuple[str, Word], ...]:
    stems: dict[str, Word] = {}
    for word, info in lexicon(lang).items():
        stems.setdefault(word, info)
        stems.setdefault(word[:-1] + word[-1].translate(VOICED), info)
        if word[-1] in "ıiuüyыі":
            stems.setdefault(word[:-1], info)
    return tuple(sorted(stems.items(), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=65536)
def lookup(token: str, lang: str) -> Word | None:
    """The number a single word stands for in `lang`, or None (cached: every rule that reads
    numbers asks about every word)."""
    return _lookup(_norm(token).replace("’", "'").split("'")[0], lang)


@lru_cache(maxsize=65536)
def _lookup(key: str, lang: str) -> Word | None:
    base = lexicon(lang)
    if key in base:
        info = base[key]
        soft = info.soft or info.value in (0, 1) or key in HOMONYMS.get(lang, ())
        return Word(info.value, info.ordinal, soft)
    if key in QUANTITY_WORDS.get(lang, {}):
        return Word(QUANTITY_WORDS[lang][key], soft=True, rough=True)
    if lang == "en":
        return _english_compound(key)
    if lang == "ru" and key in _russian_tables()[2]:
        return _russian_tables()[2][key]
    if lang == "ru":
        for prefix, value in _opening(key, _russian_prefixes(), _russian_prefixes_by_letter()):
            if key.startswith(prefix) and key[len(prefix) :].startswith(RU_COMPOUND_TAILS):
                return Word(value, soft=True)
    if lang in TURKIC:
        return _turkic(key, lang)
    return None


ENGLISH_COMPOUND_TAILS = tuple(_DATA["english_compound_tails"])


def _english_compound(key: str) -> Word | None:
    """ "fourfold", "fourballs": a numeral opening a compound counts softly
    ("tensions" does not)."""
    for word, info in _english_openings().get(key[:3], ()):
        if key.startswith(word) and key[len(word) :] in ENGLISH_COMPOUND_TAILS:
            return Word(info.value, soft=True)
    return None


@cache
def _english_openings() -> dict[str, tuple[tuple[str, Word], ...]]:
    """Cardinals of three letters or more by their first three letters, in lexicon order
    (a compound opens with one, so only that bucket can match)."""
    found: dict[str, list[tuple[str, Word]]] = {}
    for word, info in lexicon("en").items():
        if len(word) >= 3 and not info.ordinal:
            found.setdefault(word[:3], []).append((word, info))
    return {opening: tuple(words) for opening, words in found.items()}


def _by_first_letter(
    openings: tuple[tuple[str, T], ...],
) -> dict[str, tuple[tuple[str, T], ...]] | None:
    """Openings (stems, prefixes) by first letter, each in the given order: a word need only
    be tried against those of its own first letter. None if one is empty (it opens all)."""
    if any(not opening for opening, _ in openings):
        return None
    found: dict[str, list[tuple[str, T]]] = {}
    for item in openings:
        found.setdefault(item[0][0], []).append(item)
    return {letter: tuple(items) for letter, items in found.items()}


def _opening(key: str, openings: tuple, by_letter: dict | None) -> tuple:
    return openings if by_letter is None else by_letter.get(key[:1], ())


@cache
def _turkic_stems_by_letter(lang: str):
    return _by_first_letter(_turkic_stems(lang))


@cache
def _russian_prefixes_by_letter():
    return _by_first_letter(_russian_prefixes())


def _turkic(key: str, lang: str) -> Word | None:
    for stem, info in _opening(key, _turkic_stems(lang), _turkic_stems_by_letter(lang)):
        if not key.startswith(stem) or len(key) == len(stem):
            continue
        suffix = key[len(stem) :]
        inflected = (
            len(stem) >= 4 and suffix in INFLECTION_SUFFIXES
        ) or suffix in POSSESSIVE_SUFFIXES
        if inflected and stem[-1] in VOWELS and suffix[0] in "nн":
            continue  # "altında" is "under", not "at six"
        if inflected or _derived(suffix, ADJECTIVE_SUFFIXES):
            return Word(info.value, soft=info.value == 1)
        if _derived(suffix, ORDINAL_SUFFIXES):
            return Word(info.value, ordinal=True, soft=True)
        if _derived(suffix, GROUP_SUFFIXES):
            return Word(info.value, soft=True, rough=True)
    return None


def _derived(suffix: str, derivations: list[str]) -> bool:
    """A derivation, then at most one case or possessive ending: "üçüncüsü", "ондықтың"."""
    return any(suffix.startswith(d) and suffix[len(d) :] in ENDINGS for d in derivations)


@dataclass(frozen=True)
class WordNumber:
    start: int
    end: int
    value: int
    ordinal: bool
    soft: bool
    rough: bool = False


_JOINING_GAP = regex.compile(r"[\s\-‑]+|\s+(?:and|и)\s+")
_OF_GAP = regex.compile(r"\s+of\s+")


def find_number_words(text: str, lang: str) -> list[WordNumber]:
    """Runs of number words ("forty four", "сорок четыре", "iki yüz") with their value."""
    lang = lang.lower().split("-")[0].split("_")[0]
    found: list[WordNumber] = []
    run: list[tuple[int, int, Word]] = []
    for match in TOKEN.finditer(text):
        word = lookup(match.group(), lang)
        if not word and not run:
            continue  # most words: nothing to close, nothing to start
        if not word and run and run[-1][2].rough and lang == "en" and match.group() == "of":
            continue  # "tens of thousands": wait for the scale
        if (
            not word
            and run
            and run[-1][2].value >= 100
            and lang == "en"
            and match.group().lower() == "and"
        ):
            continue  # "two hundred and five": wait for the units
        if word and lang == "en" and _capitalised_inside_sentence(text, match.start()):
            word = Word(word.value, word.ordinal, soft=True)
        gap = text[run[-1][1] : match.start()] if run else ""
        joined = run and (
            _JOINING_GAP.fullmatch(gap)
            or (
                # "tens of thousands": a rough count of a scale
                lang == "en"
                and word
                and word.value in SCALES
                and run[-1][2].rough
                and _OF_GAP.fullmatch(gap)
            )
        )
        if word and run and joined and _continues(run, word):
            run.append((match.start(), match.end(), word))
            continue
        if run:
            found.append(_combine(run))
        run = [(match.start(), match.end(), word)] if word else []
    if run:
        found.append(_combine(run))
    return [_approximate(text, w, lang) for w in found]


APPROXIMATE_JOINS = _DATA["approximate_joins"]
BOTH_BEFORE = regex.compile(r"(?:\bher|\bhər)\s+$", regex.IGNORECASE)


@cache
def _approximate_joins(lang: str) -> tuple[regex.Pattern, regex.Pattern] | None:
    """(join then a word, a word then join at the end), compiled once per language."""
    join = APPROXIMATE_JOINS.get(lang)
    return (regex.compile(join + r"\p{L}"), regex.compile(r"\p{L}" + join + "$")) if join else None


def _approximate(text: str, word: WordNumber, lang: str) -> WordNumber:
    """ "one or two", "her iki" (both): a rough count, not a figure to check."""
    joins = _approximate_joins(lang)
    before, after = text[max(0, word.start - 12) : word.start], text[word.end : word.end + 12]
    rough = joins and (joins[0].match(after) or joins[1].search(before))
    if rough or (word.value == 2 and BOTH_BEFORE.search(before)):
        return WordNumber(word.start, word.end, word.value, word.ordinal, True, True)
    return word


def _capitalised_inside_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘«(")
    return text[start].isupper() and bool(before) and before[-1] not in ".!?:;\n"


def _continues(run: list[tuple[int, int, Word]], word: Word) -> bool:
    if run[-1][2].ordinal:
        return False
    current = _value([w for _, _, w in run]) % 1000
    if word.value >= 100:
        return True
    return current % 100 == 0 or (current % 10 == 0 and word.value < 10)


def _value(words: list[Word]) -> int:
    total = current = 0
    for word in words:
        if word.value == 100 or (
            100 < word.value < 1000 and word.value % 100 == 0 and current == 0
        ):
            current = (current or 1) * word.value if word.value == 100 else current + word.value
        elif word.value in SCALES:
            total += (current or 1) * word.value
            current = 0
        else:
            current += word.value
    return total + current


def _combine(run: list[tuple[int, int, Word]]) -> WordNumber:
    words = [w for _, _, w in run]
    rough = any(w.soft and w.value != 1 for w in words)  # "десятки тысяч": tens of thousands
    soft = rough or words[-1].soft or (len(words) == 1 and words[0].value in SCALES)
    return WordNumber(
        run[0][0], run[-1][1], _value(words), words[-1].ordinal, soft, any(w.rough for w in words)
    )


# Letters a typist confuses with their diacritic twin ("baş" for "bäş", "уш" for "үш").
DIACRITIC_TWINS = tuple(_DATA["diacritic_twins"])


def misspelt_number_word(token: str, lang: str) -> Word | None:
    """The number word `token` becomes with one letter's diacritic added or dropped, if
    `token` itself is not a number word: "baş" in Turkmen reads as "bäş" (5)."""
    lang = lang.lower().split("-")[0].split("_")[0]
    if len(token) < 2 or lookup(token, lang):
        return None
    low = _norm(token)
    for i, char in enumerate(low):
        for twins in DIACRITIC_TWINS:
            if char not in twins:
                continue
            for other in twins.replace(char, ""):
                word = lookup(low[:i] + other + low[i + 1 :], lang)
                if word and not word.soft:
                    return word
    return None
