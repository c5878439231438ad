"""One profile per language, read from lang/data/profiles.json and length_ratios.json.

A language is added by a row of profiles.json: `profile(code)` then describes it, and the
rules that ask a profile (Turkic suffixes, dotted-i case folding, number words) follow it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from aligncheck.lang.data import load


@dataclass(frozen=True)
class Profile:
    code: str
    script: str  # ISO 15924, as CLDR's likely subtags give it
    family: str  # "turkic", "slavic", "germanic", ...
    casefold: str  # "plain", or "dotted-i": I lowers to ı and İ to i (tr, az)
    number_words: str | None  # "num2words:<code>", "table" (number_words.json) or None
    harmony: str | None  # the table of turkic.json that inflects the language
    core: bool  # the rules are tuned and tested for it
    length_factor: float | None  # characters per English character (length_ratios.json)

    @property
    def turkic(self) -> bool:
        return self.family == "turkic"

    @property
    def num2words_code(self) -> str | None:
        source = self.number_words or ""
        return source.split(":", 1)[1] if source.startswith("num2words:") else None


@cache
def profiles() -> dict[str, Profile]:
    """Every profile by language code, in the data file's order."""
    factors = load("length_ratios.json")["factors"]
    return {
        code: Profile(code=code, length_factor=factors.get(code), **fields)
        for code, fields in load("profiles.json").items()
    }


def profile(lang: str) -> Profile | None:
    return profiles().get(lang)


def script(lang: str) -> str | None:
    """The ISO 15924 script of a profiled language (None for others)."""
    found = profile(lang)
    return found.script if found is not None else None


def languages_where(**fields) -> tuple[str, ...]:
    """Codes whose profiles have these field values, in the data file's order."""
    return tuple(
        code
        for code, p in profiles().items()
        if all(getattr(p, name) == value for name, value in fields.items())
    )


TURKIC = frozenset(languages_where(family="turkic"))
DOTTED_I = frozenset(languages_where(casefold="dotted-i"))
CORE_LANGUAGES = languages_where(core=True)


def length_factor(lang: str) -> float | None:
    """Calibrated characters of `lang` per English character, None when not calibrated."""
    return load("length_ratios.json")["factors"].get(lang)


def length_spread() -> float:
    """The calibrated spread c of log(target/source length): sd ~= c / sqrt(source chars)."""
    return load("length_ratios.json")["spread"]
