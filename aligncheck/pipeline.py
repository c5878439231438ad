"""The one-way flow: releases -> segments -> embeddings -> links -> findings -> RunResult."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from aligncheck import __version__
from aligncheck._runtime import parallel
from aligncheck._runtime.memo import release_memo
from aligncheck.align import align_many, paired_links, unit_options
from aligncheck.checks import PairContext, ReleaseContext, Rule
from aligncheck.extract.titles import release_titles
from aligncheck.lang.profiles import length_factor
from aligncheck.model import Finding, Release, ReleaseResult, RunResult, TargetResult
from aligncheck.segment import alignment_texts, segment_document

Progress = Callable[[str, int, int], None]


def _run_rule(
    rule: Rule, contexts: Sequence[PairContext], release_ctx: ReleaseContext, warnings: list[str]
) -> list[Finding]:
    try:
        rule.prepare(release_ctx)
        if rule.scope == "release":
            return list(rule.check_release(release_ctx))
        return [f for ctx in contexts for f in rule.check(ctx)]
    except Exception as exc:  # one broken rule must not hide every other finding
        if os.environ.get("ALIGNCHECK_DEBUG"):
            raise
        warnings.append(
            f"rule {rule.code} failed on release {release_ctx.release}: {type(exc).__name__}: {exc}"
        )
        return []


# Rules of these groups share the name extraction and transliteration tables, so they run
# together; on the seed they are about half of the rules' time.
_CHILD_GROUPS = frozenset({"names", "consistency"})
MIN_SEGMENTS_TO_FORK = 100  # below this a release's rules take less than forking costs


def _all_findings(
    rules: Sequence[Rule],
    contexts: Sequence[PairContext],
    release_ctx: ReleaseContext,
    warnings: list[str],
) -> list[Finding]:
    """Every rule's findings, rule by rule. Where it is safe and worth it, the name and
    consistency rules run in a forked child meanwhile (parallel.py); the result is the same."""

    def run(group: Sequence[Rule]) -> list[tuple[list[Finding], list[str]]]:
        out = []
        for rule in group:
            said: list[str] = []
            out.append((_run_rule(rule, contexts, release_ctx, said), said))
        return out

    there = [r for r in rules if _CHILD_GROUPS & set(r.groups) and type(r).prepare is Rule.prepare]
    here = [r for r in rules if r not in there]
    if here and there and _may_fork(release_ctx):
        mine, theirs = parallel.run_both(lambda: run(here), lambda: run(there))
        done = dict(zip(map(id, here), mine)) | dict(zip(map(id, there), theirs))
    else:
        done = dict(zip(map(id, rules), run(rules)))
    findings = []
    for rule in rules:
        found, said = done[id(rule)]
        findings.extend(found)
        warnings.extend(said)
    return findings


def _may_fork(release_ctx: ReleaseContext) -> bool:
    """No model loaded (its threads must not be forked), not debugging, and enough text."""
    embedder = release_ctx.resources.get("embedder")
    if embedder is not None and getattr(embedder, "model_loaded", True):
        return False
    segments = len(release_ctx.source.segments) + sum(
        len(c.target.segments) for c in release_ctx.pairs
    )
    return (
        not os.environ.get("ALIGNCHECK_DEBUG")
        and segments >= MIN_SEGMENTS_TO_FORK
        and parallel.available()
    )


def length_ratio(source_lang: str, target_lang: str) -> float | None:
    """Calibrated characters of the target language per source character, if both are."""
    source, target = length_factor(source_lang), length_factor(target_lang)
    return target / source if source and target else None


def check_release(
    release: Release,
    *,
    unit: str,
    embed: Callable,
    rules: Sequence[Rule],
    options: Mapping[str, Any],
    resources: Mapping[str, Any],
    warnings: list[str],
) -> ReleaseResult:
    source = segment_document(release.source, unit)
    source_texts = alignment_texts(source)
    segmented = [segment_document(document, unit) for document in release.targets]
    if release.paired:  # XLIFF, PO, TMX: the units say what pairs with what
        if unit == "paragraph":  # messages name a translation unit, not a paragraph
            source = dataclasses.replace(source, unit="unit")
            segmented = [dataclasses.replace(target, unit="unit") for target in segmented]
        all_links = [paired_links(source, target) for target in segmented]
    else:
        target_texts = [alignment_texts(target) for target in segmented]
        embed(source_texts + [text for texts in target_texts for text in texts])  # one batch
        all_links = align_many(
            source_texts,
            target_texts,
            embed,
            length_ratios=[length_ratio(release.source.lang, t.lang) for t in segmented],
            **unit_options(unit),
        )
    targets = [TargetResult(target, links) for target, links in zip(segmented, all_links)]
    memo: dict = {}  # one per release, shared by its contexts (ReleaseContext.memo)
    contexts = [
        PairContext(release.name, source, target, links, options, resources, memo)
        for target, links in zip(segmented, all_links)
    ]
    release_ctx = ReleaseContext(release.name, source, tuple(contexts), options, resources, memo)
    with release_memo(memo):  # extractors' per-text results live as long as the release
        findings = _all_findings(rules, contexts, release_ctx, warnings)
        titles = release_titles(source, [(t.target, t.links) for t in targets])
    findings.sort(key=Finding.sort_key)
    return ReleaseResult(release.name, source, tuple(targets), tuple(findings), titles)


def run(
    releases: Sequence[Release],
    *,
    unit: str,
    model: str,
    embed: Callable,
    rules: Sequence[Rule],
    options: Mapping[str, Any] | None = None,
    resources: Mapping[str, Any] | None = None,
    progress: Progress | None = None,
) -> RunResult:
    warnings: list[str] = []
    results = []
    for n, release in enumerate(releases):
        if progress:
            progress(f"checking {release.name}", n, len(releases))
        results.append(
            check_release(
                release,
                unit=unit,
                embed=embed,
                rules=rules,
                options=options or {},
                resources=resources or {},
                warnings=warnings,
            )
        )
    return RunResult(
        model=model,
        unit=unit,
        releases=tuple(results),
        tool_version=__version__,
        warnings=tuple(warnings),
    )
