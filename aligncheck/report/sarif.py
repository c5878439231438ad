"""SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure DevOps).

Each finding is a result located in the target file (or in the source when the target has
no place for it, as for an omission); the source location is a related location. Columns
count Unicode code points, as aligncheck's do (`columnKind`).
"""

from __future__ import annotations

import inspect
import json
import os
import re
import textwrap
from collections.abc import Sequence
from functools import cache
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from aligncheck.checks.base import Rule
from aligncheck.model import (
    Finding,
    Location,
    ReleaseResult,
    RunResult,
    Segmentation,
    Severity,
    Span,
)

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "aligncheck/v1"
_SECTION = re.compile(r"^\*\*(.+?)\*\*:?\s*$")
_EXAMPLE = re.compile(r"^(source|target)\b[^:]*:", re.IGNORECASE)


def relative_path(path: str, root: str | None = None) -> str:
    """`path` relative to `root` (default: the working directory) with forward slashes."""
    if "\\" in path and not path.startswith("/"):
        path = PureWindowsPath(path).as_posix()
    if os.path.isabs(path):
        rel = os.path.relpath(path, root or os.getcwd())
        if not rel.startswith(".."):
            path = rel
    return PurePosixPath(path).as_posix()


def artifact_uri(path: str, root: str | None = None) -> str:
    rel = relative_path(path, root)
    if rel.startswith("/"):
        return "file://" + quote(rel)
    return quote(rel)


@cache
def rule_doc(rule: type[Rule]) -> tuple[str, str]:
    """(one-line summary, whole docstring as Markdown with
    its source/target examples as code blocks)."""
    lines = inspect.cleandoc(rule.__doc__ or "").splitlines()
    summary = lines[0].strip() if lines else rule.name
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if block:
            out.extend(["```text", *textwrap.dedent("\n".join(block)).splitlines(), "```", ""])
            block.clear()

    for line in lines:
        heading = _SECTION.match(line.strip())
        if heading:
            flush()
            out.extend([f"**{heading.group(1)}**", ""])
        elif line.strip() and (line[0].isspace() or _EXAMPLE.match(line)):
            block.append(line)
        else:
            flush()
            if not line.strip() and (not out or not out[-1]):
                continue
            out.append(line)
    flush()
    return summary, "\n".join(out).strip()


def _rule_entry(rule: type[Rule]) -> dict:
    summary, markdown = rule_doc(rule)
    entry = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": markdown, "markdown": markdown},
        "help": {"text": markdown, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[Severity(rule.severity)]},
        "properties": {
            "category": rule.category,
            "tags": sorted({rule.category, *getattr(rule, "groups", ())}),
        },
    }
    keys = getattr(rule, "config_keys", {}) or {}
    if keys:
        entry["properties"]["config"] = {
            k: {"default": keys[k][0], "help": keys[k][1]} for k in sorted(keys)
        }
    return entry


def span_end(seg: Segmentation | None, span: Span | None) -> tuple[int, int, str] | None:
    """(line, column, text) of the end of a span, when its segment is known."""
    if seg is None or span is None or not 0 <= span.segment < len(seg.segments):
        return None
    segment = seg.segments[span.segment]
    return (*segment.locate(span.end), segment.text[span.start : span.end])


def _region(loc: Location, seg: Segmentation | None, span: Span | None) -> dict:
    region = {"startLine": max(loc.line, 1), "startColumn": max(loc.column, 1)}
    end = span_end(seg, span)
    if end:
        region.update(endLine=end[0], endColumn=end[1], snippet={"text": end[2]})
    return region


def _physical(loc: Location, seg: Segmentation | None, span: Span | None) -> dict:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(loc.path)},
            "region": _region(loc, seg, span),
        }
    }


def target_of(f: Finding, release: ReleaseResult) -> Segmentation | None:
    return next((t.target for t in release.targets if t.target.lang == f.lang), None)


def primary(
    f: Finding, release: ReleaseResult
) -> tuple[Location, Segmentation | None, Span | None] | None:
    """Where a finding is shown: in the target, else (an omission) in the source."""
    if f.target_location is not None:
        return f.target_location, target_of(f, release), f.target_span
    if f.source_location is not None:
        return f.source_location, release.source, f.source_span
    return None


def _result(f: Finding, release: ReleaseResult, rule_index: dict[str, int]) -> dict:
    target = target_of(f, release)
    where = primary(f, release)
    if where is not None:
        locations = [_physical(*where)]
    elif target is not None:
        locations = [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(target.path)}}}]
    else:
        locations = []
    result = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": locations,
        "properties": {"release": release.name, "lang": f.lang, "category": f.category},
    }
    if f.rule in rule_index:
        result["ruleIndex"] = rule_index[f.rule]
    if f.target_location is not None and f.source_location is not None:
        related = _physical(f.source_location, release.source, f.source_span)
        related.update(id=1, message={"text": f"source ({release.source.lang})"})
        result["relatedLocations"] = [related]
    if f.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
    return result


def sarif_dict(result: RunResult, rules: Sequence[type[Rule]]) -> dict:
    ordered = sorted(rules, key=lambda r: r.code)
    rule_index = {r.code: i for i, r in enumerate(ordered)}
    driver = {"name": "aligncheck", "rules": [_rule_entry(r) for r in ordered]}
    if result.tool_version:
        driver["version"] = result.tool_version
    results = [
        _result(f, release, rule_index)
        for release in result.releases
        for f in sorted(release.findings, key=Finding.sort_key)
    ]
    invocation = {
        "executionSuccessful": True,
        "toolExecutionNotifications": [
            {"level": "warning", "message": {"text": w}} for w in result.warnings
        ],
    }
    run = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"model": result.model, "unit": result.unit},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(result: RunResult, rules: Sequence[type[Rule]] = (), **_) -> str:
    # Compact: the indenting encoder is pure Python and ten times slower on large runs.
    return json.dumps(sarif_dict(result, rules), ensure_ascii=False, separators=(",", ":")) + "\n"
