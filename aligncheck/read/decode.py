"""Bytes to text: UTF-8 (BOM or not), UTF-16 (BOM, or told apart by its NUL bytes), else a
fallback encoding given with --encoding; line endings become \\n. Anything else is refused
with a way out."""

from __future__ import annotations

import codecs
import re

from aligncheck.errors import InputError
from aligncheck.read.policy import text_codec

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive (a .docx? name it .docx)",
    b"\xd0\xcf\x11\xe0": "an old Word/Office document (save it as .docx or .txt)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"{\\rtf": "an RTF document (save it as .docx or .txt)",
}
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")
_CONTROLS = re.compile(
    "[" + "".join(chr(c) for c in range(0x20) if chr(c) not in _ALLOWED_CONTROLS) + "]"
)
_ENCODING_HINT = "convert it to UTF-8 or pass --encoding"


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 LE/BE guessed from NULs all sitting in the high byte of each pair."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    if odd_nuls >= max(1, half // 20) and even_nuls <= odd_nuls // 20:
        return "utf-16-le"
    if even_nuls >= max(1, half // 20) and odd_nuls <= even_nuls // 20:
        return "utf-16-be"
    return None


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _refuse_binary(data: bytes, path: str) -> None:
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"this is {kind}, not a text file", path)


def _refuse_control_characters(text: str, path: str) -> None:
    controls = len(_CONTROLS.findall(text))  # a C loop, not a Python one
    if controls and (text.count("\x00") or controls * 100 > len(text)):
        raise InputError(
            "looks like a binary file, not text; give a .txt, .md, .html or .docx file", path
        )


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """The text of a file's bytes, with \\n line endings and no BOM."""
    return decode_with_fallback(data, path, encoding)[0]


def decode_with_fallback(data: bytes, path: str, fallback: str | None) -> tuple[str, bool]:
    """(text, whether `fallback` was used). UTF-8 and UTF-16 (by BOM or NULs) win over
    `fallback`, which only decodes a file that is neither."""
    if fallback is not None:
        try:
            text_codec(fallback)
        except ValueError as error:
            raise InputError(f"--encoding: {error}", path) from None
    bom = _bom_encoding(data)
    if bom is not None:
        name, length = bom
        try:
            return _normalise(data[length:].decode(name)), False
        except UnicodeDecodeError:
            raise InputError(
                f"starts with a {name} byte-order mark but is not valid {name}; {_ENCODING_HINT}",
                path,
            ) from None
    _refuse_binary(data, path)
    guessed = _utf16_without_bom(data)
    if guessed is not None:
        try:
            text = data.decode(guessed)
        except UnicodeDecodeError:
            text = None
        if text is not None and "\x00" not in text:
            return _normalise(text), False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if fallback is None:
            if data.count(0):
                raise InputError(
                    "looks like a binary file, not text; give a .txt, .md, .html or .docx file",
                    path,
                ) from None
            raise InputError(
                f"is not UTF-8 (invalid byte 0x{data[error.start]:02x} at offset "
                f"{error.start}); {_ENCODING_HINT}",
                path,
            ) from None
        text = _decode_as(data, fallback, path)
        _refuse_control_characters(text, path)
        return _normalise(text.removeprefix("\ufeff")), True
    _refuse_control_characters(text, path)
    return _normalise(text), False


def _decode_as(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeError as error:  # a decode error, or a codec that decodes nothing ('undefined')
        where = f" (byte {error.start})" if isinstance(error, UnicodeDecodeError) else ""
        raise InputError(
            f"is not UTF-8 and cannot be decoded as {encoding} either{where}; check --encoding",
            path,
        ) from None
