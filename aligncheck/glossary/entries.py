"""A glossary: concepts (rows) with their accepted and forbidden renderings per language."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from aligncheck.lang.morph import InflectedPhrase, Phrase, StemPhrase, lower

KINDS = ("term", "name", "title", "acronym")


@lru_cache(maxsize=1024)
def base_lang(lang: str) -> str:
    return lang.lower().replace("_", "-").split("-")[0]


def _lookup(table: dict[str, tuple[str, ...]], lang: str) -> tuple[str, ...]:
    if lang in table:
        return table[lang]
    base = base_lang(lang)
    return next((v for k, v in sorted(table.items()) if base_lang(k) == base), ())


@dataclass(frozen=True, eq=False)
class Entry:
    """One concept. `terms[lang]` are accepted renderings, first preferred."""

    terms: dict[str, tuple[str, ...]]
    forbidden: dict[str, tuple[str, ...]] = field(default_factory=dict)
    kind: str = "term"
    case: str | None = None  # "sensitive" | "insensitive" | None (acronyms sensitive)
    note: str = ""
    notes: dict[str, str] = field(default_factory=dict)
    path: str = ""
    line: int = 0

    def variants(self, lang: str) -> tuple[str, ...]:
        return _lookup(self.terms, lang)

    def forbidden_variants(self, lang: str) -> tuple[str, ...]:
        return _lookup(self.forbidden, lang)

    def note_for(self, lang: str) -> str:
        return self.notes.get(lang) or self.notes.get(base_lang(lang)) or self.note

    def case_sensitive(self, variant: str) -> bool:
        if self.case is not None:
            return self.case == "sensitive"
        letters = [c for c in variant if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    def phrases(self, lang: str) -> tuple[Phrase, ...]:
        return self._phrases(lang, False)

    def forbidden_phrases(self, lang: str) -> tuple[Phrase, ...]:
        """Forbidden variants with inflectional endings only (a derived word is another word)."""
        return self._phrases(lang, True, InflectedPhrase)

    def stem_phrases(self, lang: str) -> tuple[StemPhrase, ...]:
        """The accepted renderings matched by stems, so that an entry quoted in one case form
        (a genitive, say) accepts the others (GL01)."""
        return self._phrases(lang, False, StemPhrase)

    def _phrases(self, lang: str, forbidden: bool, kind: type = Phrase) -> tuple[Phrase, ...]:
        cache = self._phrase_cache
        if (lang, forbidden, kind) not in cache:
            texts = self.forbidden_variants(lang) if forbidden else self.variants(lang)
            cache[lang, forbidden, kind] = tuple(
                kind(t, base_lang(lang), self.case_sensitive(t)) for t in texts
            )
        return cache[lang, forbidden, kind]

    @cached_property
    def _phrase_cache(self) -> dict:
        return {}

    def label(self, lang: str) -> str:
        variants = self.variants(lang)
        return variants[0] if variants else next(iter(self.terms.values()), ("?",))[0]


_FIELDS = tuple(f for f in Entry.__dataclass_fields__)


def new_entry(*values) -> Entry:
    """Entry(*values) without the frozen dataclass's setattr per field (half the cost; a TBX
    glossary of 1M entries makes them all)."""
    entry = object.__new__(Entry)
    entry.__dict__.update(zip(_FIELDS, values))
    return entry


@dataclass(frozen=True, eq=False)
class Glossary:
    path: str
    langs: tuple[str, ...]
    entries: Sequence[Entry]  # a table's are made as they are read (table.py)

    def found_in(self, texts: Iterable[str], lang: str, forbidden: bool = False) -> list[Entry]:
        """Entries with a rendering in `lang` (with `forbidden`, a forbidden variant) that may
        occur in one of `texts`, in glossary order: all that the matcher finds there and a few
        more (see index.py)."""
        key = (lang, forbidden)
        if key not in self._indexes:
            from aligncheck.glossary.index import TermIndex

            self._indexes[key] = TermIndex(
                self.renderings(lang, forbidden), base_lang(lang), exact=lang == base_lang(lang)
            )
        return [self.entries[i] for i in self._indexes[key].candidates(texts)]

    def renderings(self, lang: str, forbidden: bool = False):
        """(position, variants in `lang`) of each entry with some
        (forbidden ones with `forbidden`)."""
        if hasattr(self.entries, "renderings"):  # a table's rows, read without making entries
            return self.entries.renderings(lang, forbidden)
        return (
            (i, v)
            for i, e in enumerate(self.entries)
            if (v := e.forbidden_variants(lang) if forbidden else e.variants(lang))
        )

    def upper_renderings(self, lang: str) -> frozenset[str]:
        """Every upper-case rendering in `lang` (lower-cased), whatever its entry."""
        if lang not in self._upper:
            self._upper[lang] = frozenset(
                lower(v, lang)
                for _, variants in self.renderings(lang)
                for v in variants
                if len(v) > 1 and v.isupper()
            )
        return self._upper[lang]

    @cached_property
    def _indexes(self) -> dict:
        return {}

    @cached_property
    def _upper(self) -> dict:
        return {}

    def pairs(self, source: str, target: str) -> list[Entry]:
        """Entries with a rendering in `source` and something to check in `target`."""
        return [
            e
            for e in self.entries
            if e.variants(source) and (e.variants(target) or e.forbidden_variants(target))
        ]


def entries(glossaries: Iterable[Glossary] | None) -> list[Entry]:
    return [e for g in glossaries or () for e in g.entries]


def validate_glossary_langs(glossary: Glossary, langs: Iterable[str]) -> list[str]:
    """Warnings for glossary languages that no version (source or target) is written in."""
    present = {base_lang(lang) for lang in langs}
    return [
        f"{glossary.path}: glossary language '{lang}' has no version in the release"
        for lang in glossary.langs
        if base_lang(lang) not in present
    ]
