"""XLIFF 1.2 and 2.0 files -> units, through translate-toolkit's stores.

A unit's key is its id (with the id of its `<file>`); a 2.0 unit of several segments gives one
unit per segment, as translate-toolkit does. Units marked translate="no" are skipped. A unit's
`state` is not read: any non-empty target is checked, an empty or missing one is untranslated.
"""

from __future__ import annotations

import regex

from aligncheck.errors import InputError
from aligncheck.read.inline import content_positions, unit_text
from aligncheck.read.langcodes import check_lang
from aligncheck.read.transunits import (
    Languages,
    Unit,
    UnitFile,
    decoded,
    parse_store,
    storage,
    unique_keys,
)

_VERSION_2 = regex.compile(rb"xliff:document:2\.|<(?:\w+:)?xliff\b[^>]*\bversion\s*=\s*[\"']2")


def is_xliff2(data: bytes) -> bool:
    return bool(_VERSION_2.search(data[:4096]))


def load_xliff(data: bytes, path: str):
    """The translate-toolkit store of an XLIFF file (1.2 or 2.0)."""
    if is_xliff2(data):
        parse = storage("xliff2", path).Xliff2File.parsestring
    else:
        parse = storage("xliff", path).xlifffile.parsestring
    return parse_store(
        data, path, "XLIFF", parse, "export it again from the CAT tool as XLIFF 1.2 or 2.0", "xliff"
    )


def keyed_units(store) -> list[tuple[str, object]]:
    """(key, translate-toolkit unit) of every translatable unit, in file order."""
    units = [unit for unit in store.units if unit.istranslatable()]
    keys = []
    for unit in units:
        if store.namespace.endswith(":2.0"):
            file_id = unit.getunitelement().getparent().get("id", "")
            keys.append(f"{file_id}\x04{unit.getid()}")
        else:
            keys.append(str(unit.getid()))
    return list(zip(unique_keys(keys), units))


def _declared(store) -> tuple[str | None, str | None]:
    root = store.document.getroot()
    if store.namespace.endswith(":2.0"):
        return root.get("srcLang"), root.get("trgLang")
    first = next(root.iterchildren(store.namespaced("file")), None)
    if first is None:
        return None, None
    return first.get("source-language"), first.get("target-language")


def read_xliff(data: bytes, path: str, languages: Languages) -> UnitFile:
    store = load_xliff(data, path)
    declared_source, declared_target = _declared(store)
    source = languages.source_for(declared_source, path)
    targets = languages.targets or ((declared_target,) if declared_target else ())
    if len(targets) != 1:
        raise InputError(
            "declares no target language (trgLang, or target-language on <file>); "
            "add it or pass --langs with the file's target language"
            if not targets
            else f"--langs gives {len(targets)} languages for one XLIFF file; give its target",
            path,
        )
    target = check_lang(targets[0], path)
    text = decoded(data, store.document.docinfo.encoding)
    where = content_positions(text, store.document.getroot(), ("source", "target"))
    units = []
    for key, unit in keyed_units(store):
        texts = {}
        for lang, element in ((source, unit.source_dom), (target, unit.get_target_dom())):
            found = unit_text(element, where[element]) if element is not None else None
            if found is not None:
                texts[lang] = found
        units.append(Unit(key, texts))
    return UnitFile(path, "xliff", source, (target,), tuple(units))
