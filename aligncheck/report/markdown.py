"""A Markdown summary for a pull-request comment (GitHub-flavoured).

Totals, a table per release and language, the `first` most severe findings in a table and
the rest collapsed in <details>, kept under GitHub's comment size limit.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from aligncheck.checks.base import Rule
from aligncheck.model import Finding, ReleaseResult, RunResult, Severity
from aligncheck.report.excerpt import where
from aligncheck.report.titles import title_cells, title_langs
from aligncheck.report.visible import visible

ICONS = {Severity.ERROR: "🔴", Severity.WARNING: "🟠", Severity.INFO: "🔵"}
QUOTE = 80
MAX_CHARS = 60_000  # GitHub rejects comments over 65,536 characters
_MARKDOWN_SPECIALS = "\\`*_[]~"
_HEADER = "| | Rule | Location | Message | Source | Target |\n|---|---|---|---|---|---|"


def cell(text: str | None, limit: int | None = None) -> str:
    """Text safe inside a table cell: no HTML, pipes, mentions, Markdown emphasis or control
    characters (shown as escapes: the summary is also printed to terminals)."""
    if not text:
        return ""
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    text = html.escape(visible(text), quote=False)
    for char in _MARKDOWN_SPECIALS:
        text = text.replace(char, "\\" + char)
    return text.replace("|", "\\|").replace("@", "&#64;").replace("\r", "").replace("\n", "<br>")


def _row(f: Finding, names: dict[str, str]) -> str:
    rule = f"**{cell(f.rule)}** {cell(names.get(f.rule, f.category))}"
    loc = cell(where(f.target_location or f.source_location))
    return (
        f"| {ICONS[f.severity]} | {rule} | {loc} | {cell(f.message)} | "
        f"{cell(f.source_text, QUOTE)} | {cell(f.target_text, QUOTE)} |"
    )


def _release_rows(release: ReleaseResult) -> list[str]:
    rows = []
    for target in release.targets:
        lang = target.target.lang
        counts = {
            s: sum(f.severity is s and f.lang == lang for f in release.findings) for s in Severity
        }
        rows.append(
            f"| {cell(release.name)} | {cell(release.source.lang)} → {cell(lang)} | "
            f"{cell(target.target.path)} | {len(target.links)} | "
            + " | ".join(str(counts[s]) for s in Severity)
            + " |"
        )
    return rows


def _titles(result: RunResult) -> list[str]:
    """The terms-and-titles table of each release that has titles."""
    out = []
    for release in result.releases:
        rows = title_cells(release)
        if not rows:
            continue
        langs = title_langs(release)
        out += [
            "",
            f"### Terms and titles: {cell(release.name)}",
            "",
            f"| {cell(release.source.lang)} | places | " + " | ".join(map(cell, langs)) + " |",
            "|---|---:|" + "---|" * len(langs),
        ]
        out += [
            f"| {cell(source)} | {count} | " + " | ".join(cell(c) for c in cells) + " |"
            for source, count, cells in rows
        ]
    return out


def render(
    result: RunResult,
    rules: Sequence[type[Rule]] = (),
    *,
    first: int = 10,
    max_chars: int = MAX_CHARS,
    **_,
) -> str:
    names = {r.code: r.name for r in rules}
    summary = result.summary()
    total = sum(summary.values())
    out = ["## aligncheck", ""]
    if total:
        out.append(
            f"**{total} finding(s)**: "
            + " · ".join(f"{ICONS[s]} {summary[s.value]} {s.value}" for s in Severity)
        )
    else:
        out.append("✅ **No discrepancies found.**")
    out += [
        "",
        f"Model `{cell(result.model)}`, unit {cell(result.unit)}"
        + (f", aligncheck {cell(result.tool_version)}" if result.tool_version else "")
        + ".",
        "",
    ]
    out += [
        "| Release | Languages | Target | Links | Errors | Warnings | Info |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    out += [row for release in result.releases for row in _release_rows(release)]
    for warning in result.warnings:
        out += ["", f"> ⚠️ {cell(warning)}"]
    out += _titles(result)
    ranked = sorted(
        ((i, f) for i, r in enumerate(result.releases) for f in r.findings),
        key=lambda item: (-item[1].severity.rank, item[0], item[1].sort_key()),
    )
    rows = [_row(f, names) for _, f in ranked]
    if rows:
        out += ["", "### Findings", "", _HEADER, *rows[:first]]
    text = "\n".join(out) + "\n"
    rest = rows[first:]
    if rest:
        kept: list[str] = []
        budget = max_chars - len(text) - 400
        for row in rest:
            budget -= len(row) + 1
            if budget < 0:
                break
            kept.append(row)
        text += (
            f"\n<details><summary>{len(rest)} more finding(s)</summary>\n\n{_HEADER}\n"
            + "".join(row + "\n" for row in kept)
        )
        if len(kept) < len(rest):
            text += f"\n… {len(rest) - len(kept)} more not shown here: see the full report.\n"
        text += "\n</details>\n"
    return text
