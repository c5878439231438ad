"""Config discovery, precedence, origins and validation, against a fixed set of fake rules."""

from pathlib import Path

import pytest

import aligncheck.checks
from aligncheck.app.config import load_config, render_description
from aligncheck.errors import InputError
from aligncheck.model import Severity


class FakeNumbers:
    code, category, groups = "NU01", "number", ("all",)
    config_keys = {"number_tolerance": (0.01, "relative tolerance"), "max_items": (3, "cap")}


class FakeDates:
    code, category, groups = "DA01", "date", ("all", "strict")
    config_keys = {
        "strict_dates": (False, "compare weekdays too"),
        "date_kinds": (("day", "month"), "parts"),
    }


@pytest.fixture(autouse=True)
def fake_rules(monkeypatch):
    monkeypatch.setattr(aligncheck.checks, "all_rules", lambda: (FakeDates, FakeNumbers))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_language_codes_are_normalised_like_document_languages(tmp_path):
    assert load_config(tmp_path, {"source_lang": "RU"}).source_lang == "ru"
    assert load_config(tmp_path, {"source_lang": "pt_br"}).source_lang == "pt-BR"


def test_defaults_when_no_file(tmp_path):
    config = load_config(tmp_path, {})
    assert config.path is None
    assert (config.source_lang, config.unit, config.fail_on) == ("en", "paragraph", "error")
    assert config.select == ("all",) and config.output_dir == Path("reports")
    assert config.encoding is None
    assert ("encoding", "auto", "default") in config.describe()
    assert all(origin == "default" for _, _, origin in config.describe())


def test_walks_up_and_aligncheck_toml_beats_pyproject(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.aligncheck]\nsource_lang = "ru"\n')
    write(tmp_path / "aligncheck.toml", 'source_lang = "kk"\n')
    docs = tmp_path / "docs" / "v1"
    docs.mkdir(parents=True)
    config = load_config(docs / "en.md", {})
    assert config.source_lang == "kk"
    assert config.path == (tmp_path / "aligncheck.toml").resolve()


