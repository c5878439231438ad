"""Translator files (XLIFF, PO, TMX) named on the command line or found in a directory ->
Releases of paired units.

`--langs` gives the language of each file named (a PO without a Language header, an XLIFF
without a target language); for files found in a directory it picks the target languages to
check. For a TMX file it names the languages to read. `--source-lang` on the command line
overrides the source language the files declare.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from aligncheck.errors import InputError
from aligncheck.lang.langid import is_known_language
from aligncheck.model import Release
from aligncheck.read.document import read_bytes
from aligncheck.read.paired import paired_release
from aligncheck.read.policy import ReadPolicy
from aligncheck.read.transunits import Languages, UnitFile, translator_format


def read_unit_file(path: Path, policy: ReadPolicy, languages: Languages) -> UnitFile:
    from aligncheck.read.po import read_po
    from aligncheck.read.tmx import read_tmx
    from aligncheck.read.xliff import read_xliff

    data = read_bytes(path, policy)
    if not data.strip():
        raise InputError("is empty; export the file again from the CAT tool", str(path))
    reader = {"xliff": read_xliff, "po": read_po, "tmx": read_tmx}[translator_format(path)]
    return reader(data, str(path), languages)


def _with_bases(langs: Sequence[str]) -> set[str]:
    return {*langs, *(lang.split("-")[0] for lang in langs)}


def _name(paths: Sequence[Path]) -> str:
    """The file's stem without a language suffix (app.ru.xlf -> app); for files named by their
    language (ru.po, kk.po), or several files, their directory's name."""
    stems = [p.stem for p in paths]
    if len(paths) == 1 and not is_known_language(stems[0]):
        head, _, last = stems[0].rpartition(".")
        return head if head and is_known_language(last) else stems[0]
    return paths[0].resolve().parent.name or stems[0]


def named_files(paths: Sequence[Path], languages: Languages, policy: ReadPolicy) -> list[Release]:
    """The release of translator files given on the command line (one per TMX file)."""
    if all(translator_format(p) == "tmx" for p in paths):
        return [paired_release(_name([p]), [read_unit_file(p, policy, languages)]) for p in paths]
    bilingual = [p for p in paths if Path(p).suffix.lower() != ".pot"]
    targets = languages.targets
    if targets is not None and len(targets) != len(bilingual):
        raise InputError(
            f"--langs gives {len(targets)} language(s) for {len(bilingual)} translated files; "
            "give each file's target language, in the same order"
        )
    own = {path: (targets[i],) for i, path in enumerate(bilingual)} if targets else {}
    files = [
        read_unit_file(p, policy, Languages(languages.source, languages.source_given, own.get(p)))
        for p in paths
    ]
    return [paired_release(_name(paths), files)]


def directory_files(directory: Path, paths: Sequence[Path], languages: Languages,
                    policy: ReadPolicy) -> Release:  # fmt: skip
    """The release of the translator files of one directory; --langs picks its targets."""
    if any(translator_format(p) == "tmx" for p in paths):
        if len(paths) > 1:
            raise InputError(
                "holds a TMX file and other translator files; keep a TMX file in a directory "
                "of its own or name it on the command line",
                str(directory),
            )
        return paired_release(directory.name, [read_unit_file(paths[0], policy, languages)])
    every = Languages(languages.source, languages.source_given)
    files = [read_unit_file(p, policy, every) for p in paths]
    if languages.targets is not None:
        wanted = set(languages.targets)
        files = [f for f in files if f.template or wanted & _with_bases(f.target_langs)]
        if all(f.template for f in files):
            raise InputError(
                f"holds no translator file for {', '.join(languages.targets)} given in --langs",
                str(directory),
            )
    return paired_release(directory.name, files)
