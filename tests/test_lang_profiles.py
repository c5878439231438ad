"""Language facts as data: the loaders, the profiles, and a language added through data alone."""

import json
import os
import subprocess
import sys
import textwrap
from importlib.resources import files
from pathlib import Path

import pytest
from babel.core import get_global

from aligncheck.lang import data, profiles
from aligncheck.lang.profiles import (
    CORE_LANGUAGES,
    DOTTED_I,
    TURKIC,
    length_factor,
    length_spread,
    profile,
)

DATA = files("aligncheck.lang.data")
DATA_FILES = sorted(p.name for p in DATA.iterdir() if p.name.endswith(".json"))
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_data_file_loads_without_its_comments(name):
    found = data.load(name)
    assert found and not any(key.startswith("_") for key in found)
    assert data.load(name) is found  # one read per file and process


def test_the_package_data_is_declared_for_installs():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"aligncheck.lang.data" = ["*.json"]' in pyproject
    assert {"profiles.json", "length_ratios.json", "names.json"} <= set(DATA_FILES)


def test_profiles():
    kk = profile("kk")
    assert (kk.script, kk.family, kk.casefold, kk.harmony) == ("Cyrl", "turkic", "plain", "kk")
    assert kk.core
    assert kk.turkic and kk.num2words_code == "kz" and kk.length_factor == 1.038
    assert profile("ky").harmony == "kk" and profile("ky").length_factor is None
    assert profile("en").num2words_code == "en" and not profile("en").turkic
    assert profile("tk").number_words == "table" and profile("tk").num2words_code is None
    assert profile("xx") is None and profile("tr-TR") is None


def test_scripts_agree_with_cldr():
    likely = get_global("likely_subtags")
    for code, found in profiles.profiles().items():
        assert likely[code].split("_")[1] == found.script, code


def test_one_turkic_set_everywhere():
    from aligncheck.extract import numwords
    from aligncheck.lang import morph, translit

    assert TURKIC == {"kk", "az", "tk", "tr", "ky", "uz", "tt", "ba", "ug", "crh", "gag"}
    assert morph.TURKIC is TURKIC and translit.TURKIC is TURKIC and numwords.TURKIC is TURKIC
    assert DOTTED_I == {"tr", "az", "crh", "gag"}
    assert CORE_LANGUAGES == ("en", "ru", "kk", "az", "tk", "tr")


def test_length_model_holds_the_calibrated_values():
    assert {lang: length_factor(lang) for lang in CORE_LANGUAGES} == {
        "en": 1.000,
        "ru": 1.101,
        "kk": 1.038,
        "az": 1.090,
        "tk": 1.069,
        "tr": 1.054,
    }
    assert length_spread() == 2.12 and length_factor("de") is None


def test_the_calibration_script_writes_the_length_model(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import calibrate_length_ratios as calibrate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    path = tmp_path / "length_ratios.json"
    calibrate.write_ratios({"en": 1.0, "xx": 1.23456}, 2.345, path)
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written == {"_about": "", "factors": {"en": 1.0, "xx": 1.235}, "spread": 2.35}
    shipped = DATA.joinpath("length_ratios.json").read_text(encoding="utf-8")
    stored = json.loads(shipped)
    calibrate.write_ratios(stored["factors"], stored["spread"], path)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            '"_about": ""', '"_about": ' + json.dumps(stored["_about"], ensure_ascii=False)
        ),
        encoding="utf-8",
    )
    assert path.read_text(encoding="utf-8") == shipped  # --write keeps the file's layout


def test_a_profile_row_adds_a_language(monkeypatch):
    rows = {
        **data.load("profiles.json"),
        "xx": {
            "script": "Latn",
            "family": "turkic",
            "casefold": "dotted-i",
            "number_words": None,
            "harmony": "tr",
            "core": False,
        },
    }
    monkeypatch.setattr(
        profiles, "load", lambda name: rows if name == "profiles.json" else data.load(name)
    )
    profiles.profiles.cache_clear()
    try:
        assert profile("xx").turkic and profile("xx").harmony == "tr"
        assert "xx" in profiles.languages_where(family="turkic")
    finally:
        monkeypatch.undo()
        profiles.profiles.cache_clear()
    assert profile("xx") is None


def test_a_new_turkic_language_is_matched_through_its_profile(tmp_path):
    """In a fresh process whose profiles.json has one more row, morph and numwords treat the
    new language as Turkic with Turkish suffixes and dotted i, with no code changed."""
    code = textwrap.dedent("""
        from aligncheck.lang import data
        load = data.load.__wrapped__
        def patched(name):
            found = load(name)
            if name == "profiles.json":
                found["xx"] = {"script": "Latn", "family": "turkic", "casefold": "dotted-i",
                               "number_words": "num2words:tr", "harmony": "tr", "core": False}
            return found
        data.load = patched
        from aligncheck.lang import morph
        from aligncheck.extract import numwords
        assert morph.lower("IŞIK", "xx") == "ışık"
        assert morph.word_matches("kitap", "kitaplarda", "xx")
        assert not morph.word_matches("kitap", "kitaplarda", "de")
        assert "lar" in morph.turkic_endings("xx")
        assert numwords.lookup("beşinci", "xx").value == 5
        print("ok")
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ALIGNCHECK_CACHE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.stdout.strip() == "ok", done.stderr