def test_nearest_file_wins_and_pyproject_without_table_is_passed_over(tmp_path):
    write(tmp_path / "aligncheck.toml", 'unit = "line"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    write(tmp_path / "sub" / "deeper" / "pyproject.toml", '[tool.aligncheck]\nunit = "sentence"\n')
    assert load_config(tmp_path / "sub", {}).unit == "line"
    assert load_config(tmp_path / "sub" / "deeper", {}).unit == "sentence"


def test_cli_overrides_file_and_origins_say_so(tmp_path):
    cfg = write(
        tmp_path / "aligncheck.toml",
        'unit = "line"\nfail_on = "warning"\n[thresholds]\nnumber_tolerance = 0.2\n',
    )
    config = load_config(
        tmp_path,
        {"unit": "sentence", "model": None, "select": (), "thresholds": {"max_items": "5"}},
    )
    rows = {key: (value, origin) for key, value, origin in config.describe()}
    assert rows["unit"] == ("sentence", "cli")
    assert rows["fail_on"] == ("warning", f"file:{cfg.resolve()}")
    assert rows["model"][1] == "default"
    assert rows["thresholds.number_tolerance"] == (0.2, f"file:{cfg.resolve()}")
    assert rows["thresholds.max_items"] == (5, "cli")
    assert rows["thresholds.strict_dates"] == (False, "default")
    assert config.thresholds == {"number_tolerance": 0.2, "max_items": 5}
    assert config.threshold("strict_dates") is False


def test_explicit_file_replaces_discovery(tmp_path):
    write(tmp_path / "aligncheck.toml", 'unit = "line"\n')
    other = write(
        tmp_path / "elsewhere" / "pyproject.toml", '[tool.aligncheck]\nunit = "sentence"\n'
    )
    assert load_config(tmp_path, {}, explicit=other).unit == "sentence"
    with pytest.raises(InputError, match="config file not found"):
        load_config(tmp_path, {}, explicit=tmp_path / "missing.toml")


def test_glossaries_resolve_against_the_config_file(tmp_path):
    write(tmp_path / "terms" / "g.tsv", "en\tru\n")
    write(tmp_path / "aligncheck.toml", 'glossaries = ["terms/g.tsv"]\n')
    config = load_config(tmp_path / "docs", {})
    assert config.glossaries == ((tmp_path / "terms" / "g.tsv").resolve(),)


def test_model_is_a_name_or_a_directory_next_to_the_config(tmp_path):
    (tmp_path / "models" / "mini").mkdir(parents=True)
    write(tmp_path / "aligncheck.toml", 'model = "models/mini"\n')
    assert load_config(tmp_path / "docs", {}).model == str((tmp_path / "models" / "mini").resolve())
    write(tmp_path / "aligncheck.toml", 'model = "labse"\n')
    assert load_config(tmp_path / "docs", {}).model == "labse"


def test_tables_and_lists_are_parsed(tmp_path):
    write(
        tmp_path / "aligncheck.toml",
        """
select = ["number", "DA01"]
ignore = ["strict"]
format = ["json", "SARIF"]
encoding = "cp1251"
[per_lang_ignore]
KK = ["NU"]
pt_br = ["DA01"]
[severity]
DA01 = "error"
""",
    )
    config = load_config(tmp_path, {"ignore": "NU01, DA"})
    assert config.select == ("number", "DA01")
    assert config.ignore == ("NU01", "DA")
    assert config.format == ("json", "sarif")
    assert config.per_lang_ignore == {"kk": ("NU",), "pt-BR": ("DA01",)}
    assert config.severity == {"DA01": Severity.ERROR}
    assert config.encoding == "cp1251"
    text = render_description(config)
    assert 'per_lang_ignore.kk = ["NU"]  # file:' in text
    assert 'ignore = ["NU01", "DA"]  # cli' in text


@pytest.mark.parametrize(
    "toml, message",
    [
        ('sourcelang = "en"', "sourcelang: unknown key (did you mean 'source_lang'?)"),
        (
            'unit = "chapter"',
            "unit: unknown value 'chapter'; expected one of paragraph, line, sentence",
        ),
        ('fail_on = "fatal"', "fail_on: unknown value 'fatal'"),
        ('source_lang = "xx"', "source_lang: unknown language code 'xx'"),
        ("source_lang = 5", "source_lang: expected a non-empty string, got a number"),
        ('select = "NU01"', "select: expected a list of strings, got a string"),
        (
            'select = ["NU99"]',
            "select: unknown rule code, prefix or category 'NU99' (did you mean 'NU01'?)",
        ),
        ('ignore = ["XY"]', "ignore: unknown rule code, prefix or category 'XY'"),
        ('format = ["pdf"]', "format: unknown value 'pdf'"),
        ('encoding = "klingon-8"', "encoding: unknown encoding 'klingon-8'"),
        ('glossaries = ["nope.tsv"]', "glossaries: glossary file not found"),
        ('severity = { NU01 = "fatal" }', "severity.NU01: unknown value 'fatal'"),
        ('severity = { ZZ01 = "error" }', "severity.ZZ01: unknown rule code"),
        ('severity = "error"', "severity: expected a table, got a string"),
        ('per_lang_ignore = { qq = ["NU"] }', "per_lang_ignore.qq: unknown language code 'qq'"),
        ('per_lang_ignore = { kk = ["NX"] }', "per_lang_ignore.kk: unknown rule code"),
        (
            "thresholds = { number_tolerence = 0.1 }",
            "thresholds.number_tolerence: unknown threshold (did you mean 'number_tolerance'?)",
        ),
        (
            'thresholds = { number_tolerance = "low" }',
            "thresholds.number_tolerance: expected a number, got a string",
        ),
        ("thresholds = { max_items = 2.5 }", "thresholds.max_items: expected a number"),
        (
            "thresholds = { strict_dates = 1 }",
            "thresholds.strict_dates: expected a boolean, got a number",
        ),
        (
            'thresholds = { date_kinds = "day" }',
            "thresholds.date_kinds: expected a list, got a string",
        ),
        ("unit = ", "invalid TOML"),
    ],
)
def test_bad_values_name_file_and_key(tmp_path, toml, message):
    cfg = write(tmp_path / "aligncheck.toml", toml + "\n")
    with pytest.raises(InputError) as err:
        load_config(tmp_path, {})
    text = str(err.value)
    assert text.startswith(f"{cfg.resolve()}: ") or text.startswith(f"{cfg}: ")
    assert message in text
    assert "\n" not in text


def test_pyproject_keys_are_named_as_written(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.aligncheck]\nunit = "page"\n')
    with pytest.raises(
        InputError, match=r"pyproject\.toml: tool\.aligncheck\.unit: unknown value 'page'"
    ):
        load_config(tmp_path, {})


def test_bad_cli_values_name_the_flag(tmp_path):
    with pytest.raises(InputError, match=r"^--fail-on: unknown value 'sometimes'"):
        load_config(tmp_path, {"fail_on": "sometimes"})
    with pytest.raises(InputError, match=r"^--select: unknown rule code"):
        load_config(tmp_path, {"select": ["QQ"]})


def test_integral_float_is_accepted_for_int_threshold(tmp_path):
    write(tmp_path / "aligncheck.toml", "[thresholds]\nmax_items = 4.0\nnumber_tolerance = 1\n")
    config = load_config(tmp_path, {})
    assert config.thresholds == {"max_items": 4, "number_tolerance": 1.0}
    assert isinstance(config.thresholds["number_tolerance"], float)


def test_list_thresholds_take_toml_arrays_and_comma_separated_flags(tmp_path):
    write(
        tmp_path / "aligncheck.toml", '[thresholds]\ndate_kinds = ["year"]\nstrict_dates = true\n'
    )
    assert load_config(tmp_path, {}).thresholds == {"date_kinds": ("year",), "strict_dates": True}
    flags = {"thresholds": {"date_kinds": "day, year", "strict_dates": "False"}}
    assert load_config(tmp_path, flags).thresholds == {
        "date_kinds": ("day", "year"),
        "strict_dates": False,
    }
