"""TMX files -> multilingual units, through translate-toolkit's store.

Every `<tu>` is a unit keyed by its tuid (else its position); each `<tuv>` gives the text of
its language (xml:lang, or lang in TMX 1.1). The source language is the header's srclang
unless `--source-lang` says otherwise ("*all*": the configured source language); the targets
are every other language, or those --langs names.
"""

from __future__ import annotations

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

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def load_tmx(data: bytes, path: str):
    return parse_store(
        data,
        path,
        "TMX",
        storage("tmx", path).tmxfile.parsestring,
        "export it again as TMX 1.4",
        "tmx",
    )


def keyed_units(store) -> list[tuple[str, object]]:
    """(key, translate-toolkit unit) of every <tu>, in file order."""
    keys = [u.xmlelement.get("tuid") or f"#{n}" for n, u in enumerate(store.units, 1)]
    return list(zip(unique_keys(keys), store.units))


def _variants(unit) -> list[tuple[str, object]]:
    """(declared language, <seg> element) of every <tuv> of a translate-toolkit unit."""
    found = []
    for tuv in unit.xmlelement.iterchildren("tuv", "{*}tuv"):
        seg = next(tuv.iterchildren("seg", "{*}seg"), None)
        lang = tuv.get(_XML_LANG) or tuv.get("lang")
        if seg is not None and lang:
            found.append((lang, seg))
    return found


def read_tmx(data: bytes, path: str, languages: Languages) -> UnitFile:
    store = load_tmx(data, path)
    header = next(store.document.getroot().iter("header", "{*}header"), None)
    declared = header.get("srclang") if header is not None else None
    source = languages.source_for(None if declared == "*all*" else declared, path)
    text = decoded(data, store.document.docinfo.encoding)
    where = content_positions(text, store.document.getroot(), ("seg",))
    units, seen = [], {}
    for key, unit in keyed_units(store):
        texts = {}
        for code, seg in _variants(unit):
            if code not in seen:
                seen[code] = check_lang(code, path)
            found = unit_text(seg, where[seg])
            if found is not None and seen[code] not in texts:
                texts[seen[code]] = found
        units.append(Unit(key, texts))
    found = sorted(set(seen.values()) - {source})
    wanted = [check_lang(code, path) for code in languages.targets or found]
    targets = tuple(lang for lang in dict.fromkeys(wanted) if lang != source)
    if source not in seen.values():
        raise InputError(f"holds no {source} texts (the source language); pass --source-lang", path)
    if not targets:
        raise InputError(
            f"holds no language but {source}; a TMX file to check needs a second language", path
        )
    return UnitFile(path, "tmx", source, targets, tuple(units))
