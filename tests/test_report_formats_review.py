"""JUnit XML and the Markdown pull-request summary, from the synthetic result of fixtures_report."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

import pytest
from fixtures_report import RULES, build_result, empty_result

from aligncheck.model import Severity
from aligncheck.report import github, html, junit, markdown, sarif

# The attributes the common JUnit XSD (Jenkins / Ant) requires and allows on each element.
JUNIT_SHAPE = {
    "testsuites": ({"name", "tests", "failures", "errors", "time"}, {"testsuite"}),
    "testsuite": ({"name", "tests", "failures", "errors", "skipped", "time"}, {"testcase"}),
    "testcase": ({"name", "classname", "time", "file"}, {"failure", "system-out"}),
    "failure": ({"message", "type"}, set()),
    "system-out": (set(), set()),
}


@pytest.fixture(scope="module")
def result():
    return build_result()


def conforms(element: ET.Element) -> None:
    allowed_attrs, allowed_children = JUNIT_SHAPE[element.tag]
    assert set(element.attrib) <= allowed_attrs, element.tag
    for child in element:
        assert child.tag in allowed_children, f"{child.tag} in {element.tag}"
        conforms(child)
    if element.tag == "testcase":
        assert len(element.findall("failure")) <= 1


def test_junit_is_well_formed_and_has_the_expected_shape(result):
    root = ET.fromstring(junit.render(result, RULES).encode("utf-8"))
    conforms(root)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["2026-05-wetlands", "june brief"]
    cases = [(c.get("classname"), c.get("name")) for c in root.iter("testcase")]
    assert cases == [("2026-05-wetlands", lang) for lang in ("ru", "kk", "az", "tk")] + [
        ("june brief", "ru"),
        ("june brief", "tr"),
    ]


def test_junit_counts_match_failures(result):
    root = ET.fromstring(junit.render(result, RULES))
    for suite in [root, *root.findall("testsuite")]:
        cases = list(suite.iter("testcase"))
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == sum(1 for c in cases if c.find("failure") is not None)
    assert (root.get("tests"), root.get("failures")) == ("6", "4")


def test_junit_failure_lists_errors_and_system_out_the_rest(result):
    root = ET.fromstring(junit.render(result, RULES))
    ru = next(c for c in root.iter("testcase") if c.get("name") == "ru")
    failure = ru.find("failure")
    assert failure.get("type") == "DA01,NU01,OM01"
    assert failure.get("message") == "3 finding(s) at or above error: DA01, NU01, OM01"
    assert (
        "releases/2026-05/ru.md:7:26: error NU01 [number] number 21 changed to 22" in failure.text
    )
    assert "releases/2026-05/en.md:29:1: error OM01" in failure.text
    assert "warning SC01" in ru.find("system-out").text and "warning" not in failure.text


def test_junit_fail_on_warning_fails_more_cases_and_never_fails_none(result):
    root = ET.fromstring(junit.render(result, RULES, fail_on="warning"))
    kk = next(c for c in root.iter("testcase") if c.get("name") == "kk")
    assert kk.find("failure").get("type") == "AL01,NA01"
    assert "info CO01" in kk.find("system-out").text
    assert root.get("failures") == "6"
    assert ET.fromstring(junit.render(result, RULES, fail_on=Severity.INFO)).get("failures") == "6"
    never = ET.fromstring(junit.render(result, RULES, fail_on="never"))
    assert never.get("failures") == "0" and len(never.findall(".//system-out")) == 6


def test_junit_escapes_markup_and_control_characters(result):
    finding = dataclasses.replace(
        result.releases[1].findings[0], message='bad \x0b char <b> & "q"', severity=Severity.ERROR
    )
    release = dataclasses.replace(result.releases[1], findings=(finding,))
    xml = junit.render(dataclasses.replace(result, releases=(release,)), RULES)
    text = "".join(ET.fromstring(xml).itertext())
    assert 'bad \ufffd char <b> & "q"' in text


def test_junit_clean_run_passes():
    root = ET.fromstring(junit.render(empty_result(), RULES))
    assert (root.get("tests"), root.get("failures")) == ("6", "0")
    assert root.find(".//failure") is None


def table_rows(text: str) -> list[str]:
    return [
        line
        for line in text.splitlines()
        if line.startswith("| 🔴") or line.startswith("| 🟠") or line.startswith("| 🔵")
    ]


def test_markdown_totals_and_per_language_table(result):
    text = markdown.render(result, RULES)
    assert "**37 finding(s)**: 🔴 10 error · 🟠 10 warning · 🔵 17 info" in text
    assert "| 2026-05-wetlands | en → ru | releases/2026-05/ru.md | 30 | 3 | 2 | 10 |" in text
    assert "| june brief | en → tr | releases/june brief/tr.txt | 3 | 2 | 0 | 1 |" in text


def test_markdown_shows_the_worst_first_and_collapses_the_rest(result):
    text = markdown.render(result, RULES, first=5)
    head, details = text.split("<details>")
    assert len(table_rows(head)) == 5 and all(r.startswith("| 🔴") for r in table_rows(head))
    assert "<summary>32 more finding(s)</summary>" in details
    assert len(table_rows(details)) == 32
    assert details.rstrip().endswith("</details>")


def test_markdown_cells_escape_pipes_html_and_mentions(result):
    rows = table_rows(markdown.render(result, RULES, first=100))
    pct = next(r for r in rows if "percentage" in r)
    assert "percentage 5% changed to %50:<br>source \\| target differ" in pct
    assert pct.count(" | ") == 5  # 6 cells: nothing inside splits the row
    tag = next(r for r in rows if "MK01" in r and "approx" in r)
    assert "&lt;approx&gt; &amp; separator \\| rendered as &lt;прибл.&gt;" in tag
    assert "info19&#64;wetlands.example.org" in markdown.render(result, RULES)
    bold = next(r for r in rows if "lost its markup" in r)
    assert "'\\*\\*Dr. Aigerim Sadykova\\*\\*'" in bold


def test_markdown_respects_the_size_budget(result):
    text = markdown.render(result, RULES, first=3, max_chars=5000)
    assert len(text) < 5000
    assert "more not shown here: see the full report." in text


def test_markdown_clean_run():
    text = markdown.render(empty_result(), RULES)
    assert "✅ **No discrepancies found.**" in text and "<details>" not in text


@pytest.mark.parametrize("module", [sarif, github, junit, markdown, html])
def test_every_format_is_independent_of_finding_order(module, result):
    releases = tuple(
        dataclasses.replace(r, findings=tuple(reversed(r.findings))) for r in result.releases
    )
    reordered = dataclasses.replace(result, releases=releases)
    assert module.render(reordered, RULES) == module.render(result, RULES)
