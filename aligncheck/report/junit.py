"""JUnit XML for CI test dashboards: one test case per release and target language.

A case fails when it has findings at or above `fail_on` (default error, as the CLI's
--fail-on; "never" fails none); the rest are listed in its system-out, so the dashboard
shows them without failing the build.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from aligncheck.checks.base import Rule
from aligncheck.model import Finding, ReleaseResult, RunResult, Severity
from aligncheck.report.excerpt import where

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _line(f: Finding) -> str:
    loc = f.target_location or f.source_location
    text = f"{where(loc)}: {f.severity.value} {f.rule} [{f.category}] {f.message}"
    if f.source_text or f.target_text:
        text += f"\n    source: {f.source_text or '-'}\n    target: {f.target_text or '-'}"
    return text


def _languages(release: ReleaseResult) -> list[str]:
    langs = [t.target.lang for t in release.targets]
    return langs + sorted({f.lang for f in release.findings} - set(langs))


def _case(release: ReleaseResult, lang: str, fail_on: Severity | None) -> tuple[ET.Element, bool]:
    findings = sorted((f for f in release.findings if f.lang == lang), key=Finding.sort_key)
    fails = lambda f: fail_on is not None and f.severity.rank >= fail_on.rank  # noqa: E731
    failing = [f for f in findings if fails(f)]
    passing = [f for f in findings if not fails(f)]
    case = ET.Element("testcase", classname=release.name, name=lang, time="0")
    target = next((t.target for t in release.targets if t.target.lang == lang), None)
    if target is not None:
        case.set("file", target.path)
    if failing:
        codes = sorted({f.rule for f in failing})
        failure = ET.SubElement(
            case,
            "failure",
            type=",".join(codes),
            message=f"{len(failing)} finding(s) at or above {fail_on.value}: {', '.join(codes)}",
        )
        failure.text = _clean("\n".join(_line(f) for f in failing))
    if passing:
        ET.SubElement(case, "system-out").text = _clean("\n".join(_line(f) for f in passing))
    return case, bool(failing)


def render(
    result: RunResult,
    rules: Sequence[type[Rule]] = (),
    *,
    fail_on: Severity | str | None = Severity.ERROR,
    **_,
) -> str:
    level = None if fail_on == "never" else Severity(fail_on or Severity.ERROR)
    root = ET.Element("testsuites", name="aligncheck")
    total_tests = total_failures = 0
    for release in result.releases:
        suite = ET.SubElement(root, "testsuite", name=_clean(release.name))
        failures = 0
        for lang in _languages(release):
            case, failed = _case(release, lang, level)
            failures += failed
            suite.append(case)
        tests = len(suite)
        suite.attrib.update(
            tests=str(tests), failures=str(failures), errors="0", skipped="0", time="0"
        )
        total_tests += tests
        total_failures += failures
    root.attrib.update(tests=str(total_tests), failures=str(total_failures), errors="0", time="0")
    for element in root.iter():
        for key, value in element.attrib.items():
            element.set(key, _clean(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
