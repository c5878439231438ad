"""Baselines: written sorted and versioned, filter out recorded findings, reject bad files."""

import json

import pytest

from aligncheck.errors import InputError
from aligncheck.findings.baseline import filter_baseline, write_baseline
from aligncheck.findings.fingerprint import assign_fingerprints
from aligncheck.model import Finding, Location, Severity


def finding(rule, lang, value, message="m"):
    return Finding(
        rule,
        "number",
        Severity.ERROR,
        lang,
        (0,),
        (0,),
        value,
        value,
        message,
        None,
        Location(f"{lang}.md", 3, 1),
    )


OLD = assign_fingerprints([finding("NU01", "ru", "120"), finding("DA01", "kk", "1990", "год")])


def test_written_file_is_versioned_sorted_and_readable(tmp_path):
    path = tmp_path / "sub" / "baseline.json"
    write_baseline(path, OLD)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["aligncheck_baseline"] == 1
    assert [(e["lang"], e["rule"], e["path"], e["message"]) for e in data["findings"]] == [
        ("kk", "DA01", "kk.md", "год"),
        ("ru", "NU01", "ru.md", "m"),
    ]
    assert "год" in path.read_text(encoding="utf-8")
    write_baseline(tmp_path / "again.json", list(reversed(OLD)))
    assert (tmp_path / "again.json").read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_only_new_findings_are_reported(tmp_path):
    path = tmp_path / "baseline.json"
    write_baseline(path, OLD)
    now = assign_fingerprints(
        [
            finding("NU01", "ru", "120"),
            finding("DA01", "kk", "1990", "год"),
            finding("NU01", "ru", "7"),
        ]
    )
    new, baselined = filter_baseline(now, path)
    assert [(f.rule, f.source_text) for f in new] == [("NU01", "7")]
    assert baselined == 2


def test_findings_without_fingerprints_are_a_programming_error(tmp_path):
    with pytest.raises(ValueError, match="fingerprints"):
        write_baseline(tmp_path / "b.json", [finding("NU01", "ru", "1")])


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "baseline file not found"),
        ("{not json", "baseline is not valid JSON"),
        ("[]", "not an aligncheck baseline"),
        ('{"aligncheck_baseline": 99, "findings": []}', "unsupported baseline version 99"),
        ('{"aligncheck_baseline": 1, "findings": [{"rule": "NU01"}]}', "'findings' must be a list"),
        ('{"aligncheck_baseline": 1}', "'findings' must be a list"),
    ],
)
def test_bad_baseline_is_an_input_error_naming_the_file(tmp_path, content, message):
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as err:
        filter_baseline(OLD, path)
    assert str(err.value).startswith(str(path))
