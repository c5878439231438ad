"""`check --annotate OUT`: copies of the translator inputs with the findings as notes on their
units; the inputs untouched, the copies valid files of their format, a second run the same."""

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from aligncheck.app.run import run_check
from aligncheck.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures" / "translator"
XLIFF12 = "{urn:oasis:names:tc:xliff:document:1.2}"
XLIFF20 = "{urn:oasis:names:tc:xliff:document:2.0}"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def annotate(inputs: list[Path], out: Path, tmp_path: Path) -> dict:
    """Run a check with --annotate; the JSON report's findings."""
    report = tmp_path / "report.json"
    options = {"formats": ("json",), "outputs": (report,), "quiet": True, "annotate": out}
    run_check(inputs, options)
    return json.loads(report.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """The fixtures, copied so that a test can see that nothing writes to them."""
    folder = tmp_path_factory.mktemp("inputs")
    for path in FIXTURES.rglob("*.*"):
        shutil.copy(path, folder / path.name)
    return folder


def xliff12_notes(path: Path) -> dict[str, list[str]]:
    root = etree.parse(str(path)).getroot()
    return {
        unit.get("id"): [
            n.text for n in unit.iter(f"{XLIFF12}note") if n.get("from") == "aligncheck"
        ]
        for unit in root.iter(f"{XLIFF12}trans-unit")
    }


def test_xliff_12_notes_on_the_units_of_the_findings(inputs, tmp_path):
    source = inputs / "shop.xlf"
    before = digest(source)
    result = annotate([source], tmp_path / "out", tmp_path)
    notes = xliff12_notes(tmp_path / "out" / "shop.xlf")
    assert digest(source) == before
    assert notes["cart.title"] == []
    assert notes["cart.total"] == ["NU01 error: number 45 changed to 54 in ru"]
    assert any(n.startswith("MK03 error: placeholder %s") for n in notes["cart.saved"])
    assert notes["cart.help"] == [
        "OM01 error: source unit 4 has no counterpart in the ru translation"
    ]
    findings = result["documents"][0]["findings"]
    assert sum(len(n) for n in notes.values()) == len(findings)
    from translate.storage import xliff

    store = xliff.xlifffile.parsestring((tmp_path / "out" / "shop.xlf").read_bytes())
    total = next(u for u in store.units if u.getid().endswith("cart.total"))
    assert total.getnotes("aligncheck") == notes["cart.total"][0]


def test_a_second_run_replaces_the_notes_and_changes_nothing_else(inputs, tmp_path):
    for name in ("shop.xlf", "shop2.xlf", "memory.tmx"):
        annotate([inputs / name], tmp_path / "one", tmp_path)
        first = (tmp_path / "one" / name).read_bytes()
        annotate([inputs / name], tmp_path / "one", tmp_path)  # the copy is replaced
        assert (tmp_path / "one" / name).read_bytes() == first
        annotate([tmp_path / "one" / name], tmp_path / "two", tmp_path)  # notes not doubled
        assert (tmp_path / "two" / name).read_bytes() == first, name


def test_the_copy_differs_from_the_input_only_by_notes(inputs, tmp_path):
    annotate([inputs / "shop.xlf"], tmp_path / "out", tmp_path)
    copy = etree.parse(str(tmp_path / "out" / "shop.xlf"))
    for note in copy.getroot().iter(f"{XLIFF12}note"):
        note.getparent().remove(note)
    strip = lambda tree: re.sub(rb"\s+", b"", etree.tostring(tree, method="c14n"))  # noqa: E731
    assert strip(copy) == strip(etree.parse(str(inputs / "shop.xlf")))


def test_xliff_20_notes_where_the_schema_wants_them(inputs, tmp_path):
    from translate.storage import xliff2

    annotate([inputs / "shop2.xlf"], tmp_path / "out", tmp_path)
    data = (tmp_path / "out" / "shop2.xlf").read_bytes()
    root = etree.fromstring(data)
    assert len(xliff2.Xliff2File.parsestring(data).units) == 4
    noted = {}
    for unit in root.iter(f"{XLIFF20}unit"):
        tags = [child.tag for child in unit]
        if f"{XLIFF20}notes" in tags:  # unit: notes?, originalData?, (segment|ignorable)+
            assert tags.index(f"{XLIFF20}notes") == 0 and tags.count(f"{XLIFF20}notes") == 1
            box = unit.find(f"{XLIFF20}notes")
            assert {child.tag for child in box} == {f"{XLIFF20}note"}
            for note in box:
                assert set(note.attrib) <= {"id", "category", "priority", "appliesTo"}
                assert note.get("appliesTo") in ("source", "target")
            noted[unit.get("id")] = [n.text for n in box]
    assert noted["cart.total"] == ["NU01 error: number 45 changed to 46 in kk"]
    assert set(noted) == {"cart.total", "cart.saved", "cart.help"}


def test_xliff_20_copies_validate_against_the_oasis_schema(inputs, tmp_path):
    schema_file = Path(__file__).parent / "fixtures" / "xliff2-schema" / "xliff_core_2.0.xsd"
    schema = etree.XMLSchema(etree.parse(str(schema_file)))
    assert schema.validate(etree.parse(str(inputs / "shop2.xlf"))), schema.error_log
    annotate([inputs / "shop2.xlf"], tmp_path / "out", tmp_path)
    copy = etree.parse(str(tmp_path / "out" / "shop2.xlf"))
    assert copy.find(f".//{XLIFF20}note") is not None
    assert schema.validate(copy), schema.error_log


def test_tmx_notes_come_first_and_name_the_language(inputs, tmp_path):
    from translate.storage import tmx

    annotate([inputs / "memory.tmx"], tmp_path / "out", tmp_path)
    data = (tmp_path / "out" / "memory.tmx").read_bytes()
    assert len(tmx.tmxfile.parsestring(data).units) == 4
    for tu in etree.fromstring(data).iter("tu"):
        tags = [child.tag for child in tu]
        assert tags == sorted(tags, key=lambda tag: tag != "note")  # (note|prop)*, tuv+
    saved = etree.fromstring(data).find(".//tu[@tuid='cart.saved']")
    assert [n.text for n in saved.findall("note")] == [
        "aligncheck: tr MK03 error: placeholder {count} of the source is missing in the target"
    ]


def test_po_translator_comments_and_msgfmt(inputs, tmp_path):
    ru, kk = inputs / "ru.po", inputs / "kk.po"
    before = {path: digest(path) for path in (ru, kk)}
    annotate([ru, kk], tmp_path / "out", tmp_path)
    assert {path: digest(path) for path in (ru, kk)} == before
    text = (tmp_path / "out" / "ru.po").read_text(encoding="utf-8")
    assert "# aligncheck: NU01 error: number 45 changed to 54 in ru\n#: shop/cart.py:20\n" in text
    kk_text = (tmp_path / "out" / "kk.po").read_text(encoding="utf-8")
    (noted,) = re.findall(r"# aligncheck: (.*)\n(?:#.*\n)*msgid \"(.*)\"", kk_text)
    assert noted == (
        "OM01 error: source unit 5 has no counterpart in the kk translation",
        "Write to the shop if a parcel arrives damaged.",
    )
    if shutil.which("msgfmt") is None:
        pytest.skip("msgfmt (gettext) is not installed")
    for name in ("ru.po", "kk.po"):  # as valid as the input: the same complaints, if any
        assert msgfmt(tmp_path / "out" / name) == msgfmt(inputs / name)
    assert msgfmt(tmp_path / "out" / "kk.po") == []


def msgfmt(path: Path) -> list[str]:
    done = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    return sorted(re.sub(r"^[^:]*:\d+: ", "", line) for line in done.stderr.splitlines())


def test_an_output_directory_holding_the_inputs_is_refused(inputs, tmp_path):
    before = digest(inputs / "shop.xlf")
    with pytest.raises(InputError, match="--annotate would overwrite the input"):
        run_check([inputs / "shop.xlf"], {"quiet": True, "annotate": inputs})
    assert digest(inputs / "shop.xlf") == before


def test_annotate_needs_translator_inputs(tmp_path):
    (tmp_path / "en.txt").write_text("The bridge opened.\n", encoding="utf-8")
    (tmp_path / "ru.txt").write_text("Мост открылся.\n", encoding="utf-8")
    with pytest.raises(InputError, match="XLIFF, PO and TMX"):
        run_check([tmp_path], {"quiet": True, "annotate": tmp_path / "out"})
