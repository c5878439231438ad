"""How common a word is in a language, from wordfreq's word lists (Zipf scale: 6 is about one
word in a thousand, 3 one in a million). A word rare in the source language is a name to the
translators (Palu, Tlatelolco), which they spell; a common one (Historically, Select) they may
translate or leave out together. Without wordfreq every word counts as common.
"""

from __future__ import annotations

from functools import cache, lru_cache


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str) -> float | None:
    """wordfreq's Zipf frequency of `word` in `lang` on its small list, which holds the words
    from Zipf 3 up (0.0: not listed); None without wordfreq or a list for the language (en-GB
    reads the en list)."""
    base = lang.replace("_", "-").split("-")[0].lower()
    if base not in _small_lists():
        return None
    from wordfreq import zipf_frequency

    return zipf_frequency(word, base, wordlist="small")


@lru_cache(maxsize=65536)
def listed(word: str, lang: str) -> bool | None:
    """Is `word` a word of `lang` at all: on wordfreq's large list, which goes down to Zipf 1
    (Denuclearization, Brexiteer are; Sinovation, Wesbanco are not)? None without wordfreq or
    a large list for the language."""
    base = lang.replace("_", "-").split("-")[0].lower()
    if base not in _large_lists():
        return None
    from wordfreq import zipf_frequency

    return zipf_frequency(word, base, wordlist="large") > 0


@cache
def _large_lists() -> frozenset[str]:
    try:
        from wordfreq import available_languages
    except ImportError:
        return frozenset()
    return frozenset(available_languages(wordlist="large"))


@cache
def _small_lists() -> frozenset[str]:
    """The languages wordfreq has a small list for (none without wordfreq)."""
    try:
        from wordfreq import available_languages
    except ImportError:
        return frozenset()
    return frozenset(available_languages(wordlist="small"))
