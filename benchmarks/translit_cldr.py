"""Name matching on field data: CLDR's exemplar cities, English against ru, kk, az, tk and tr.

    python benchmarks/translit_cldr.py

Each time zone's exemplar city as CLDR writes it in English (the zone ID's last part where
CLDR gives no English name) and in the target language, single words only: a right pair. The
same names shuffled twice, a wrong pair. A pair matches where `find_word` finds the target
word at the default threshold (0.8, capital bonus included). Columns: aligncheck's key alone
(the English sound rules), with the second reading as written (`WRITTEN_READING_FROM`, now),
and, where PyICU is installed, with ICU's BGN romanisation of the target word and ICU's
BGN reading of the English word as Russian added on top (issue 13 asks whether ICU's
transliterators do better than the keys; they are not a dependency).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import regex  # noqa: E402
from anyascii import anyascii  # noqa: E402
from babel import Locale  # noqa: E402

from aligncheck.lang import translit  # noqa: E402
from aligncheck.lang.morph import lower, words  # noqa: E402

THRESHOLD = 0.8


def city_pairs(lang: str) -> list[tuple[str, str]]:
    english, other = Locale("en"), Locale(lang)
    pairs = []
    for zone, names in other.time_zones.items():
        city = names.get("city")
        source = english.time_zones.get(zone, {}).get("city") or zone.split("/")[-1]
        source = source.replace("_", " ")
        if city and " " not in city + source and "-" not in source:
            pairs.append((source, city))
    return sorted(set(pairs))


def wrong_pairs(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    rng, right, out = random.Random(0), set(pairs), []
    for _ in range(2):
        shuffled = rng.sample(pairs, len(pairs))
        out += [(a, b) for (a, _), (_, b) in zip(pairs, shuffled) if (a, b) not in right]
    return out


def icu_readings(lang: str):
    """(target word -> key, English word -> Russian text), or None without PyICU."""
    try:
        import icu
    except ImportError:
        return None
    if f"{lang}-{lang}_Latn/BGN" not in set(icu.Transliterator.getAvailableIDs()):
        return None  # a Latin-script language: nothing to romanise
    romanise = icu.Transliterator.createInstance(f"{lang}-{lang}_Latn/BGN")
    cyrillic = icu.Transliterator.createInstance("ru_Latn-ru/BGN")

    def target_key(word: str) -> str:
        text = anyascii(romanise.transliterate(lower(word, lang))).lower()
        return translit._reduce(regex.sub(r"[^a-z0-9]", "", text))

    return target_key, cyrillic.transliterate


def matched(source: str, target: str, lang: str, icu=None) -> bool:
    if translit.find_word(source, "en", words(target), lang, THRESHOLD) is not None:
        return True
    if icu is None:
        return False
    target_key, as_russian = icu
    source_key = translit.key(source, "en")
    bonus = translit.CAPITAL_BONUS
    return (
        translit.similarity(source_key, target_key(target)) + bonus >= THRESHOLD
        or translit.find_word(as_russian(source), "ru", words(target), lang, THRESHOLD) is not None
    )


def main() -> None:
    print(
        "| pair | right pairs | keys alone | + as written (now) | + ICU "
        "| wrong pairs matched: keys alone / now / + ICU |"
    )
    print("|---|---:|---:|---:|---:|---|")
    for lang in ("ru", "kk", "az", "tk", "tr"):
        right = city_pairs(lang)
        wrong = wrong_pairs(right)
        icu = icu_readings(lang)
        counts = []
        for setting in ("alone", "now", "icu"):
            saved = translit.WRITTEN_READING_FROM
            translit.WRITTEN_READING_FROM = 2.0 if setting == "alone" else saved
            extra = icu if setting == "icu" else None
            if setting == "icu" and icu is None:
                counts.append(None)
            else:
                counts.append(
                    (
                        sum(matched(a, b, lang, extra) for a, b in right),
                        sum(matched(a, b, lang, extra) for a, b in wrong),
                    )
                )
            translit.WRITTEN_READING_FROM = saved
            translit._TABLES.clear()
            translit._LISTS.clear()
        shown = [f"{c[0]}" if c else "-" for c in counts]
        wrongs = " / ".join(f"{c[1]}" if c else "-" for c in counts)
        print(f"| en-{lang} | {len(right)} | {' | '.join(shown)} | {wrongs} of {len(wrong)} |")


if __name__ == "__main__":
    main()
