"""How common a word is in a language, from wordfreq's word lists (Zipf scale: 6 is about one
word in a thousand, 3 one in a million). A word rare in the source language is a name to the
translators (Palu, Tlatelolco), which they spell; a common one (Historically, Select) they may
translate or leave out together. Without wordfreq every word counts as common.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str) -> float | None:
    """wordfreq's Zipf frequency of `word` in `lang` (0.0: not listed); None without wordfreq
    or without a list for the language."""
    try:
        from wordfreq import available_languages, zipf_frequency
    except ImportError:
        return None
    if lang not in _available(available_languages):
        return None
    return zipf_frequency(word, lang, wordlist="small")  # words from Zipf 3 up: enough here


_LANGS: list[frozenset[str]] = []


def _available(available_languages) -> frozenset[str]:
    if not _LANGS:
        _LANGS.append(frozenset(available_languages()))
    return _LANGS[0]
