"""`aligncheck check` on translator files, end to end: units paired without alignment, every
rule run, findings placed on the real lines of the file with both texts, exit codes."""

import json
import subprocess
import sys
from pathlib import Path

from aligncheck.app.run import run_check

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "translator"


def report(tmp_path: Path, *paths: Path, **options) -> tuple[int, dict]:
    out = tmp_path / "report.json"
    code = run_check(
        list(paths), {"formats": ("json",), "outputs": (out,), "quiet": True, **options}
    )
    return code, json.loads(out.read_text(encoding="utf-8"))


def found(document: dict, rule: str, lang: str) -> list[dict]:
    return [f for f in document["findings"] if f["rule"] == rule and f["lang"] == lang]


def place(path: Path, needle: str) -> dict:
    """The location a finding should give for the text `needle` of the file."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return {"path": str(path), "line": number, "column": line.index(needle) + 1}
    raise AssertionError(needle)


def test_xliff_12_changed_number_dropped_codes_and_untranslated_unit(tmp_path):
    path = FIXTURES / "shop.xlf"
    code, result = report(tmp_path, path)
    assert code == 1
    (document,) = result["documents"]
    assert document["source"]["path"] == document["targets"][0]["path"] == str(path)
    links = document["targets"][0]["links"]
    assert [link["score"] for link in links] == [1.0, 1.0, 1.0, 0.0]
    (number,) = [f for f in found(document, "NU01", "ru") if "45" in f["message"]]
    assert number["source_location"] == place(path, "45 dollars")
    assert number["target_location"] == place(path, "54 доллара")
    assert "45" in number["source_text"] and "54" in number["target_text"]
    codes = sorted(f["message"] for f in found(document, "MK03", "ru"))
    assert codes == [
        'inline code <x id="1"/> of the source is missing in the target',
        "placeholder %s of the source is missing in the target",
    ]
    (untranslated,) = found(document, "OM01", "ru")
    assert untranslated["source_location"] == place(path, "Write to the shop")
    assert untranslated["source_segments"] == [3] and untranslated["target_segments"] == []


def test_the_digits_of_an_inline_code_are_no_number(tmp_path):
    _, result = report(tmp_path, FIXTURES / "shop.xlf")
    assert [f["message"] for f in found(result["documents"][0], "NU01", "ru")] == [
        "number 45 changed to 54 in ru"
    ]


def test_xliff_20(tmp_path):
    path = FIXTURES / "shop2.xlf"
    code, result = report(tmp_path, path)
    (document,) = result["documents"]
    assert code == 1 and document["targets"][0]["lang"] == "kk"
    (number,) = found(document, "NU01", "kk")
    assert number["target_location"] == place(path, "46 доллар")
    (dropped,) = found(document, "MK03", "kk")
    assert dropped["source_location"] == place(path, "{count}")
    assert len(found(document, "OM01", "kk")) == 1


def test_po_files_of_one_project_are_one_release_with_cross_version_rules(tmp_path):
    folder = FIXTURES / "po"
    code, result = report(tmp_path, folder / "ru.po", folder / "kk.po")
    (document,) = result["documents"]
    assert [t["lang"] for t in document["targets"]] == ["kk", "ru"]
    assert found(document, "NU01", "kk") == []
    (number,) = found(document, "NU01", "ru")
    assert number["target_location"] == place(folder / "ru.po", "54 доллара")
    (dropped,) = found(document, "MK03", "ru")
    assert dropped["source_text"] == "%(name)s"
    # the fuzzy ru unit and the empty kk unit are both untranslated
    assert len(found(document, "OM01", "ru")) == len(found(document, "OM01", "kk")) == 1
    assert code == 1


def test_tmx_every_language_against_the_source(tmp_path):
    path = FIXTURES / "memory.tmx"
    code, result = report(tmp_path, path)
    (document,) = result["documents"]
    assert [t["lang"] for t in document["targets"]] == ["ru", "tr"]
    assert found(document, "NU01", "tr") == []
    (number,) = found(document, "NU01", "ru")
    assert number["target_location"] == place(path, "54 доллара")
    assert [f["source_text"] for f in found(document, "MK03", "tr")] == ["{count}"]
    assert len(found(document, "OM01", "ru")) == 1 and found(document, "OM01", "tr") == []


def test_a_clean_file_exits_0(tmp_path):
    path = tmp_path / "clean.xlf"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" '
        'xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="tr">\n'
        '<file id="f"><unit id="a"><segment><source>The museum opens at 9 on Monday.</source>\n'
        "<target>Müze pazartesi günü saat 9'da açılıyor.</target></segment></unit></file>"
        "</xliff>\n",
        encoding="utf-8",
    )
    code, result = report(tmp_path, path)
    assert (code, result["documents"][0]["findings"]) == (0, [])


def aligncheck(*args):
    return subprocess.run(
        [sys.executable, "-m", "aligncheck", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_the_command_line_exit_codes_and_the_fuzzy_note(tmp_path):
    proc = aligncheck("check", FIXTURES / "po", "--format", "text", "-q")
    assert proc.returncode == 1, proc.stderr
    assert "ru.po: 1 fuzzy unit(s) counted as untranslated" in proc.stderr
    assert "source unit 5 has no counterpart in the ru translation" in proc.stdout
    proc = aligncheck("check", FIXTURES / "shop.xlf", "--fail-on", "never", "-q")
    assert proc.returncode == 0, proc.stderr


def assert_one_line(proc, needle: str) -> None:
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert needle in line


def test_bad_arguments_are_one_line(tmp_path):
    shop = FIXTURES / "shop.xlf"
    proc = aligncheck("check", shop, "--langs", "ru,kk", "-q")
    assert_one_line(proc, "--langs gives 2 language(s) for 1 translated files")
    target = tmp_path / "out.txt"
    target.write_text("x", encoding="utf-8")
    assert_one_line(aligncheck("check", shop, "--annotate", target, "-q"), "needs a directory")


def test_a_paired_release_is_linked_by_key_without_embedding():
    from aligncheck.checks.number.NU01 import NU01
    from aligncheck.pipeline import check_release
    from aligncheck.read import discover_releases

    def no_embedding(texts):
        raise AssertionError("a paired release was embedded for alignment")

    (release,) = discover_releases([FIXTURES / "shop2.xlf"])
    result = check_release(
        release, unit="paragraph", embed=no_embedding, rules=[NU01()], options={},
        resources={}, warnings=[],
    )  # fmt: skip
    (target,) = result.targets
    assert [(link.source, link.target) for link in target.links] == [
        ((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), ()),
    ]  # fmt: skip
    assert [f.message for f in result.findings] == ["number 45 changed to 46 in kk"]
