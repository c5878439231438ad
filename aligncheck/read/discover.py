"""Command-line paths -> Releases, whatever their shape:

- a release directory (`en.txt`, `ru.txt` or `notes.en.md`, `notes.ru.md` ...);
- a directory of release directories (every release, sorted by name);
- explicit files (languages from the names or `langs`);
- one multilingual file with `langs` in the order of its versions;
- translator files (XLIFF, PO, TMX), named or in a directory: releases of paired units
  (read/translator.py).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from aligncheck.errors import InputError
from aligncheck.model import Document, Release
from aligncheck.read.document import applied_note, irregular_kind, load_document, stat_path
from aligncheck.read.langcodes import EXTENSIONS, check_lang, parse_langs, split_name
from aligncheck.read.multilingual import split_multilingual
from aligncheck.read.policy import FRONT_MATTER_KEYS, Encodings, ReadPolicy, note, read_policy
from aligncheck.read.structure import with_blocks
from aligncheck.read.translator import directory_files, named_files
from aligncheck.read.transunits import Languages, translator_format


class _Reader:
    """Reads Documents under one policy and remembers which files needed --encoding."""

    def __init__(self, policy: ReadPolicy, source_lang: str = "en", source_given: bool = False):
        self.policy = policy
        self.applied: list[tuple[str, str]] = []
        self.source = (source_lang, source_given)

    def languages(self, langs: Sequence[str] | None) -> Languages:
        """What translator files are told about languages."""
        return Languages(*self.source, tuple(langs) if langs is not None else None)

    def document(self, path: Path, lang: str) -> Document:
        document, applied = load_document(path, lang, self.policy)
        if applied:
            self.applied.append((document.path, applied))
        return document


def _outside(path: Path, root: Path, policy: ReadPolicy) -> bool:
    """True (with a note) if `path` resolves outside `root` and symlinks are not followed."""
    if policy.follow_symlinks:
        return False
    real = path.resolve()
    if real.is_relative_to(root):
        return False
    note(f"skipped {path}: a symlink to {real}, outside {root}; pass --follow-symlinks to read it")
    return True


def _usable_entry(path: Path, root: Path, policy: ReadPolicy) -> bool:
    """Whether a language-file name in a release directory is a file to read; a note if not."""
    try:
        status = os.stat(path)
    except OSError as error:
        reason = {errno.ELOOP: "a symlink loop", errno.ENOENT: "a broken symlink"}.get(
            error.errno, f"cannot be read ({error.strerror})"
        )
        note(f"skipped {path}: {reason}")
        return False
    if stat.S_ISDIR(status.st_mode):
        note(f"skipped {path}/: a directory, not a language file")
        return False
    kind = irregular_kind(status)
    if kind is not None:
        note(f"skipped {path}: {kind}, not a regular file")
        return False
    return not _outside(path, root, policy)


def _language_files(directory: Path, root: Path, policy: ReadPolicy) -> dict[str, Path]:
    """lang -> file for the language files directly in `directory`."""
    found: dict[str, Path] = {}
    for path in sorted(directory.iterdir()):
        if path.name.startswith((".", "~$")):
            continue
        _, code = split_name(path)
        if code is None or not _usable_entry(path, root, policy):
            continue
        lang = check_lang(code, str(path))
        if lang in found:
            raise InputError(
                f"two files for language {lang}: {found[lang].name} and {path.name}; "
                "keep one per release directory",
                str(directory),
            )
        found[lang] = path
    return found


def _release(name: str, docs: Sequence[Document], source_lang: str, where: str) -> Release:
    if len(docs) < 2:
        raise InputError("needs at least two language versions (a source and a target)", where)
    source = next((doc for doc in docs if doc.lang == source_lang), docs[0])
    targets = tuple(sorted((doc for doc in docs if doc is not source), key=lambda doc: doc.lang))
    return Release(name=name, source=source, targets=targets)


def _directory_release(
    directory: Path,
    files: dict[str, Path],
    source_lang: str,
    langs: Sequence[str] | None,
    reader: _Reader,
) -> Release:
    if langs is not None:
        missing = [lang for lang in langs if lang not in files]
        if missing:
            raise InputError(f"no file for {', '.join(missing)} given in --langs", str(directory))
        files = {lang: files[lang] for lang in langs}
    if source_lang not in files:
        raise InputError(
            f"no {source_lang} file (the source language); add one or pass --source-lang",
            str(directory),
        )
    docs = [reader.document(path, lang) for lang, path in sorted(files.items())]
    return _release(directory.name, docs, source_lang, str(directory))


def _translator_files(directory: Path, root: Path, policy: ReadPolicy) -> list[Path]:
    return [
        path
        for path in sorted(directory.iterdir())
        if translator_format(path) and not path.name.startswith((".", "~$"))
        and _usable_entry(path, root, policy)
    ]  # fmt: skip


def _one_directory(
    directory: Path, root: Path, source_lang: str, langs: Sequence[str] | None, reader: _Reader
) -> Release | None:
    """The release a directory holds (language files or translator files), else None."""
    files = _language_files(directory, root, reader.policy)
    units = _translator_files(directory, root, reader.policy)
    if files and units:
        raise InputError(
            f"holds language files ({next(iter(files.values())).name}) and translator files "
            f"({units[0].name}); keep them in separate directories",
            str(directory),
        )
    if units:
        return directory_files(directory, units, reader.languages(langs), reader.policy)
    return _directory_release(directory, files, source_lang, langs, reader) if files else None


def _directory_releases(
    directory: Path, source_lang: str, langs: Sequence[str] | None, reader: _Reader
) -> list[Release]:
    root = directory.resolve()
    release = _one_directory(directory, root, source_lang, langs, reader)
    if release is not None:
        return [release]
    releases = []
    subs = sorted(p for p in directory.iterdir() if p.is_dir() and not p.name.startswith("."))
    for sub in subs:
        if _outside(sub, root, reader.policy):
            continue
        release = _one_directory(sub, root, source_lang, langs, reader)
        if release is not None:
            releases.append(release)
    if not releases:
        raise InputError(
            "holds no language files; name them <lang>.txt or <name>.<lang>.txt "
            f"({', '.join(EXTENSIONS)}), one release per directory, or give XLIFF, PO or "
            "TMX files",
            str(directory),
        )
    return releases


def _release_name(path: Path) -> str:
    stem, _ = split_name(path)
    return stem or path.resolve().parent.name or path.stem


def _explicit_files(
    paths: Sequence[Path], source_lang: str, langs: Sequence[str] | None, reader: _Reader
) -> Release:
    if langs is not None and len(langs) != len(paths):
        raise InputError(
            f"--langs gives {len(langs)} language(s) for {len(paths)} files; "
            "give one code per file, in the same order"
        )
    codes = []
    for index, path in enumerate(paths):
        if langs is not None:
            codes.append(langs[index])
            continue
        _, code = split_name(path)
        if code is None:
            raise InputError(
                "cannot tell the language from the file name; name it "
                "<name>.<lang>.txt or pass --langs",
                str(path),
            )
        codes.append(check_lang(code, str(path)))
    repeated = sorted({code for code in codes if codes.count(code) > 1})
    if repeated:
        raise InputError(
            f"language {', '.join(repeated)} given for more than one file; "
            "pass --langs to set each file's language"
        )
    docs = [reader.document(path, code) for path, code in zip(paths, codes)]
    source = next((doc for doc in docs if doc.lang == source_lang), docs[0])
    return _release(_release_name(Path(source.path)), docs, source_lang, source.path)


def discover_releases(
    paths: Sequence[Path],
    *,
    source_lang: str = "en",
    langs: Sequence[str] | None = None,
    encoding: str | Sequence[str] | Encodings | None = None,
    max_input_mb: float | None = None,
    follow_symlinks: bool = False,
    front_matter_keys: Sequence[str] = FRONT_MATTER_KEYS,
    source_given: bool = False,
) -> list[Release]:
    """Every release named by `paths`; InputError for anything that cannot be read as one.

    `encoding` decodes files that are not UTF-8/UTF-16 (`cp1251`, `ru=cp1251`, ...); in a
    release directory, entries resolving outside it are skipped unless `follow_symlinks`;
    `front_matter_keys` name the Markdown front matter values that are text to translate.
    `source_given`: `source_lang` overrides the source language translator files declare."""
    if not paths:
        raise InputError("no input given; pass a release directory or the files to check")
    paths = [Path(p) for p in paths]
    source_lang = check_lang(source_lang)
    langs = parse_langs(langs) if langs is not None else None
    policy = read_policy(encoding, max_input_mb, follow_symlinks, front_matter_keys)
    reader = _Reader(policy, source_lang, source_given)
    is_dir = [stat.S_ISDIR(stat_path(path).st_mode) for path in paths]
    directories = [p for p, d in zip(paths, is_dir) if d]
    if directories and len(directories) != len(paths):
        raise InputError(
            f"mix of directories and files ({directories[0]} is a directory); "
            "give either release directories or files"
        )
    if directories:
        releases = [
            release
            for directory in directories
            for release in _directory_releases(directory, source_lang, langs, reader)
        ]
    elif any(translator_format(path) for path in paths):
        documents = [p for p in paths if not translator_format(p)]
        if documents:
            raise InputError(
                "mix of translator files (XLIFF, PO, TMX) and documents; check them apart",
                str(documents[0]),
            )
        releases = named_files(paths, reader.languages(langs), reader.policy)
    elif len(paths) == 1:
        if langs is None or len(langs) < 2:
            raise InputError(
                "one file given: pass its target files too, or --langs with the "
                "languages of a multilingual file in their order (e.g. en,ru,kk)",
                str(paths[0]),
            )
        whole = reader.document(paths[0], langs[0])
        docs = [
            with_blocks(doc, reader.policy.front_matter_keys)
            for doc in split_multilingual(whole.text, langs, path=whole.path)
        ]
        releases = [_release(_release_name(paths[0]), docs, source_lang, whole.path)]
    else:
        releases = [_explicit_files(paths, source_lang, langs, reader)]
    applied_note(reader.applied)
    return releases
