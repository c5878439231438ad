"""After the checks: selection, inline suppressions, fingerprints, baseline; sorted findings."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from aligncheck.findings.baseline import filter_baseline
from aligncheck.findings.fingerprint import assign_fingerprints, segment_text_for
from aligncheck.findings.selection import apply_selection
from aligncheck.findings.suppress import (
    Directive,
    apply_suppressions,
    segment_lines_for,
    strip_directives,
)
from aligncheck.model import Finding, Release, RunResult


def strip_release_directives(
    releases: Sequence[Release],
) -> tuple[list[Release], dict[str, list[Directive]]]:
    """Blank out `aligncheck: ignore` lines (line numbers stay) and collect them per path.
    Translator files (paired releases) have none: their texts are units, not lines."""
    directives: dict[str, list[Directive]] = {}
    cleaned = []
    for release in releases:
        if release.paired:
            cleaned.append(release)
            continue
        docs = []
        for doc in (release.source, *release.targets):
            text, found = strip_directives(
                doc.text, fmt=doc.format, line_base=doc.line_base, keep_offsets=bool(doc.blocks)
            )
            directives.setdefault(doc.path, []).extend(found)
            blocks = tuple(b for b in doc.blocks if text[b.start : b.end].strip())
            docs.append(dataclasses.replace(doc, text=text, blocks=blocks))
        cleaned.append(dataclasses.replace(release, source=docs[0], targets=tuple(docs[1:])))
    return cleaned, directives


def finish(
    result: RunResult, config, directives: dict[str, list[Directive]], baseline: Path | None = None
) -> RunResult:
    releases, warnings = [], list(result.warnings)
    for rel in result.releases:
        targets = [t.target for t in rel.targets]
        segs = [rel.source, *targets]
        findings = apply_selection(rel.findings, config)
        findings, unused = apply_suppressions(
            findings,
            {s.path: directives.get(s.path, []) for s in segs},
            segment_lines_for(rel.source, targets),
            langs={s.path: s.lang for s in segs},
        )
        findings = assign_fingerprints(
            findings + apply_selection(unused, config), segment_text_for(rel.source, targets)
        )
        if baseline is not None:
            findings, known = filter_baseline(findings, baseline)
            if known:
                warnings.append(f"{rel.name}: {known} finding(s) hidden by baseline {baseline}")
        releases.append(
            dataclasses.replace(rel, findings=tuple(sorted(findings, key=Finding.sort_key)))
        )
    return dataclasses.replace(result, releases=tuple(releases), warnings=tuple(warnings))
