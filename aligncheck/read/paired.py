"""Units of translator files -> one Release whose versions are paired by unit key.

A TMX file is a release of its own: its source language and every other language as a
target. Bilingual files (XLIFF, PO) of one project make one release: the source texts come
from the .pot template if one is given, else from the first file; each file adds its target
language. Each version's Document text is its units' texts joined by blank lines, and every
unit is a Block that remembers its key and where it stands in its file.
"""

from __future__ import annotations

from collections.abc import Sequence

from aligncheck.errors import InputError
from aligncheck.model import Block, Document, Release
from aligncheck.read.policy import note
from aligncheck.read.transunits import UnitFile, UnitText


def _document(path: str, lang: str, fmt: str, pieces: Sequence[tuple[str, UnitText]]) -> Document:
    parts: list[str] = []
    blocks, pos = [], 0
    for key, unit in pieces:
        if parts:
            parts.append("\n\n")
            pos += 2
        blocks.append(
            Block(pos, pos + len(unit.text), "prose", unit.verbatim, key, unit.line, unit.column)
        )
        parts.append(unit.text)
        pos += len(unit.text)
    return Document(path, lang, "".join(parts), fmt, blocks=tuple(blocks))


def _version(file: UnitFile, lang: str) -> Document:
    pieces = [(u.key, u.texts[lang]) for u in file.units if lang in u.texts]
    return _document(file.path, lang, file.format, pieces)


def _short_codes(langs: Sequence[str]) -> dict[str, str]:
    """en-US -> en where no other version of the release shares the base language (pt-BR
    and pt-PT stay apart): the language profiles and tables are keyed by base language."""
    bases = [lang.split("-")[0] for lang in langs]
    return {lang: base if bases.count(base) == 1 else lang for lang, base in zip(langs, bases)}


def _release(name: str, source: Document, targets: list[Document]) -> Release:
    short = _short_codes([source.lang, *(t.lang for t in targets)])
    if not source.blocks:
        raise InputError(f"holds no {source.lang} text to check", source.path)
    relabel = [Document(d.path, short[d.lang], d.text, d.format, 0, d.blocks) for d in targets]
    return Release(
        name=name,
        source=Document(
            source.path, short[source.lang], source.text, source.format, 0, source.blocks
        ),  # fmt: skip
        targets=tuple(sorted(relabel, key=lambda d: d.lang)),
        paired=True,
    )


def _note_source_drift(source: UnitFile, other: UnitFile) -> None:
    """One note when `other` pairs a key with a different source text than the source file."""
    texts = {u.key: u.texts.get(source.source_lang) for u in source.units}
    drifted = [
        u.key
        for u in other.units
        if u.key in texts and texts[u.key] and u.texts.get(other.source_lang)
        and u.texts[other.source_lang].text != texts[u.key].text
    ]  # fmt: skip
    if drifted:
        note(
            f"{other.path}: the source text of {len(drifted)} unit(s) differs from "
            f"{source.path} (first: {drifted[0].split(chr(4))[-1]!r}); "
            f"its translations are checked against {source.path}"
        )


def _bilingual_release(name: str, files: Sequence[UnitFile]) -> Release:
    formats = sorted({f.format for f in files})
    if len(formats) > 1:
        raise InputError(
            f"mix of {' and '.join(f.upper() for f in formats)} files, whose units share no "
            "keys; check each format apart"
        )
    templates = [f for f in files if f.template]
    if len(templates) > 1:
        raise InputError(f"two templates ({templates[0].path}, {templates[1].path}); give one")
    source = templates[0] if templates else files[0]
    for other in files:
        if other.source_lang != source.source_lang:
            raise InputError(
                f"source language {other.source_lang} differs from {source.source_lang} of "
                f"{source.path}; check files of one source language together",
                other.path,
            )
    by_lang: dict[str, UnitFile] = {}
    for file in files:
        for lang in file.target_langs:
            if lang in by_lang:
                raise InputError(
                    f"two files for language {lang}: {by_lang[lang].path} and {file.path}; "
                    "check them in separate runs"
                )
            by_lang[lang] = file
    if not by_lang:
        raise InputError("is a template without translations; give the .po files with it",
                         source.path)  # fmt: skip
    for file in files:
        if file is not source:
            _note_source_drift(source, file)
    for file in files:
        if file.fuzzy:
            note(
                f"{file.path}: {file.fuzzy} fuzzy unit(s) counted as untranslated (gettext "
                "leaves fuzzy translations out); clear the fuzzy flag once reviewed"
            )
    targets = [_version(file, lang) for lang, file in sorted(by_lang.items())]
    return _release(name, _version(source, source.source_lang), targets)


def paired_release(name: str, files: Sequence[UnitFile]) -> Release:
    """The release of these translator files (one TMX file, or bilingual files)."""
    tmx = [f for f in files if f.format == "tmx"]
    if tmx and len(files) > 1:
        raise InputError(
            "a TMX file holds a whole release; check it alone, not with other files", tmx[0].path
        )
    if tmx:
        file = tmx[0]
        targets = [_version(file, lang) for lang in file.target_langs]
        return _release(name, _version(file, file.source_lang), targets)
    return _bilingual_release(name, files)
