"""Language scores kept across runs: splitting a multilingual file and UT01 score the same
paragraphs on every run (on the seed ~0.9 s of a 2.4 s warm run), and a score depends only on
the text, the candidate languages and the profiles' version.

Stored in the cache directory (langid/scores.sqlite3) through the embedding cache's SQLite
store, so concurrent runs and a damaged file are handled the same way: never fatal.
Scores are float32 on every path, so a run that computes them and one that reads them agree.
"""

from __future__ import annotations

import numpy as np

from aligncheck._runtime.cachefiles import cache_file
from aligncheck.embed.cache import EmbeddingCache, text_key

Scores = tuple[tuple[tuple[str, float], ...], int]
_STORE: list[EmbeddingCache] = []


def _store() -> EmbeddingCache:
    if not _STORE:
        _STORE.append(EmbeddingCache(cache_file("langid", "scores")))
    return _STORE[0]


def forget_store() -> None:
    """Close the store (the cache directory may have moved, e.g. in tests)."""
    while _STORE:
        _STORE.pop().close()


def rounded(scores: Scores) -> Scores:
    """The scores as the store keeps them: float32 values."""
    values, count = scores
    return tuple((lang, float(np.float32(v))) for lang, v in values), count


def load(model: str, langs: tuple[str, ...], text: str) -> Scores | None:
    return load_many(model, langs, [text]).get(text)


def load_many(model: str, langs: tuple[str, ...], texts: list[str]) -> dict[str, Scores]:
    """The stored scores of those texts that have them, in one query."""
    keys = {text_key(text): text for text in texts}
    found = _store().get_many(model, "", list(keys))
    return {
        keys[key]: (tuple(zip(langs, row[1:].tolist())), int(row[0]))  # tolist: Python floats
        for key, row in found.items()
        if len(row) == len(langs) + 1
    }


def save(model: str, text: str, scores: Scores) -> None:
    values, count = scores
    _store().put_many(model, "", [(text_key(text), np.array([count, *(v for _, v in values)]))])
