"""SARIF and GitHub annotations rendered from the synthetic result of fixtures_report."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from fixtures_report import RULES, build_result, empty_result

from aligncheck.checks import all_rules
from aligncheck.model import Finding, Location, RunResult, Severity
from aligncheck.report import github, sarif

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def result() -> RunResult:
    return build_result()


@pytest.fixture(scope="module")
def sarif_log(result) -> dict:
    return json.loads(sarif.render(result, RULES))


def test_sarif_validates_against_the_official_schema(sarif_log):
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.exists():
        pytest.skip("shared SARIF schema not available")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif_log)


def test_sarif_validates_with_the_real_rules_and_an_empty_run():
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.exists():
        pytest.skip("shared SARIF schema not available")
    log = json.loads(sarif.render(empty_result(), all_rules()))
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
    assert log["runs"][0]["results"] == []
    assert len(log["runs"][0]["tool"]["driver"]["rules"]) == len(all_rules())


def test_sarif_structure(sarif_log, result):
    assert sarif_log["version"] == "2.1.0"
    (run,) = sarif_log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("aligncheck", "0.1.0")
    assert [r["id"] for r in driver["rules"]] == sorted(r.code for r in RULES)
    assert len(run["results"]) == len(result.findings())
    for res in run["results"]:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in {"error", "warning", "note"}
        assert res["partialFingerprints"]["aligncheck/v1"]


def test_sarif_rule_carries_level_category_and_examples(sarif_log):
    rules = {r["id"]: r for r in sarif_log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["UT01"]["defaultConfiguration"]["level"] == "note"
    assert rules["NU01"]["defaultConfiguration"]["level"] == "error"
    assert rules["NU01"]["properties"]["category"] == "number"
    assert rules["NU01"]["shortDescription"]["text"] == "Numbers must survive translation."
    help_md = rules["NU01"]["help"]["markdown"]
    assert (
        "**Anti-pattern**\n\n```text\nsource: 48 stations | 5%\ntarget: 84 станции | 5%\n```"
        in help_md
    )
    assert "**Best practice**" in help_md


def test_sarif_result_points_into_the_target_with_the_source_related(sarif_log):
    res = next(
        r
        for r in sarif_log["runs"][0]["results"]
        if r["ruleId"] == "NU01" and r["properties"]["lang"] == "ru"
    )
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "releases/2026-05/ru.md"
    assert loc["region"] == {
        "startLine": 7,
        "startColumn": 26,
        "endLine": 7,
        "endColumn": 28,
        "snippet": {"text": "22"},
    }
    related = res["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "releases/2026-05/en.md"
    assert related["region"]["startColumn"] == 12


def test_sarif_omission_is_located_in_the_source_and_uris_are_encoded(sarif_log):
    results = sarif_log["runs"][0]["results"]
    omission = next(r for r in results if r["ruleId"] == "OM01")
    assert (
        omission["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == "releases/2026-05/en.md"
    )
    assert "relatedLocations" not in omission
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "releases/june%20brief/ru%2Cdraft.txt" in uris


def test_relative_paths_use_forward_slashes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert sarif.relative_path(str(tmp_path / "rel" / "ru.md")) == "rel/ru.md"
    assert sarif.relative_path("rel\\june\\ru.md") == "rel/june/ru.md"
    assert (
        sarif.artifact_uri("/elsewhere/a b.md", root=str(tmp_path)) == "file:///elsewhere/a%20b.md"
    )


def test_rule_doc_keeps_prose_outside_the_example_blocks():
    class Rule:
        name = "x"
        __doc__ = """Summary line.

        **Anti-pattern**

            source (en.md):  A.
            target (ru.md):  Б
                             continued.

        Why it is wrong.

        **Best practice**
        source: A.
        target: А.
        """

    summary, md = sarif.rule_doc(Rule)
    assert summary == "Summary line."
    assert (
        "```text\nsource (en.md):  A.\ntarget (ru.md):  Б\n                 continued.\n```\n\n"
        "Why it is wrong."
    ) in md
    assert md.endswith("```text\nsource: A.\ntarget: А.\n```")


def test_github_annotation_escapes_data_and_properties(result):
    lines = github.render(result, RULES).splitlines()
    assert len(lines) == len(result.findings())
    tr = next(line for line in lines if "line=3,col=60" in line)
    assert tr.startswith(
        "::error file=releases/june brief/tr.txt,line=3,col=60,endLine=3,endColumn=63,"
        "title=NU01 number-mismatch::percentage 5%25 changed to %2550:%0Asource | target differ"
    )
    ru = next(line for line in lines if "ru%2Cdraft" in line and "SC01" in line)
    assert "line=4,col=39" in ru
    assert "\r" not in "".join(lines)


def test_github_levels_and_locationless_findings(result):
    lines = github.render(result, RULES).splitlines()
    commands = {line.split(" ", 1)[0] for line in lines}
    assert commands == {"::error", "::warning", "::notice"}
    omission = next(line for line in lines if "OM01" in line)
    assert omission.startswith("::error file=releases/2026-05/en.md,line=29,col=1,")
    assert (
        "::notice file=releases/june brief/tr.txt,title=CO01 inconsistent-term::term 'estimate'"
        in lines[-3]
    )


def test_github_property_escaping():
    assert github.escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    assert github.escape_data("50%: a,b\r\n") == "50%25: a,b%0D%0A"


def test_finding_without_rule_class_still_renders(result):
    orphan = Finding(
        "ZZ99",
        "number",
        Severity.ERROR,
        "ru",
        (0,),
        (0,),
        None,
        None,
        "from a plugin",
        None,
        Location("x.md", 1, 1),
    )
    release = dataclasses.replace(result.releases[0], findings=(orphan,))
    one = dataclasses.replace(result, releases=(release,))
    assert json.loads(sarif.render(one, RULES))["runs"][0]["results"][0]["ruleId"] == "ZZ99"
    assert github.render(one, RULES).startswith(
        "::error file=x.md,line=1,col=1,title=ZZ99 number::"
    )
