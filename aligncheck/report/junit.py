"""JUnit XML for CI test dashboards: one test case per release and target language.

A case fails when it has findings at or above `fail_level` (default error); the rest are
listed in its system-out, so the dashboard shows them without failing the build.
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


def _case(release: ReleaseResult, lang: str, fail_level: Severity) -> tuple[ET.Element, bool]:
    findings = sorted((f for f in release.findings if f.lang == lang), key=Finding.sort_key)
    failing = [f for f in findings if f.severity.rank >= fail_level.rank]
    passing = [f for f in findings if f.severity.rank < fail_level.rank]
    case = ET.Element("testcase", classname=release.name, name=lang, time="0")
    target = next((t.target for t in release.targets if t.target.lang == lang), None)
    if target is not None:
        case.set("file", target.path)
    if failing:
        codes = sorted({f.rule for f in failing})
        failure = ET.SubElement(case, "failure", type=",".join(codes),
                                message=f"{len(failing)} finding(s) at or above {fail_level.value}: {', '.join(codes)}")
        failure.text = _clean("\n".join(_line(f) for f in failing))
    if passing:
        ET.SubElement(case, "system-out").text = _clean("\n".join(_line(f) for f in passing))
    return case, bool(failing)


def render(result: RunResult, rules: Sequence[type[Rule]] = (), *,
           fail_level: Severity | str = Severity.ERROR, **_) -> str:
    level = Severity(fail_level)
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
        suite.attrib.update(tests=str(tests), failures=str(failures), errors="0", skipped="0", time="0")
        total_tests += tests
        total_failures += failures
    root.attrib.update(tests=str(total_tests), failures=str(total_failures), errors="0", time="0")
    for element in root.iter():
        for key, value in element.attrib.items():
            element.set(key, _clean(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
