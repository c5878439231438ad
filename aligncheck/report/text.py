"""Plain, stable text report for logs and pipes: one line per item, control characters from
the texts shown as escapes (see `visible`)."""

from __future__ import annotations

from collections.abc import Sequence

from aligncheck.checks.base import Rule
from aligncheck.model import RunResult
from aligncheck.report.excerpt import sides, where
from aligncheck.report.visible import one_line


def render(result: RunResult, rules: Sequence[type[Rule]] = (), **_) -> str:
    out: list[str] = []
    for release in result.releases:
        by_lang = {t.target.lang: t.target for t in release.targets}
        for target in release.targets:
            lang = target.target.lang
            findings = [f for f in release.findings if f.lang == lang]
            out.append(
                f"== {release.name}: {release.source.lang} -> {lang} "
                f"({len(release.source.segments)} -> {len(target.target.segments)} segments, "
                f"{len(target.links)} links, {len(findings)} findings)"
            )
            for f in findings:
                src, tgt = sides(f, release.source, by_lang[lang])
                out.append(
                    f"{where(f.target_location)}: {f.severity.value} {f.rule} "
                    f"[{f.category}] {f.message}"
                )
                out.append(f"    source {where(f.source_location)}: {src.plain() if src else '-'}")
                out.append(f"    target {where(f.target_location)}: {tgt.plain() if tgt else '-'}")
        for f in release.findings:
            if f.lang not in by_lang:
                out.append(
                    f"{where(f.source_location)}: {f.severity.value} {f.rule} "
                    f"[{f.category}] {f.message}"
                )
    s = result.summary()
    out.append(f"summary: {s['error']} error(s), {s['warning']} warning(s), {s['info']} info")
    return "".join(one_line(line) + "\n" for line in out)
