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
    return _frequency(word, lang, "small")


@lru_cache(maxsize=65536)
def listed(word: str, lang: str) -> bool | None:
    """Is `word` a word of `lang` at all: on wordfreq's large list, which goes down to Zipf 1
    (Denuclearization, Brexiteer are; Sinovation, Wesbanco are not)? None without wordfreq or
    a large list for the language."""
    found = _frequency(word, lang, "large")
    return None if found is None else found > 0


def _frequency(word: str, lang: str, wordlist: str) -> float | None:
    base = lang.replace("_", "-").split("-")[0].lower()
    if base not in _languages(wordlist):
        return None
    from wordfreq import zipf_frequency

    return zipf_frequency(word, base, wordlist=wordlist)


@cache
def _languages(wordlist: str) -> frozenset[str]:
    """The languages wordfreq has `wordlist` for (none without wordfreq)."""
    try:
        from wordfreq import available_languages
    except ImportError:
        return frozenset()
    return frozenset(available_languages(wordlist=wordlist))
