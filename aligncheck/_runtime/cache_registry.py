"""Every entry aligncheck keeps in its cache root: what it holds, in what format, its version,
and the root names that `aligncheck cache --clear NAME` deletes.

The version goes into the file names through the templates (the embedding store keeps it in
the file, as its SQLite user_version; a built model's directory name carries it). Modules ask
cachefiles.cache_file for their files (`cache_file("months", key="ru",
packages=...)`), which fills in the path templates here, so a version bump is one edit in
REGISTRY. A template may use {version}, {key}, {packages} (the versions of the packages the
caller names, joined by "-") and {babel} or {regex} (that module's __version__).
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass

_SQLITE_FILES = ("", "-wal", "-shm", "-journal")


@dataclass(frozen=True)
class CacheEntry:
    name: str
    holds: str
    format: str
    version: int | None  # bump to rebuild; None: keyed on package versions only
    files: dict[str, str]  # kind -> path template under the cache root
    clears: tuple[str, ...]  # the root names (globs) that are this entry's

    def owns(self, root_name: str) -> bool:
        return any(fnmatch.fnmatchcase(root_name, pattern) for pattern in self.clears)


def _entry(
    name: str,
    holds: str,
    form: str,
    version: int | None,
    clears: tuple[str, ...] = (),
    **files: str,
) -> CacheEntry:
    return CacheEntry(name, holds, form, version, files, clears or (name,))


REGISTRY: dict[str, CacheEntry] = {
    e.name: e
    for e in (
        _entry(
            "embeddings",
            "sentence vectors by model, prompt and text; word alignments of linked pairs",
            "sqlite (schema in user_version)",
            1,
            (*(f"embeddings.sqlite3{s}" for s in _SQLITE_FILES), "embeddings.sqlite3.corrupt-*"),
            store="embeddings.sqlite3",
        ),
        _entry(
            "models",
            "the default model, built once (ONNX graph, tokenizer)",
            "onnx dir",
            1,
            dir="models/{key}",
        ),
        _entry(
            "bytecode",
            "compiled modules of an editable install (ALIGNCHECK_BYTECODE_CACHE=1)",
            "pyc dir",
            None,
            dir="bytecode/{key}",
        ),
        _entry(
            "langid",
            "language profiles from Babel's locales, and paragraph scores",
            "json; npz; sqlite",
            4,
            profile="langid/babel{babel}-v{version}/{key}.json",
            table="langid/babel{babel}-v{version}/table-{key}.npz",  # a profile path, .npz
            letters="langid/babel{babel}-v{version}/letter-scripts-regex{regex}-v1.json",
            scores="langid/scores.sqlite3",
        ),
        _entry(
            "numbers",
            "each locale's group and decimal symbols",
            "json",
            None,
            symbols="numbers/symbols-babel{babel}.json",
        ),
        _entry(
            "numwords",
            "number-word lexicons from num2words (and pymorphy3 for ru)",
            "json",
            3,
            lexicon="numwords/{key}-v{version}-{packages}.json",
        ),
        _entry(
            "months",
            "month names and their case forms per locale",
            "json",
            1,
            forms="months/{key}-v{version}-{packages}.json",
        ),
        _entry(
            "morph",
            "Russian lemmas looked up in pymorphy3",
            "sqlite",
            2,
            lemmas="morph/ru-lemmas-v{version}-{packages}.sqlite3",
        ),
        _entry(
            "glossary",
            "Babel's language codes",
            "json",
            None,
            languages="glossary/languages-babel{babel}.json",
        ),
        _entry(
            "split",
            "language names as stems, for splitting multilingual files",
            "json",
            1,
            stems="split/babel{babel}-v{version}/stems-{key}.json",
        ),
        _entry(
            "cldr",
            "names of territories, languages, currencies, cities and subdivisions per language",
            "json",
            2,
            names="cldr/babel{babel}-v{version}/{key}.json",
        ),
    )
}


def owner(root_name: str) -> CacheEntry | None:
    """The entry a name in the cache root belongs to."""
    return next((e for e in REGISTRY.values() if e.owns(root_name)), None)
