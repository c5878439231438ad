"""Language identification from character n-grams learnt from Babel's CLDR data.

Every locale in Babel carries a few thousand words of its own language (names of
languages, countries, months, units, time zones ...). Their letters act as the
language's exemplar characters and their n-grams as a small naive-Bayes model:
ə, ı, ğ, ň, ý, қ, ә, ё ... decide between close languages, n-grams settle the rest.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import babel
import numpy as np
import regex
from babel import Locale, UnknownLocaleError, localedata
from babel.core import get_global

from aligncheck._runtime.cache_registry import REGISTRY
from aligncheck._runtime.cachefiles import cache_file, kept_strings, store, store_json
from aligncheck._runtime.memo import per_release

MIN_LETTERS = 4
_MODEL_VERSION = REGISTRY["langid"].version
_ORDERS = (1, 2, 3)
_SMOOTHING = 0.1
_MIN_PROFILE_LETTERS = 15000
# The CLDR fields whose strings are words of the language (display names, month and day
# names, units, relative dates). Named, not "everything but": a new Babel may add fields
# that are codes or aliases (Babel 2.19's meta_zones alias to a 'GMT' entry some locales lack).
_WORD_FIELDS = (
    "compound_unit_patterns",
    "currency_names",
    "currency_names_plural",
    "currency_symbols",
    "currency_unit_patterns",
    "date_fields",
    "datetime_formats",
    "datetime_formats_relative",
    "day_periods",
    "days",
    "eras",
    "interval_formats",
    "languages",
    "list_patterns",
    "meta_zones",
    "months",
    "quarters",
    "scripts",
    "territories",
    "time_zones",
    "unit_display_names",
    "unit_patterns",
    "variants",
    "zone_formats",
)
_WORD = regex.compile(r"[\p{L}\p{M}]+")
_NOT_PROSE = regex.compile(
    r"(?<!\S)\S*(?:@|://|www\.)\S*|(?<![\w.-])(?:[\w-]+\.)+[a-z]{2,6}\b(?:/\S*)?"
    r"|\{[^{}\s]*\}|\]\([^)\s]*\)"
)


@lru_cache(maxsize=4096)
def normalize_lang(code: str) -> str:
    """`pt_BR` / `PT-br` -> `pt-BR`; a plain code is lower-cased (cached: identification
    normalises every candidate of every paragraph)."""
    parts = code.strip().replace("_", "-").split("-")
    return "-".join(
        [parts[0].lower(), *(p.upper() if len(p) == 2 else p.title() for p in parts[1:])]
    )


def is_known_language(code: str) -> bool:
    """True when Babel (CLDR) has locale data for this language code."""
    code = normalize_lang(code)
    if not regex.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", code):
        return False
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    return True


def letters(text: str) -> list[str]:
    """The lower-cased words of `text` that count as prose (no URLs, emails, placeholders)."""
    return list(_letters(text))


@per_release
def _letters(text: str) -> tuple[str, ...]:
    """Cached: splitting, language scores and the script checks all ask about one paragraph."""
    return tuple(_WORD.findall(_prose(text).lower()))


@per_release
def _prose(text: str) -> str:
    """`text` without URLs, emails and placeholders. None of _NOT_PROSE's matches holds or
    looks past a space (its lookbehinds and word boundaries read a space as a text's end),
    so it runs only on the words holding a mark it needs: plain-string tests are a hundred
    times faster than its search."""
    if not _may_hide_prose(text):
        return text
    parts = _SPACES.split(text)  # words at even indices, the spaces between at odd ones
    for i in range(0, len(parts), 2):
        if _may_hide_prose(parts[i]):
            parts[i] = _NOT_PROSE.sub(" ", parts[i])
    return "".join(parts)


def _may_hide_prose(text: str) -> bool:
    return (
        "@" in text
        or "://" in text
        or "www." in text
        or "{" in text
        or "](" in text
        or _DOT_LOWER.search(text) is not None
    )


_DOT_LOWER = re.compile(r"\.[a-z]")  # a domain needs one; ASCII a-z as in _NOT_PROSE
_SPACES = regex.compile(r"(\s+)")  # the spaces of _NOT_PROSE's \S


def common_letters(text: str) -> int:
    """Letters of the prose words that do not start with a capital: names, acronyms and
    title-case headings look alike in every language, so they carry little evidence."""
    return sum(len(word) for word in _WORD.findall(_prose(text)) if not word[0].isupper())


def _ngrams(words: Iterable[str]) -> Counter:
    """Letters, and longer n-grams of each word padded with one space either side."""
    joined = " " + "  ".join(words) + " "  # two spaces between words: no gram spans a gap
    grams = Counter(joined)
    for n in _ORDERS[1:]:
        grams.update(map("".join, zip(*(joined[i:] for i in range(n)))))
    for gram in [gram for gram in grams if gram.isspace() or "  " in gram]:
        del grams[gram]
    return grams


def _strings(value: object, path: tuple = ()) -> Iterable[tuple[tuple, str]]:
    """Every string below `value` with its path. An entry Babel cannot resolve (an alias to
    data this locale lacks) is skipped: one locale's odd data must not stop a run."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping) or hasattr(value, "items"):
        for key in value:
            try:
                item = value[key]
            except (LookupError, TypeError, ValueError, AttributeError):
                continue
            yield from _strings(item, (*path, key))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


@cache
def _locale_words(lang: str) -> dict[tuple, list[str]]:
    try:
        data = Locale.parse(normalize_lang(lang).replace("-", "_"))._data
    except (UnknownLocaleError, ValueError):
        raise ValueError(f"Babel has no data for language {lang!r}") from None
    return {
        path: _WORD.findall(text.lower())  # CLDR display strings hold no URLs or emails
        for field in _WORD_FIELDS
        for path, text in _strings(_field(data, field), (field,))
    }


def _field(data: Mapping, field: str) -> object:
    try:
        return data[field]
    except (LookupError, TypeError, ValueError, AttributeError):
        return None


def _training_words(lang: str) -> list[str]:
    """The locale's words, less those it shares with English in the same place (untranslated
    names and fallbacks), which would otherwise make every Latin-script profile look English."""
    own = _locale_words(lang)
    if normalize_lang(lang).split("-")[0] == "en":
        return [word for path in own for word in own[path]]
    english = _locale_words("en")
    words = []
    for path, found in own.items():
        shared = set(english.get(path, ()))
        words.extend(word for word in found if word not in shared)
    return words


@dataclass(frozen=True)
class _Profile:
    logprob: dict[str, float]
    unseen: dict[int, float]
    size: int  # letters of training text


def _build_profile(lang: str) -> _Profile:
    words = _training_words(lang)
    grams = _ngrams(words)
    totals, kinds = Counter(), Counter()
    for gram, count in grams.items():
        totals[len(gram)] += count
        kinds[len(gram)] += 1
    denominators = {n: totals[n] + _SMOOTHING * (kinds[n] + 1) for n in _ORDERS}
    unseen = {n: math.log(_SMOOTHING / denominators[n]) for n in _ORDERS}
    logprob = {
        gram: math.log((count + _SMOOTHING) / denominators[len(gram)])
        for gram, count in sorted(grams.items())
    }
    return _Profile(logprob, unseen, sum(map(len, words)))


def _cache_file(lang: str) -> Path:
    return cache_file("langid", "profile", key=lang)


@cache
def _profile(lang: str) -> _Profile:
    """The language's model, built from Babel once and then kept in the user's cache dir."""
    lang = normalize_lang(lang)
    path = _cache_file(lang)
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return _Profile(
            stored["logprob"], {int(n): v for n, v in stored["unseen"].items()}, stored["size"]
        )
    except (OSError, ValueError, KeyError, TypeError):
        pass
    profile = _build_profile(lang)
    store_json(path, {"logprob": profile.logprob, "unseen": profile.unseen, "size": profile.size})
    return profile


@dataclass(frozen=True)
class _Table:
    """Several profiles side by side, so one pass over a text's n-grams scores them all."""

    rows: dict[str, int]
    logprob: np.ndarray  # n-gram row x language
    unseen: np.ndarray  # order - 1 x language


def _table_file(langs: tuple[str, ...]) -> Path:
    digest = hashlib.sha1(",".join(langs).encode()).hexdigest()[:20]
    return _cache_file(f"table-{len(langs)}-{digest}").with_suffix(".npz")


@lru_cache(maxsize=16)
def _table(langs: tuple[str, ...]) -> _Table:
    """The candidates' table, kept in the cache dir beside the profiles: building it needs
    every candidate's profile, and a script has dozens of candidates (seconds per run)."""
    path = _table_file(langs)
    try:
        with np.load(path, allow_pickle=False) as stored:
            if tuple(stored["langs"].tolist()) == langs:
                grams = stored["grams"].tolist()
                return _Table(
                    dict(zip(grams, range(len(grams)))), stored["logprob"], stored["unseen"]
                )
    except (OSError, ValueError, KeyError, TypeError):
        pass
    table = _build_table(langs)
    store(
        path,
        lambda t: np.savez(
            t,
            langs=np.array(langs),
            grams=np.array(list(table.rows)),
            logprob=table.logprob,
            unseen=table.unseen,
        ),
        suffix=".tmp.npz",
    )
    return table


def _build_table(langs: tuple[str, ...]) -> _Table:
    profiles = [_profile(lang) for lang in langs]
    rows: dict[str, int] = {}
    for profile in profiles:
        for gram in profile.logprob:
            rows.setdefault(gram, len(rows))
    unseen = np.array([[p.unseen[n] for p in profiles] for n in _ORDERS])
    logprob = np.empty((len(rows), len(langs)))
    orders = np.array([len(gram) for gram in rows], dtype=int)
    logprob[:] = unseen[orders - 1]
    for column, profile in enumerate(profiles):
        logprob[[rows[g] for g in profile.logprob], column] = list(profile.logprob.values())
    return _Table(rows, logprob, unseen)


def log_likelihoods(text: str, candidates: Sequence[str]) -> tuple[dict[str, float], int]:
    """Naive-Bayes log-likelihood of `text` under each candidate, and how many letters of the
    candidates' scripts it has (only those are scored)."""
    langs = tuple(sorted(set(candidates)))
    if not langs:
        return {}, sum(map(len, letters(text)))
    scored = _SCORED.setdefault(langs, {})
    if text not in scored:
        scored[text] = _stored_or_computed(text, langs)
    scores, count = scored[text]
    return dict(scores), count


_SCORED: dict[tuple[str, ...], dict[str, tuple]] = {}  # this process's scores, by candidates


def _scores_model(langs: tuple[str, ...]) -> str:
    return f"babel{babel.__version__}-v{_MODEL_VERSION}|{','.join(langs)}"


def prime_scores(texts: Iterable[str], candidates: Sequence[str]) -> None:
    """Read the stored scores of many texts in one query (log_likelihoods then finds them)."""
    from aligncheck.lang import langid_scores

    langs = tuple(sorted({normalize_lang(c) for c in candidates}))
    scored = _SCORED.setdefault(langs, {})
    missing = [text for text in dict.fromkeys(texts) if text not in scored]
    if langs and missing:
        scored.update(langid_scores.load_many(_scores_model(langs), langs, missing))


def _stored_or_computed(text: str, langs: tuple[str, ...]):
    """Scores from the cache directory, else computed (and stored); float32 either way."""
    from aligncheck.lang import langid_scores

    model = _scores_model(langs)
    found = langid_scores.load(model, langs, text)
    if found is None:
        found = langid_scores.rounded(_log_likelihoods(text, langs, _table(langs)))
        langid_scores.save(model, text, found)
    return found


def _log_likelihoods(
    text: str, langs: tuple[str, ...], table: _Table
) -> tuple[tuple[tuple[str, float], ...], int]:
    words = letters(text)
    foreign = _foreign_letters(langs) if langs else None
    if foreign is not None:  # Latin names in a Cyrillic text say nothing about ru versus kk
        words = foreign.sub("", " ".join(words)).split()
    known_rows, known_counts, unseen_counts = [], [], [0] * len(_ORDERS)
    rows = table.rows
    for gram, count in _ngrams(words).items():
        row = rows.get(gram)
        if row is None:
            unseen_counts[len(gram) - 1] += count  # plain ints: numpy scalar updates are slow
        else:
            known_rows.append(row)
            known_counts.append(count)
    unknown = np.array(unseen_counts, dtype=float)
    totals = (
        np.asarray(known_counts, dtype=float) @ table.logprob[known_rows] + unknown @ table.unseen
    )
    return tuple((lang, float(totals[i])) for i, lang in enumerate(langs)), sum(map(len, words))


def _posterior(logliks: Mapping[str, float], letter_count: int) -> dict[str, float]:
    if not logliks:
        return {}
    # Long texts make naive Bayes overconfident; temper by length so confidence stays readable.
    temper = 1.0 / max(1.0, math.sqrt(letter_count / 20))
    best = max(logliks.values())
    weights = {lang: math.exp((value - best) * temper) for lang, value in logliks.items()}
    total = sum(weights.values())
    return {lang: weights[lang] / total for lang in logliks}


def language_scores(text: str, candidates: Sequence[str]) -> dict[str, float]:
    """Probability of each candidate language for `text` (sums to 1; uniform without letters)."""
    unique = list(_normalized(tuple(candidates)))
    logliks, count = log_likelihoods(text, unique)
    if count == 0:
        return {lang: 1.0 / len(unique) for lang in unique} if unique else {}
    return _posterior(logliks, count)


@cache
def _script(lang: str) -> str | None:
    likely = get_global("likely_subtags").get(normalize_lang(lang).split("-")[0], "")
    parts = likely.split("_")
    return parts[1] if len(parts) > 1 else None


_SCRIPT_CLASS = {
    "Jpan": r"\p{Han}\p{Hiragana}\p{Katakana}",
    "Kore": r"\p{Hangul}\p{Han}",
    "Hans": r"\p{Han}",
    "Hant": r"\p{Han}",
}


def _script_class(script: str) -> str:
    return _SCRIPT_CLASS.get(script, rf"\p{{Script={script}}}")


@cache
def _script_pattern(script: str) -> regex.Pattern | None:
    try:
        return regex.compile(f"[{_script_class(script)}]")
    except regex.error:
        return None


@lru_cache(maxsize=256)
def _foreign_letters(langs: tuple[str, ...]) -> regex.Pattern | None:
    """Letters in none of the candidates' scripts (None if a candidate's script is unknown)."""
    scripts = {_script(lang) for lang in langs}
    if None in scripts or any(_script_pattern(script) is None for script in scripts):
        return None
    return regex.compile("[^ " + "".join(_script_class(script) for script in sorted(scripts)) + "]")


def _scripts_of(text: str) -> tuple[str, ...]:
    """The Babel scripts covering at least half of the text's letters (counted per distinct
    letter: each script's pattern is one character class)."""
    joined = "".join(letters(text))
    table = _letter_scripts()
    covered = dict.fromkeys(_babel_scripts(), 0)
    for char, count in Counter(joined).items():
        for script in table.of(char):
            covered[script] += count
    table.keep()
    return tuple(
        script
        for script, count in covered.items()
        if script in table.usable and 2 * count >= len(joined)
    )


class _LetterScripts:
    """Which scripts' patterns match each letter met so far, kept in the cache dir (per Babel
    and regex version): a warm run then compiles none of the 42 patterns nor matches them."""

    def __init__(self, path: Path):
        self.path, self.changed = path, False
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            self.usable = frozenset(stored["usable"])
            self.letters = {char: tuple(found) for char, found in stored["letters"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.usable = frozenset(s for s in _babel_scripts() if _script_pattern(s) is not None)
            self.letters, self.changed = {}, True

    def of(self, char: str) -> tuple[str, ...]:
        found = self.letters.get(char)
        if found is None:
            found = self.letters[char] = tuple(
                script
                for script in _babel_scripts()
                if (pattern := _script_pattern(script)) is not None and pattern.match(char)
            )
            self.changed = True
        return found

    def keep(self) -> None:
        if self.changed:
            store_json(
                self.path,
                {
                    "usable": sorted(self.usable),
                    "letters": {c: list(found) for c, found in self.letters.items()},
                },
            )
            self.changed = False


@cache
def _letter_scripts() -> _LetterScripts:
    return _LetterScripts(cache_file("langid", "letters"))


@cache
def _babel_languages() -> tuple[str, ...]:
    codes = {ident.split("_")[0] for ident in localedata.locale_identifiers()}
    return tuple(sorted(code for code in codes if code != "root" and len(code) <= 3))


@cache
def _babel_scripts() -> tuple[str, ...]:
    """Kept in the cache dir: listing Babel's locales and their scripts costs ~20 ms a run."""
    return kept_strings(
        _cache_file("scripts"),
        lambda: sorted({_script(lang) for lang in _babel_languages()} - {None}),
        nonempty=True,
    )


@cache
def _official_languages() -> frozenset[str]:
    """Languages official somewhere and not a copy of another language's locale data."""
    official = {
        lang.split("_")[0]
        for languages in get_global("territory_languages").values()
        for lang, info in languages.items()
        if info.get("official_status")
    }
    derived = {
        child
        for child, parent in get_global("parent_exceptions").items()
        if child.split("_")[0] != parent.split("_")[0]
    }
    return frozenset(official - derived)


@cache
def default_candidates(script: str) -> tuple[str, ...]:
    """Official Babel languages written in `script` whose locale data is rich enough to model.

    Kept in the cache dir: telling needs every such language's profile (a second per run)."""
    return kept_strings(
        _cache_file(f"candidates-{script}-{_MIN_PROFILE_LETTERS}"),
        lambda: (
            lang
            for lang in _babel_languages()
            if lang in _official_languages()
            and _script(lang) == script
            and _profile(lang).size >= _MIN_PROFILE_LETTERS
        ),
    )


@lru_cache(maxsize=256)
def _normalized(candidates: tuple[str, ...]) -> tuple[str, ...]:
    """The candidates normalised, first occurrences in order (cached: splitting asks about
    every paragraph with the same few dozen)."""
    return tuple(dict.fromkeys(normalize_lang(c) for c in candidates))


def candidates_for(text: str) -> tuple[str, ...]:
    """The well-described official Babel languages written in the text's main script(s)."""
    return _script_candidates(_scripts_of(text))


@lru_cache(maxsize=256)
def _script_candidates(scripts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(lang for script in scripts for lang in default_candidates(script))


def identify(text: str, candidates: Sequence[str] | None = None) -> tuple[str | None, float]:
    """The most likely language of `text` and its probability; (None, 0.0) if too few letters.

    Without candidates, every well-described Babel language of the text's main script competes.
    """
    if sum(map(len, letters(text))) < MIN_LETTERS:
        return None, 0.0
    if candidates is None:
        candidates = candidates_for(text)
    unique = list(_normalized(tuple(candidates)))
    logliks, count = log_likelihoods(text, unique)
    if count < MIN_LETTERS or not unique:
        return None, 0.0
    scores = _posterior(logliks, count)
    best = max(sorted(scores), key=lambda lang: scores[lang])
    return best, scores[best]
