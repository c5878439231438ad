"""Terminal report with rich: colours by severity, highlighted spans, a summary table.

Every text from the input goes in as a `Text` (never parsed as markup) after `one_line`
(control characters shown as escapes), so only rich's own styles reach the terminal.
"""

from __future__ import annotations

import io
import os
from collections import Counter
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from aligncheck.checks.base import Rule
from aligncheck.model import RunResult
from aligncheck.report.excerpt import Excerpt, sides, where
from aligncheck.report.titles import title_cells, title_langs
from aligncheck.report.visible import one_line

COLOURS = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _text(text: str, style: str = "") -> Text:
    return Text(one_line(text), style=style)


def _quote(label: str, location: str, ex: Excerpt | None, style: str) -> Text:
    text = Text(f"    {label} ", style="dim") + _text(location, style="blue") + Text("  ")
    if ex is None:
        return text + Text("—", style="dim")
    return text + _text(ex.before) + _text(ex.marked, style=style) + _text(ex.after)


def _summary(result: RunResult) -> Table:
    table = Table(title="Summary", show_lines=False)
    for column in ("release", "lang", "segments", "links", "error", "warning", "info"):
        table.add_column(column, justify="left" if column in ("release", "lang") else "right")
    for release in result.releases:
        for target in release.targets:
            lang = target.target.lang
            counts = Counter(f.severity.value for f in release.findings if f.lang == lang)
            table.add_row(
                _text(release.name),
                _text(f"{release.source.lang}→{lang}"),
                f"{len(release.source.segments)}→{len(target.target.segments)}",
                str(len(target.links)),
                Text(str(counts["error"]), style=COLOURS["error"] if counts["error"] else ""),
                Text(str(counts["warning"]), style=COLOURS["warning"] if counts["warning"] else ""),
                str(counts["info"]),
            )
    return table


def _titles(release, rows) -> Table:
    table = Table(title=_text(f"Terms and titles: {release.name}"), show_lines=False)
    table.add_column(_text(release.source.lang))
    table.add_column("places", justify="right")
    for lang in title_langs(release):
        table.add_column(_text(lang))
    for source, count, cells in rows:
        table.add_row(_text(source), str(count), *map(_text, cells))
    return table


def render(
    result: RunResult,
    rules: Sequence[type[Rule]] = (),
    *,
    width: int | None = None,
    color: bool | None = None,
    **_,
) -> str:
    if color is None:
        color = "NO_COLOR" not in os.environ
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width or 110,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        soft_wrap=False,
    )
    for release in result.releases:
        by_lang = {t.target.lang: t.target for t in release.targets}
        for target in release.targets:
            lang = target.target.lang
            findings = [f for f in release.findings if f.lang == lang]
            console.rule(
                _text(f"{release.name}  {release.source.lang} → {lang}  ", style="bold")
                + Text(f"{len(findings)} finding(s)", style="dim")
            )
            for f in findings:
                style = COLOURS[f.severity.value]
                head = Text(f"{f.severity.value:<7} ", style=style) + _text(
                    f"{f.rule} ", style="bold"
                )
                head += _text(f"[{f.category}] ", style="dim") + _text(f.message)
                console.print(head)
                src, tgt = sides(f, release.source, by_lang[lang])
                console.print(_quote("source", where(f.source_location), src, f"reverse {style}"))
                console.print(_quote("target", where(f.target_location), tgt, f"reverse {style}"))
    for release in result.releases:
        titles = title_cells(release)
        if titles:
            console.print(_titles(release, titles))
    console.print(_summary(result))
    s = result.summary()
    line = Text("Total: ") + Text(f"{s['error']} error(s)", style=COLOURS["error"]) + Text(", ")
    line += Text(f"{s['warning']} warning(s)", style=COLOURS["warning"]) + Text(
        f", {s['info']} info"
    )
    console.print(line)
    return buffer.getvalue()
