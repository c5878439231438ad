"""Translator files (XLIFF 1.2 and 2.0, PO, TMX) read as releases of paired units: texts with
their inline codes, keys, languages from the file or the command line, positions in the file,
and one clear error for a file that cannot be checked."""

from pathlib import Path

import pytest

from aligncheck.align import paired_links
from aligncheck.errors import InputError
from aligncheck.model import Link
from aligncheck.read import discover_releases
from aligncheck.segment import segment_document

FIXTURES = Path(__file__).parent / "fixtures" / "translator"


def units(document) -> list[tuple[str, str]]:
    """(key without its file part, text) of every unit of a version."""
    return [(s.key.split("\x04")[-1], s.text) for s in segment_document(document).segments]


def position(document, key: str) -> tuple[int, int]:
    segment = next(s for s in segment_document(document).segments if s.key.endswith(key))
    return segment.line, segment.column


def line_of(path: Path, needle: str) -> tuple[int, int]:
    """(line, column) where `needle` starts in the file, 1-based."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


def test_xliff_12_units_languages_codes_and_positions():
    path = FIXTURES / "shop.xlf"
    (release,) = discover_releases([path])
    assert release.paired and release.name == "shop"
    assert (release.source.lang, [t.lang for t in release.targets]) == ("en", ["ru"])
    (target,) = release.targets
    assert units(release.source)[2] == (
        "cart.saved",
        'Saved <x id="1"/> items for %s until next week.',
    )
    assert [key for key, _ in units(target)] == ["cart.title", "cart.total", "cart.saved"]
    saved = segment_document(release.source).segments[2]
    assert [saved.text[a:b] for a, b in saved.verbatim] == ['<x id="1"/>', "%s"]
    assert saved.prose == "Saved             items for    until next week."
    assert position(release.source, "cart.total") == line_of(path, "The order costs")
    assert position(target, "cart.total") == line_of(path, "Заказ стоит")


def test_xliff_20_segments_pc_codes_and_an_empty_target():
    path = FIXTURES / "shop2.xlf"
    (release,) = discover_releases([path])
    (target,) = release.targets
    assert target.lang == "kk"
    assert dict(units(target))["cart.saved"] == '<pc id="1">Сақталған тізімді</pc> ашыңыз.'
    assert "cart.help" not in dict(units(target))  # no <target>: untranslated
    assert position(target, "cart.saved") == line_of(path, '<pc id="1">Сақталған')


def test_po_keys_contexts_plurals_fuzzy_and_msgstr_lines():
    path = FIXTURES / "po" / "ru.po"
    (release,) = discover_releases([path])
    (target,) = release.targets
    source_units = dict(units(release.source))
    assert source_units["Checkout"] == "Checkout"
    assert source_units["%d parcel"] == "%d parcel\n%d parcels"
    assert [s.key for s in segment_document(release.source).segments][3] == "button\x04Checkout"
    translated = dict(units(target))
    assert "Write to the shop if a parcel arrives damaged." not in translated  # fuzzy
    assert translated["%d parcel"] == "%d посылка\n%d посылки\n%d посылок"
    line, column = line_of(path, "Заказ стоит")
    assert position(target, "The order costs 45 dollars, delivery included.") == (line, column)


def test_tmx_one_release_with_every_other_language_as_a_target():
    path = FIXTURES / "memory.tmx"
    (release,) = discover_releases([path])
    assert release.source.lang == "en"
    assert [t.lang for t in release.targets] == ["ru", "tr"]
    ru, tr = release.targets
    assert [key for key, _ in units(ru)] == ["cart.title", "cart.total", "cart.saved"]
    assert len(units(tr)) == 4
    assert position(tr, "cart.help") == line_of(path, "Paket hasarlı")


def test_tmx_languages_to_read_come_from_langs():
    (release,) = discover_releases([FIXTURES / "memory.tmx"], langs=["en", "tr"])
    assert [t.lang for t in release.targets] == ["tr"]


def test_several_po_files_make_one_release_paired_by_key(tmp_path):
    (release,) = discover_releases([FIXTURES / "po"])
    assert release.name == "po"
    assert [t.lang for t in release.targets] == ["kk", "ru"]
    source = segment_document(release.source)
    kk = segment_document(release.targets[0])
    links = paired_links(source, kk)
    assert links[1] == Link((1,), (1,), 1.0)
    assert links[4] == Link((4,), (), 0.0)  # empty msgstr in kk.po
    assert [s.key for s in kk.segments] == [
        source.segments[i].key for link in links for i in link.source if link.target
    ]


def test_a_unit_only_the_target_has_stands_after_its_neighbour():
    def seg(*keys):
        from aligncheck.model import Block, Document

        text = "\n\n".join(keys)
        blocks, pos = [], 0
        for key in keys:
            blocks.append(Block(pos, pos + len(key), key=key))
            pos += len(key) + 2
        return segment_document(Document("x.po", "ru", text, "po", blocks=tuple(blocks)))

    links = paired_links(seg("a", "b", "c"), seg("c", "new", "a"))
    assert links == (
        Link((0,), (2,), 1.0),
        Link((1,), (), 0.0),
        Link((2,), (0,), 1.0),
        Link((), (1,), 0.0),
    )


def test_source_lang_on_the_command_line_overrides_the_file_and_langs_the_target(tmp_path):
    path = tmp_path / "notes.xlf"
    text = (FIXTURES / "shop.xlf").read_text(encoding="utf-8")
    path.write_text(text.replace(' target-language="ru-RU"', ""), encoding="utf-8")
    (release,) = discover_releases([path], source_lang="de", source_given=True, langs=["uk"])
    assert (release.source.lang, release.targets[0].lang) == ("de", "uk")
    (release,) = discover_releases([FIXTURES / "shop.xlf"], source_lang="de")
    assert release.source.lang == "en"  # a configured default does not override the file


def test_po_without_language_is_named_with_what_to_do(tmp_path):
    path = tmp_path / "app.po"
    text = (FIXTURES / "po" / "ru.po").read_text(encoding="utf-8")
    text = text.replace('"Language: ru\\n"\n', "").replace('"Language-Team: Russian\\n"\n', "")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=r"app\.po: declares no target language.*--langs"):
        discover_releases([path])
    (release,) = discover_releases([path], langs=["ru"])
    assert release.targets[0].lang == "ru"


@pytest.mark.parametrize(
    "name, content, needle",
    [
        ("cut.xlf", '<?xml version="1.0"?>\n<xliff version="1.2"><file', "cannot be read as XLIFF"),
        ("plain.xlf", "<notes><note>hi</note></notes>", "no <xliff> root element"),
        ("bad.po", 'msgid "open\nmsgstr "x"\n', "cannot be read as a PO file"),
        ("empty.po", "", "is empty"),
        (
            "one.tmx",
            '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en">'
            "<seg>Hi</seg></tuv></tu></body></tmx>",
            "needs a second language",
        ),  # fmt: skip
        ("only.pot", 'msgid ""\nmsgstr ""\n\nmsgid "Hi"\nmsgstr ""\n', "template without"),
    ],
)
def test_bad_translator_files_are_one_clear_error(tmp_path, name, content, needle):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        discover_releases([path])
    assert str(error.value).startswith(str(path)) and needle in str(error.value)


def test_translator_files_and_documents_do_not_mix(tmp_path):
    (tmp_path / "en.txt").write_text("Hello.\n", encoding="utf-8")
    with pytest.raises(InputError, match="mix of translator files"):
        discover_releases([FIXTURES / "shop.xlf", tmp_path / "en.txt"])
    (tmp_path / "ru.po").write_bytes((FIXTURES / "po" / "ru.po").read_bytes())
    with pytest.raises(InputError, match="separate directories"):
        discover_releases([tmp_path])


def test_langs_pick_the_targets_of_a_directory():
    (release,) = discover_releases([FIXTURES / "po"], langs=["ru"])
    assert [t.lang for t in release.targets] == ["ru"]
    with pytest.raises(InputError, match="no translator file for uk given in --langs"):
        discover_releases([FIXTURES / "po"], langs=["uk"])


def test_po_and_xliff_do_not_mix(tmp_path):
    with pytest.raises(InputError, match="mix of PO and XLIFF files"):
        discover_releases([FIXTURES / "po" / "kk.po", FIXTURES / "shop.xlf"])


def test_two_files_of_one_language_are_refused(tmp_path):
    for name in ("a.po", "b.po"):
        (tmp_path / name).write_bytes((FIXTURES / "po" / "ru.po").read_bytes())
    with pytest.raises(InputError, match="two files for language ru"):
        discover_releases([tmp_path])


def test_the_sentences_of_a_unit_keep_their_place_in_the_file(tmp_path):
    path = tmp_path / "hours.xlf"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" '
        'xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="kk">\n'
        '<file id="f"><unit id="h"><segment>\n'
        "  <source>The shop opens at nine. It closes at six.</source>\n"
        "  <target>Дүкен тоғызда ашылады.\n    Ол алтыда жабылады.</target>\n"
        "</segment></unit></file></xliff>\n",
        encoding="utf-8",
    )
    (release,) = discover_releases([path])
    source = segment_document(release.source, "sentence")
    target = segment_document(release.targets[0], "sentence")
    assert [(s.line, s.column) for s in source.segments] == [
        line_of(path, "The shop"),
        line_of(path, "It closes"),
    ]
    assert [(s.line, s.column) for s in target.segments] == [
        line_of(path, "Дүкен"),
        line_of(path, "Ол алтыда"),
    ]
    assert {s.key for s in target.segments} == {"f\x04h"}


def test_positions_on_one_line_past_alt_trans_and_skipped_units(tmp_path):
    path = tmp_path / "flat.xlf"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="f" '
        'source-language="en" target-language="tr"><body><trans-unit id="a" translate="no">'
        "<source>Skip me</source><target>Beni atla</target></trans-unit>"
        '<trans-unit id="b"><source>Two cups</source><target>İki fincan</target><alt-trans>'
        "<source>Two mugs</source><target>İki kupa</target></alt-trans></trans-unit>"
        '<trans-unit id="c"><source>Tea</source><target>Çay</target></trans-unit>'
        "</body></file></xliff>",
        encoding="utf-8",
    )
    (release,) = discover_releases([path])
    assert units(release.targets[0]) == [("b", "İki fincan"), ("c", "Çay")]
    assert position(release.targets[0], "c") == line_of(path, "Çay")
    assert position(release.source, "c") == line_of(path, "Tea<")


def test_without_the_translator_extra_a_translator_file_gets_one_clear_line(monkeypatch):
    import importlib

    real = importlib.import_module

    def missing(name, *args):
        if name.startswith("translate"):
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", missing)
    with pytest.raises(InputError) as error:
        discover_releases([FIXTURES / "shop.xlf"])
    assert "aligncheck[translator]" in str(error.value) and "shop.xlf" in str(error.value)
