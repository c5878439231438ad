import codecs
from pathlib import Path

import docx
import pytest

from aligncheck.errors import InputError
from aligncheck.read import lang_from_filename, read_document, read_text

RU = "Первая строка.\nВторая строка с числом 42.\n\nНовый абзац."
EN = "First line.\nSecond line, with 42.\n\nA new paragraph."


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "encoded",
    [
        RU.encode("utf-8"),
        codecs.BOM_UTF8 + RU.encode("utf-8"),
        codecs.BOM_UTF16_LE + RU.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + RU.encode("utf-16-be"),
        RU.encode("utf-16-le"),
        RU.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-nobom", "utf16be-nobom"],
)
def test_reads_utf8_and_utf16(tmp_path, encoded):
    doc = read_document(write(tmp_path, "ru.txt", encoded), "ru")
    assert doc.text == RU
    assert (doc.lang, doc.format, doc.line_base) == ("ru", "txt", 0)


@pytest.mark.parametrize("text", [EN, RU])
def test_bomless_utf16_of_latin_and_cyrillic(tmp_path, text):
    assert read_text(write(tmp_path, "x.txt", text.encode("utf-16-le"))) == text


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_line_endings_become_newlines(tmp_path, ending):
    doc = read_document(write(tmp_path, "en.md", EN.replace("\n", ending).encode()), "en")
    assert doc.text == EN
    assert doc.format == "md"


def test_explicit_encoding(tmp_path):
    path = write(tmp_path, "ru.txt", RU.encode("cp1251"))
    assert read_document(path, "ru", encoding="cp1251").text == RU


def test_undecodable_text_names_the_encoding_option(tmp_path):
    path = write(tmp_path, "ru.txt", RU.encode("cp1251"))
    with pytest.raises(InputError, match="--encoding") as error:
        read_document(path, "ru")
    assert error.value.path == str(path)


def test_unknown_explicit_encoding(tmp_path):
    with pytest.raises(InputError, match="unknown encoding"):
        read_document(write(tmp_path, "en.txt", b"text"), "en", encoding="no-such-codec")


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,
        b"%PDF-1.7\n" + bytes(range(256)),
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,
    ],
)
def test_binary_files_are_refused(tmp_path, data):
    with pytest.raises(InputError) as error:
        read_document(write(tmp_path, "en.txt", data), "en")
    assert "binary" in str(error.value) or "not a text file" in str(error.value)


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", codecs.BOM_UTF8 + b"\n"])
def test_empty_files_are_refused(tmp_path, data):
    with pytest.raises(InputError, match="empty"):
        read_document(write(tmp_path, "en.txt", data), "en")


def test_missing_path_and_directory_and_extension(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt", "en")
    with pytest.raises(InputError, match="directory"):
        read_document(tmp_path, "en")
    with pytest.raises(InputError, match="unsupported file type"):
        read_document(write(tmp_path, "en.pdf", b"text"), "en")


def test_unknown_language_code(tmp_path):
    with pytest.raises(InputError, match="unknown language code 'xq'"):
        read_document(write(tmp_path, "a.txt", b"text"), "xq")


def test_docx_paragraphs_become_lines(tmp_path):
    word = docx.Document()
    for text in ["Heading of the note", "", "Body with a\nline break", "Last one"]:
        word.add_paragraph(text)
    path = tmp_path / "note.en.docx"
    word.save(path)
    doc = read_document(path, "en")
    assert doc.format == "docx"
    assert doc.text.split("\n") == ["Heading of the note", "", "Body with a line break", "Last one"]


def test_broken_docx_is_refused(tmp_path):
    with pytest.raises(InputError, match="docx"):
        read_document(write(tmp_path, "en.docx", b"PK\x03\x04 not really a zip"), "en")


@pytest.mark.parametrize(
    "name,lang",
    [
        ("en.txt", "en"),
        ("release.kk.md", "kk"),
        ("notes.v2.TK.docx", "tk"),
        ("doc.pt-BR.txt", "pt-BR"),
        ("notes.txt", None),
        ("en.pdf", None),
        ("xq.txt", None),
        ("report.new.txt", None),
    ],
)
def test_lang_from_filename(name, lang):
    assert lang_from_filename(Path(name)) == lang
