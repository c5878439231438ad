"""The one-way flow: releases -> segments -> embeddings -> links -> findings -> RunResult."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from aligncheck import __version__
from aligncheck.align import align_many
from aligncheck.checks import PairContext, ReleaseContext, Rule
from aligncheck.model import Finding, Release, ReleaseResult, RunResult, TargetResult
from aligncheck.segment import segment_document

Progress = Callable[[str, int, int], None]


def _run_rule(rule: Rule, contexts: Sequence[PairContext], release_ctx: ReleaseContext,
              warnings: list[str]) -> list[Finding]:
    try:
        rule.prepare(release_ctx)
        if rule.scope == "release":
            return list(rule.check_release(release_ctx))
        return [f for ctx in contexts for f in rule.check(ctx)]
    except Exception as exc:  # one broken rule must not hide every other finding
        if os.environ.get("ALIGNCHECK_DEBUG"):
            raise
        warnings.append(f"rule {rule.code} failed on release {release_ctx.release}: "
                        f"{type(exc).__name__}: {exc}")
        return []


def check_release(release: Release, *, unit: str, embed: Callable, rules: Sequence[Rule],
                  options: Mapping[str, Any], resources: Mapping[str, Any],
                  warnings: list[str]) -> ReleaseResult:
    source = segment_document(release.source, unit)
    source_texts = [s.text for s in source.segments]
    segmented = [segment_document(document, unit) for document in release.targets]
    embed(source_texts + [s.text for target in segmented for s in target.segments])  # one batch
    all_links = align_many(source_texts, [[s.text for s in t.segments] for t in segmented], embed)
    targets = [TargetResult(target, links) for target, links in zip(segmented, all_links)]
    contexts = [PairContext(release.name, source, target, links, options, resources)
                for target, links in zip(segmented, all_links)]
    release_ctx = ReleaseContext(release.name, source, tuple(contexts), options, resources)
    findings = [f for rule in rules for f in _run_rule(rule, contexts, release_ctx, warnings)]
    findings.sort(key=Finding.sort_key)
    return ReleaseResult(release.name, source, tuple(targets), tuple(findings))


def run(releases: Sequence[Release], *, unit: str, model: str, embed: Callable,
        rules: Sequence[Rule], options: Mapping[str, Any] | None = None,
        resources: Mapping[str, Any] | None = None, progress: Progress | None = None) -> RunResult:
    warnings: list[str] = []
    results = []
    for n, release in enumerate(releases):
        if progress:
            progress(f"checking {release.name}", n, len(releases))
        results.append(check_release(release, unit=unit, embed=embed, rules=rules,
                                     options=options or {}, resources=resources or {},
                                     warnings=warnings))
    return RunResult(model=model, unit=unit, releases=tuple(results), tool_version=__version__,
                     warnings=tuple(warnings))
