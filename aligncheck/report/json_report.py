"""The JSON report, schema_version 1: a contract other tools read. Keep it exact."""

from __future__ import annotations

import json
from collections.abc import Sequence

from aligncheck.checks.base import Rule
from aligncheck.model import Finding, Link, Location, RunResult, Segmentation

SCHEMA_VERSION = 1


def _side(seg: Segmentation) -> dict:
    return {"path": seg.path, "lang": seg.lang, "segments": len(seg.segments)}


def link_dict(link: Link) -> dict:
    return {"source": list(link.source), "target": list(link.target), "score": round(link.score, 4)}


def _location(loc: Location | None) -> dict | None:
    return None if loc is None else {"path": loc.path, "line": loc.line, "column": loc.column}


def finding_dict(f: Finding) -> dict:
    return {
        "rule": f.rule,
        "category": f.category,
        "severity": f.severity.value,
        "lang": f.lang,
        "source_segments": list(f.source_segments),
        "target_segments": list(f.target_segments),
        "source_text": f.source_text,
        "target_text": f.target_text,
        "message": f.message,
        "source_location": _location(f.source_location),
        "target_location": _location(f.target_location),
        "fingerprint": f.fingerprint,
    }


def report_dict(result: RunResult) -> dict:
    documents = []
    for release in result.releases:
        targets = [
            dict(_side(t.target), links=[link_dict(k) for k in t.links]) for t in release.targets
        ]
        documents.append(
            {
                "source": _side(release.source),
                "targets": targets,
                "findings": [finding_dict(f) for f in release.findings],
            }
        )
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "aligncheck", "version": result.tool_version},
        "model": result.model,
        "documents": documents,
        "summary": result.summary(),
    }


def alignment_dict(source: Segmentation, target: Segmentation, links: Sequence[Link]) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "source": _side(source),
        "target": _side(target),
        "unit": source.unit,
        "links": [link_dict(k) for k in links],
    }


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render(result: RunResult, rules: Sequence[type[Rule]] = (), **_) -> str:
    return dumps(report_dict(result))
