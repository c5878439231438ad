"""Glossaries: reading (TSV/CSV/TBX), the Glossary type, and finding terms in text."""

from __future__ import annotations

from pathlib import Path

from aligncheck.glossary.entries import Entry, Glossary, entries, validate_glossary_langs
from aligncheck.glossary.reader import load_glossary

__all__ = [
    "Entry",
    "Glossary",
    "entries",
    "extract_glossary",
    "load_glossaries",
    "load_glossary",
    "validate_glossary_langs",
]

SUFFIXES = (".tsv", ".csv", ".tbx")


def load_glossaries(path: Path, known_langs=None) -> list[Glossary]:
    """One glossary file, or every .tsv/.csv/.tbx file of a directory (sorted by name)."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES)
        return [load_glossary(p, known_langs) for p in files]
    return [load_glossary(path, known_langs)]


def extract_glossary(release_results) -> str:
    """Draft glossary TSV from checked releases (see aligncheck.glossary.extract)."""
    from aligncheck.glossary.extract import extract_glossary as extract

    return extract(release_results)
