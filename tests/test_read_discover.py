from pathlib import Path

import pytest

from aligncheck.errors import InputError
from aligncheck.read import discover_releases

TEXT = {
    "en": "The museum will be closed for repairs until the end of May.",
    "ru": "Музей будет закрыт на ремонт до конца мая.",
    "kk": "Мұражай мамыр айының соңына дейін жөндеуге жабылады.",
    "az": "Muzey may ayının sonuna qədər təmir üçün bağlı olacaq.",
    "tr": "Müze mayıs ayının sonuna kadar onarım için kapalı olacak.",
}


def make(directory: Path, **files: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, lang in files.items():
        (directory / name.replace("__", ".")).write_text(TEXT[lang] + "\n", encoding="utf-8")
    return directory


def langs_of(release):
    return release.source.lang, [t.lang for t in release.targets]


def test_release_directory(tmp_path):
    folder = make(tmp_path / "spring", en__txt="en", ru__txt="ru", kk__md="kk")
    (folder / "README.md").write_text("not a language version")
    (folder / ".hidden.en.txt").write_text("ignored")
    (release,) = discover_releases([folder])
    assert release.name == "spring"
    assert langs_of(release) == ("en", ["kk", "ru"])
    assert release.targets[0].format == "md"
    assert release.source.text == TEXT["en"] + "\n"


def test_stem_and_language_names(tmp_path):
    folder = make(tmp_path / "r1", notice__en__txt="en", notice__az__txt="az")
    (release,) = discover_releases([folder])
    assert langs_of(release) == ("en", ["az"])


def test_directory_of_releases_in_name_order(tmp_path):
    make(tmp_path / "b-release", en__txt="en", ru__txt="ru")
    make(tmp_path / "a-release", en__txt="en", kk__txt="kk")
    (tmp_path / "empty").mkdir()
    releases = discover_releases([tmp_path])
    assert [r.name for r in releases] == ["a-release", "b-release"]
    assert [langs_of(r) for r in releases] == [("en", ["kk"]), ("en", ["ru"])]


def test_directory_without_language_files(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(InputError, match="no language files"):
        discover_releases([tmp_path])


def test_duplicated_language(tmp_path):
    folder = make(tmp_path / "r", en__txt="en", notice__en__md="en", ru__txt="ru")
    with pytest.raises(InputError, match="two files for language en"):
        discover_releases([folder])


def test_unknown_language_in_file_name(tmp_path):
    folder = make(tmp_path / "r", en__txt="en", ru__txt="ru")
    (folder / "xq.txt").write_text("text")
    with pytest.raises(InputError, match="unknown language code 'xq'") as error:
        discover_releases([folder])
    assert error.value.path.endswith("xq.txt")


def test_source_language(tmp_path):
    folder = make(tmp_path / "r", ru__txt="ru", kk__txt="kk")
    with pytest.raises(InputError, match="--source-lang"):
        discover_releases([folder])
    (release,) = discover_releases([folder], source_lang="ru")
    assert langs_of(release) == ("ru", ["kk"])


def test_langs_select_versions_of_a_directory(tmp_path):
    folder = make(tmp_path / "r", en__txt="en", ru__txt="ru", kk__txt="kk")
    (release,) = discover_releases([folder], langs=["en", "kk"])
    assert langs_of(release) == ("en", ["kk"])
    with pytest.raises(InputError, match="no file for az"):
        discover_releases([folder], langs="en,az")


def test_explicit_files_source_by_language(tmp_path):
    make(tmp_path, memo__ru__txt="ru", memo__en__txt="en", memo__tr__txt="tr")
    paths = [tmp_path / "memo.ru.txt", tmp_path / "memo.en.txt", tmp_path / "memo.tr.txt"]
    (release,) = discover_releases(paths)
    assert release.name == "memo"
    assert langs_of(release) == ("en", ["ru", "tr"])


def test_explicit_files_first_is_source_otherwise(tmp_path):
    make(tmp_path, a__tr__txt="tr", a__az__txt="az")
    (release,) = discover_releases([tmp_path / "a.tr.txt", tmp_path / "a.az.txt"])
    assert langs_of(release) == ("tr", ["az"])


def test_explicit_files_with_langs(tmp_path):
    make(tmp_path, source__txt="en", target__txt="kk")
    paths = [tmp_path / "source.txt", tmp_path / "target.txt"]
    (release,) = discover_releases(paths, langs=["en", "kk"])
    assert langs_of(release) == ("en", ["kk"])
    with pytest.raises(InputError, match="cannot tell the language"):
        discover_releases(paths)
    with pytest.raises(InputError, match="3 language"):
        discover_releases(paths, langs=["en", "kk", "ru"])
    with pytest.raises(InputError, match="unknown language code"):
        discover_releases(paths, langs=["en", "zz"])


def test_explicit_files_same_language(tmp_path):
    make(tmp_path, one__en__txt="en", two__en__txt="en")
    with pytest.raises(InputError, match="more than one file"):
        discover_releases([tmp_path / "one.en.txt", tmp_path / "two.en.txt"])


def test_one_multilingual_file(tmp_path):
    path = tmp_path / "bulletin.txt"
    path.write_text(f"{TEXT['en']}\n\n{TEXT['ru']}\n\n\n{TEXT['kk']}\n", encoding="utf-8")
    (release,) = discover_releases([path], langs="en,ru,kk")
    assert release.name == "bulletin"
    assert langs_of(release) == ("en", ["kk", "ru"])
    assert [(t.lang, t.line_base, t.text) for t in release.targets] == [
        ("kk", 5, TEXT["kk"]),
        ("ru", 2, TEXT["ru"]),
    ]


def test_one_file_needs_langs(tmp_path):
    make(tmp_path, only__en__txt="en")
    with pytest.raises(InputError, match="--langs"):
        discover_releases([tmp_path / "only.en.txt"])


def test_bad_paths(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        discover_releases([tmp_path / "missing"])
    make(tmp_path / "r", en__txt="en", ru__txt="ru")
    with pytest.raises(InputError, match="mix of directories and files"):
        discover_releases([tmp_path / "r", tmp_path / "r" / "en.txt"])
    with pytest.raises(InputError, match="no input"):
        discover_releases([])


def test_one_multilingual_word_file(tmp_path):
    import docx

    word = docx.Document()
    for lang in ["en", "ru", "kk"]:
        word.add_paragraph(TEXT[lang])
        word.add_paragraph(TEXT[lang].upper())
    path = tmp_path / "bulletin.docx"
    word.save(path)
    (release,) = discover_releases([path], langs=["en", "ru", "kk"])
    assert (release.source.format, release.source.line_base) == ("docx", 0)
    assert [(t.lang, t.line_base, t.text) for t in release.targets] == [
        ("kk", 4, f"{TEXT['kk']}\n{TEXT['kk'].upper()}"),
        ("ru", 2, f"{TEXT['ru']}\n{TEXT['ru'].upper()}"),
    ]
