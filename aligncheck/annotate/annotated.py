"""One translator file's bytes -> the same file with aligncheck's notes, through the
translate-toolkit store the reader uses (so a unit key means the same unit)."""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from aligncheck.annotate import notes as write_notes


def annotated(data: bytes, path: str, fmt: str, notes: Mapping[str, list[str]]) -> bytes:
    if fmt == "po":
        from aligncheck.read.po import keyed_units, load_po

        store = load_po(data, path)
        write_notes.po(store, keyed_units(store), notes)
        return bytes(store)
    if fmt == "tmx":
        from aligncheck.read.tmx import keyed_units, load_tmx

        store = load_tmx(data, path)
        write_notes.tmx(store, keyed_units(store), notes)
    else:
        from aligncheck.read.xliff import is_xliff2, keyed_units, load_xliff

        store = load_xliff(data, path)
        add = write_notes.xliff20 if is_xliff2(data) else write_notes.xliff12
        add(store, keyed_units(store), notes)
    encoding = store.document.docinfo.encoding or "UTF-8"
    out = etree.tostring(store.document, xml_declaration=True, encoding=encoding)
    return out + b"\n" if data.endswith(b"\n") and not out.endswith(b"\n") else out
