"""Numeric configuration keys are range-checked and finite; the reader's keys; a BOM (issue 10)."""

import math
import subprocess
import sys

import pytest

from aligncheck.app.config import THRESHOLD_RANGES, known_thresholds, load_config
from aligncheck.errors import InputError


def write_config(tmp_path, text: str, bom: bool = False):
    path = tmp_path / "aligncheck.toml"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def config_error(tmp_path, text: str) -> str:
    path = write_config(tmp_path, text)
    with pytest.raises(InputError) as error:
        load_config(tmp_path, {})
    message = str(error.value)
    assert message.startswith(f"{path.resolve()}: ") and "\n" not in message
    return message


def numeric_thresholds():
    return sorted(
        key
        for key, (default, _) in known_thresholds().items()
        if isinstance(default, (int, float)) and not isinstance(default, bool)
    )


def test_every_numeric_threshold_has_a_range_holding_its_default():
    assert numeric_thresholds() == sorted(THRESHOLD_RANGES)
    for key in numeric_thresholds():
        low, high = THRESHOLD_RANGES[key]
        assert low <= known_thresholds()[key][0] <= high, key


@pytest.mark.parametrize(
    "value, shown",
    [
        ("nan", "nan"),
        ("inf", "inf"),
        ("-inf", "-inf"),
        ("1e308", "1e+308"),
        ("-0.5", "-0.5"),
        (str(10**330), "(331 digits)"),
    ],
)
def test_bad_alignment_floor_names_file_key_value_and_range(tmp_path, value, shown):
    message = config_error(tmp_path, f"[thresholds]\nalignment_score_floor = {value}\n")
    assert "thresholds.alignment_score_floor: " in message
    assert shown in message and "expected a finite number from 0 to 1" in message


@pytest.mark.parametrize("key", sorted(THRESHOLD_RANGES))
def test_each_range_is_enforced_at_both_ends(tmp_path, key):
    low, high = THRESHOLD_RANGES[key]
    integer = isinstance(known_thresholds()[key][0], int)
    for value in (low - 1, high * 2 + 1):
        shown = int(value) if integer else float(value)
        message = config_error(tmp_path, f"[thresholds]\n{key} = {shown}\n")
        assert f"thresholds.{key}: {shown!r} is out of range" in message
        assert f"from {low:g} to {high:g}" in message
    write_config(tmp_path, f"[thresholds]\n{key} = {int(high) if integer else float(high)}\n")
    assert load_config(tmp_path, {}).threshold(key) == high


def test_whole_number_threshold_refuses_a_fraction(tmp_path):
    message = config_error(tmp_path, "[thresholds]\nuntranslated_min_letters = 2.5\n")
    assert "untranslated_min_letters: expected a number with no fractional part, got 2.5" in message


def test_huge_threshold_through_the_cli_is_exit_2_not_3(tmp_path):
    (tmp_path / "en.txt").write_text("The ferry leaves at noon.\n", encoding="utf-8")
    (tmp_path / "ru.txt").write_text("Паром отходит в полдень.\n", encoding="utf-8")
    write_config(tmp_path, f"[thresholds]\nname_match_threshold = {10**330}\n")
    proc = subprocess.run(
        [sys.executable, "-m", "aligncheck", "check", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2 and len(lines) == 1, proc.stderr
    assert "thresholds.name_match_threshold:" in lines[0] and "from 0 to 1" in lines[0]


def test_reader_keys_from_the_file(tmp_path):
    write_config(
        tmp_path, 'max_input_mb = 2\nfollow_symlinks = true\nencoding = ["uk=koi8-u", "cp1251"]\n'
    )
    config = load_config(tmp_path, {})
    assert (config.max_input_mb, config.follow_symlinks) == (2.0, True)
    assert config.encoding == "cp1251,uk=koi8-u"


def test_document_keys_from_the_file(tmp_path):
    write_config(
        tmp_path,
        'front_matter_keys = ["title", "summary"]\n'
        'url_map = { "https://example.org/" = "https://example.org/{lang}/" }\n',
    )
    config = load_config(tmp_path, {})
    assert config.front_matter_keys == ("title", "summary")
    assert dict(config.url_map) == {"https://example.org/": "https://example.org/{lang}/"}


def test_reader_key_defaults(tmp_path):
    config = load_config(tmp_path, {})
    assert (config.max_input_mb, config.follow_symlinks, config.encoding) == (50, False, None)


@pytest.mark.parametrize(
    "text, needle",
    [
        (
            "max_input_mb = 0",
            "max_input_mb: 0 is out of range; expected a finite number from 0.001 to 100000",
        ),
        ("max_input_mb = nan", "max_input_mb: nan is out of range"),
        ('max_input_mb = "big"', "max_input_mb: expected a number, got a string"),
        ('follow_symlinks = "yes"', "follow_symlinks: expected true or false, got a string"),
        ('encoding = "base64"', "encoding: 'base64' is not a text encoding"),
        ('encoding = "rot13"', "encoding: 'rot13' is not a text encoding"),
        ('encoding = "ru=cp1251,ru=koi8-r"', "encoding: two encodings for ru"),
        ('url_map = { "/{lang}/" = "/x/" }', "url_map./{lang}/: expected a source URL prefix"),
        ('url_map = { "/docs/" = 3 }', "url_map./docs/: expected a non-empty string, got a number"),
        ("front_matter_keys = 1", "front_matter_keys: expected a list of strings"),
    ],
)
def test_bad_reader_keys(tmp_path, text, needle):
    assert needle in config_error(tmp_path, text + "\n")


def test_cli_max_input_mb_is_checked_too(tmp_path):
    with pytest.raises(InputError, match=r"--max-input-mb: inf is out of range"):
        load_config(tmp_path, {"max_input_mb": math.inf})


def test_config_file_with_a_utf8_bom_is_read(tmp_path):
    write_config(
        tmp_path, 'fail_on = "warning"\n[thresholds]\nalignment_score_floor = 0.2\n', bom=True
    )
    config = load_config(tmp_path, {})
    assert (config.fail_on, config.threshold("alignment_score_floor")) == ("warning", 0.2)
