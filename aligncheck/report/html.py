"""A self-contained HTML review page: every release's versions side by side, findings in place.

One row per source segment (plus rows for target-only segments), one column per version;
spans are <mark>ed with their findings as tooltips and listed under the row. Filters by
severity, language and category are checkboxes driven by inline JS; nothing is fetched.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from itertools import pairwise

from aligncheck.checks.base import Rule
from aligncheck.model import (
    CATEGORIES,
    Finding,
    Link,
    ReleaseResult,
    RunResult,
    Segmentation,
    Severity,
)
from aligncheck.report.excerpt import where
from aligncheck.report.html_assets import CSS, JS
from aligncheck.report.sarif import rule_doc
from aligncheck.report.titles import title_cells, title_langs

SVG_W, SVG_H, SVG_PAD = 420, 64, 24


def median_score(links: Sequence[Link]) -> float:
    """The typical similarity of a target's paired links; scores are judged against it, not
    against fixed numbers, because each embedding model has its own range."""
    scores = sorted(k.score for k in links if k.source and k.target)
    return scores[len(scores) // 2] if scores else 0.0


def score_class(score: float, median: float) -> str:
    return "lo" if score < median - 0.15 else "mid" if score < median - 0.07 else "hi"


@dataclass
class Row:
    key: tuple
    source: int | None = None
    only: str | None = None  # the language of a target-only row
    cells: dict[str, Link] = field(default_factory=dict)
    joined: dict[str, int] = field(
        default_factory=dict
    )  # lang -> first source index of a merged link
    findings: list[tuple[str, Finding]] = field(default_factory=list)


def build_rows(release: ReleaseResult) -> list[Row]:
    """Rows in reading order: each source segment, and target-only links after their predecessor."""
    rows = {("s", i): Row(("s", i, 0, 0, 0), source=i) for i in range(len(release.source.segments))}
    for t_order, target in enumerate(release.targets):
        lang, previous = target.target.lang, -1
        for link in target.links:
            if link.source:
                rows[("s", link.source[0])].cells[lang] = link
                for other in link.source[1:]:
                    rows[("s", other)].joined[lang] = link.source[0]
                previous = max(previous, *link.source)
            elif link.target:
                key = ("t", lang, link.target[0])
                rows[key] = Row(
                    ("s", previous, 1, t_order, link.target[0]), only=lang, cells={lang: link}
                )
    return sorted(rows.values(), key=lambda r: r.key)


def _row_of_findings(release: ReleaseResult, rows: list[Row]) -> dict[tuple, Row]:
    by_place: dict[tuple, Row] = {}
    for row in rows:
        if row.source is not None and row.only is None:
            by_place[("s", row.source)] = row
        for lang, link in row.cells.items():
            for j in link.target:
                by_place[("t", lang, j)] = row
    return by_place


def marked(text: str, spans: list[tuple[int, int, str, Severity, str]]) -> str:
    """`text` escaped, with each stretch covered by spans wrapped in one <mark>."""
    cuts = sorted({0, len(text), *(p for s, e, *_ in spans for p in (s, e) if 0 <= p <= len(text))})
    out = []
    for start, end in pairwise(cuts):
        cover = [s for s in spans if s[0] <= start and end <= s[1]]
        piece = escape(text[start:end])
        if not cover:
            out.append(piece)
            continue
        worst = max((s[3] for s in cover), key=lambda sev: sev.rank)
        ids = " ".join(dict.fromkeys(s[2] for s in cover))
        title = escape("\n".join(dict.fromkeys(s[4] for s in cover)))
        out.append(f'<mark class="sev-{worst.value}" data-f="{ids}" title="{title}">{piece}</mark>')
    return "".join(out)


class _Release:
    def __init__(self, index: int, release: ReleaseResult, rules: dict[str, type[Rule]]):
        self.index, self.release, self.rules = index, release, rules
        self.names = names = {code: rule.name for code, rule in rules.items()}
        self.langs = [t.target.lang for t in release.targets]
        self.targets = {t.target.lang: t.target for t in release.targets}
        self.medians = {t.target.lang: median_score(t.links) for t in release.targets}
        self.rows = build_rows(release)
        self.loose: list[tuple[str, Finding]] = []
        self.spans: dict[tuple, list] = defaultdict(list)  # (lang or "", segment) -> spans
        places = _row_of_findings(release, self.rows)
        for n, f in enumerate(sorted(release.findings, key=Finding.sort_key)):
            fid = f"f{index}-{n}"
            if f.source_segments:
                place = ("s", f.source_segments[0])
            else:
                place = ("t", f.lang, f.target_segments[0]) if f.target_segments else None
            row = places.get(place)
            (row.findings if row else self.loose).append((fid, f))
            title = f"{f.rule} {names.get(f.rule, '')} ({f.severity.value}, {f.lang}): {f.message}"
            if f.source_span:
                self.spans[("", f.source_span.segment)].append(
                    (f.source_span.start, f.source_span.end, fid, f.severity, title)
                )
            if f.target_span:
                self.spans[(f.lang, f.target_span.segment)].append(
                    (f.target_span.start, f.target_span.end, fid, f.severity, title)
                )

    def row_id(self, row: Row) -> str:
        if row.only is not None:
            return f"r{self.index}-{escape(row.only)}-{row.key[-1] + 1}"
        return f"r{self.index}-{row.source + 1}"

    def _segment(self, seg: Segmentation, lang: str, i: int, badge: str = "") -> str:
        segment = seg.segments[i]
        text = marked(segment.text, self.spans.get((lang, i), []))
        return (
            f'<div class="cellhead">{escape(_basename(seg.path))}:{segment.line}{badge}</div>'
            f'<p class="text" dir="auto">{text}</p>'
        )

    def _target_cell(self, row: Row, lang: str) -> str:
        link, seg = row.cells.get(lang), self.targets[lang]
        if link is None:
            joined = row.joined.get(lang)
            inner = (
                f'<span class="cont">↑ joined with ¶{joined + 1}</span>'
                if joined is not None
                else ""
            )
        elif not link.target:
            inner = '<span class="gap">— no translation —</span>'
        else:
            median = self.medians[lang]
            score = (
                f' <span class="score {score_class(link.score, median)}" '
                f'title="alignment similarity (median {median:.2f})">'
                f"{link.score:.2f}</span>"
                if link.source
                else ' <span class="gap">no source</span>'
            )
            inner = "".join(
                self._segment(seg, lang, j, score if n == 0 else "")
                for n, j in enumerate(link.target)
            )
        return f'<td data-col="{escape(lang)}">{inner}</td>'

    def _finding(self, fid: str, f: Finding) -> str:
        loc = where(f.target_location or f.source_location)
        return (
            f'<li class="finding" id="{fid}" data-severity="{f.severity.value}" '
            f'data-lang="{escape(f.lang)}" data-category="{escape(f.category)}">'
            f'<span class="sev sev-{f.severity.value}">{f.severity.value}</span> '
            f"{_rule_link(f.rule, self.rules)} {escape(self.names.get(f.rule, ''))} "
            f'<span class="lang">{escape(f.lang)}</span> {escape(f.message)} '
            f'<span class="loc">{escape(loc)}</span></li>'
        )

    def _row(self, row: Row) -> str:
        worst = max((f.severity for _, f in row.findings), key=lambda s: s.rank, default=None)
        classes = "row" + (f" has-{worst.value}" if worst else "")
        only = f' data-only="{escape(row.only)}"' if row.only else ""
        if row.source is not None and row.only is None:
            idx, src = str(row.source + 1), self._segment(self.release.source, "", row.source)
        else:
            idx, src = "+", ""
        cells = "".join(self._target_cell(row, lang) for lang in self.langs)
        out = [
            f'<tbody class="{classes}" id="{self.row_id(row)}"{only}>',
            f'<tr class="seg"><td class="idx">{idx}</td><td class="src">{src}</td>{cells}</tr>',
        ]
        if row.findings:
            items = "".join(self._finding(fid, f) for fid, f in row.findings)
            out.append(
                f'<tr class="notes"><td></td><td colspan="{len(self.langs) + 1}">'
                f'<ul class="findings">{items}</ul></td></tr>'
            )
        out.append("</tbody>")
        return "".join(out)

    def _overview(self, lang: str) -> str:
        target = next(t for t in self.release.targets if t.target.lang == lang)
        ns, nt = max(len(self.release.source.segments), 1), max(len(target.target.segments), 1)
        median = self.medians[lang]
        x = lambda i, n: SVG_PAD + (i + 0.5) * (SVG_W - SVG_PAD - 4) / n  # noqa: E731
        rows = {r.source: r for r in self.rows if r.only is None}
        parts = [
            f'<text x="0" y="16">{escape(self.release.source.lang)}</text>',
            f'<text x="0" y="{SVG_H - 6}">{escape(lang)}</text>',
        ]
        for link in target.links:
            row = (
                rows.get(link.source[0])
                if link.source
                else next(
                    (r for r in self.rows if r.only == lang and link in r.cells.values()), None
                )
            )
            href = f"#{self.row_id(row)}" if row else "#"
            src = ",".join(str(i + 1) for i in link.source) or "—"
            tgt = ",".join(str(j + 1) for j in link.target) or "—"
            if link.source and link.target:
                xs = sum(x(i, ns) for i in link.source) / len(link.source)
                xt = sum(x(j, nt) for j in link.target) / len(link.target)
                shape = (
                    f'<line x1="{xs:.1f}" y1="12" x2="{xt:.1f}" y2="{SVG_H - 12}" '
                    f'class="{score_class(link.score, median)}"/>'
                )
                label = f"¶{src} → ¶{tgt}: {link.score:.2f}"
            else:
                cx, cy = (
                    (x(link.source[0], ns), 8)
                    if link.source
                    else (x(link.target[0], nt), SVG_H - 8)
                )
                shape = f'<circle cx="{cx:.1f}" cy="{cy}" r="4" class="lo"/>'
                label = f"¶{src} → ¶{tgt}: " + ("no translation" if link.source else "no source")
            parts.append(f'<a href="{href}"><title>{escape(label)}</title>{shape}</a>')
        weak = sum(
            1
            for k in target.links
            if k.source and k.target and score_class(k.score, median) == "lo"
        )
        gaps = sum(1 for k in target.links if not (k.source and k.target))
        caption = (
            f"{escape(self.release.source.lang)} → {escape(lang)}: {len(target.links)} links, "
            f"median similarity {median:.2f}, {weak} weak, {gaps} unpaired"
        )
        return (
            f'<figure class="overview" data-col="{escape(lang)}">'
            f'<svg viewBox="0 0 {SVG_W} {SVG_H}" role="img" aria-label="{caption}">'
            f"<style>line{{stroke-width:1.6}} .hi{{stroke:#2e7d32}} .mid{{stroke:#b28704}} "
            f"line.lo{{stroke:#c62828;stroke-width:2.5}} circle.lo{{fill:#c62828}} "
            f"text{{font:11px sans-serif;fill:#57606a}}</style>{''.join(parts)}</svg>"
            f"<figcaption>{caption}</figcaption></figure>"
        )

    def _titles(self) -> str:
        """The terms-and-titles table: each source title and every version's spellings."""
        rows = title_cells(self.release)
        if not rows:
            return ""
        langs = title_langs(self.release)
        head = "".join(f"<th>{escape(lang)}</th>" for lang in langs)
        body = "".join(
            f"<tr><td>{escape(source)}</td><td class='num'>{count}</td>"
            + "".join(f"<td>{escape(c)}</td>" for c in cells)
            + "</tr>"
            for source, count, cells in rows
        )
        return (
            '<table class="titles"><caption>Terms and titles</caption><thead><tr>'
            f"<th>{escape(self.release.source.lang)}</th><th>places</th>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>"
        )

    def render(self) -> str:
        head = "".join(
            f'<th data-col="{escape(lang)}">{_file_label(lang, self.targets[lang].path)}</th>'
            for lang in self.langs
        )
        src = self.release.source
        out = [
            f'<section class="release" id="release-{self.index}">',
            f"<h2>{escape(self.release.name)}</h2>",
            f'<div class="overviews">{"".join(self._overview(lang) for lang in self.langs)}</div>',
            self._titles(),
        ]
        if self.loose:
            out.append(
                '<ul class="findings release-findings">'
                + "".join(self._finding(fid, f) for fid, f in self.loose)
                + "</ul>"
            )
        out += [
            f'<table class="aligned"><thead><tr><th class="idx">¶</th><th class="src">'
            f"{_file_label(src.lang, src.path)}</th>{head}</tr></thead>",
            *(self._row(row) for row in self.rows),
            "</table></section>",
        ]
        return "\n".join(out)


def _rule_link(code: str, rules: dict[str, type[Rule]]) -> str:
    if code not in rules:
        return f"<code>{escape(code)}</code>"
    return (
        f'<a class="rule" href="#rule-{escape(code)}" title="{escape(rule_doc(rules[code])[0])}">'
        f"<code>{escape(code)}</code></a>"
    )


def _doc_html(markdown: str) -> str:
    """The few Markdown forms of a rule docstring: paragraphs, **headings** and ``` blocks."""
    out, para, fence = [], [], None
    for line in [*markdown.splitlines(), ""]:
        if fence is not None:
            if line.startswith("```"):
                out.append(f"<pre>{escape(chr(10).join(fence))}</pre>")
                fence = None
            else:
                fence.append(line)
            continue
        if line.startswith("```") or not line.strip() or re.fullmatch(r"\*\*.+\*\*", line.strip()):
            if para:
                out.append(f"<p>{escape(' '.join(para))}</p>")
                para = []
            if line.startswith("```"):
                fence = []
            elif line.strip():
                out.append(f"<h4>{escape(line.strip().strip('*'))}</h4>")
        else:
            para.append(line.strip())
    return "".join(out)


def _rules_section(result: RunResult, rules: dict[str, type[Rule]]) -> str:
    used = sorted({f.rule for f in result.findings()} & set(rules))
    if not used:
        return ""
    items = []
    for code in used:
        summary, markdown = rule_doc(rules[code])
        body = _doc_html(markdown.split("\n", 1)[1] if "\n" in markdown else "")
        items.append(
            f'<details class="rule-doc" id="rule-{escape(code)}">'
            f"<summary><code>{escape(code)}</code> "
            f"{escape(rules[code].name)}: {escape(summary)}</summary>{body}</details>"
        )
    return '<section id="rules"><h2>Rules in this report</h2>' + "".join(items) + "</section>"


def _basename(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _file_label(lang: str, path: str) -> str:
    return (
        f'{escape(lang)} <span class="meta" title="{escape(path)}">{escape(_basename(path))}</span>'
    )


def _checkboxes(kind: str, counts: dict[str, int]) -> str:
    return "".join(
        f'<label><input type="checkbox" data-filter="{kind}" value="{escape(v)}" checked> '
        f'{escape(v)} <span class="meta">{n}</span></label>'
        for v, n in counts.items()
    )


def _header(result: RunResult, rules: dict[str, type[Rule]]) -> str:
    findings = result.findings()
    summary = result.summary()
    chips = "".join(f'<span class="chip sev-{s}">{n} {s}</span>' for s, n in summary.items())
    langs = sorted(
        {t.target.lang for r in result.releases for t in r.targets} | {f.lang for f in findings}
    )
    cats = sorted({f.category for f in findings}, key=lambda c: (c not in CATEGORIES, c))
    count = lambda attr, values: {v: sum(getattr(f, attr) == v for f in findings) for v in values}  # noqa: E731
    totals = "".join(
        f"<tr><td>{escape(r.name)}</td><td>{escape(r.source.lang)} → {escape(t.target.lang)}</td>"
        f"<td>{len(t.links)}</td>"
        + "".join(
            f"<td>{sum(f.severity is s and f.lang == t.target.lang for f in r.findings)}</td>"
            for s in Severity
        )
        + "</tr>"
        for r in result.releases
        for t in r.targets
    )
    warnings = "".join(f'<div class="warnings">⚠ {escape(w)}</div>' for w in result.warnings)
    version = f" · aligncheck {escape(result.tool_version)}" if result.tool_version else ""
    legend = " ".join(_rule_link(c, rules) for c in sorted({f.rule for f in findings}))
    return (
        f'<header><h1>aligncheck report</h1><div class="meta">model {escape(result.model)} · unit '
        f'{escape(result.unit)}{version}</div><div class="chips" id="summary">{chips}</div>'
        f'<table class="totals"><tr><th>release</th><th>versions</th><th>links</th><th>errors</th>'
        f"<th>warnings</th><th>info</th></tr>{totals}</table>{warnings}"
        f'<div class="meta">rules: {legend}</div>'
        f'<form id="filters"><fieldset><legend>Severity</legend>'
        f"{_checkboxes('severity', {s.value: summary[s.value] for s in Severity})}</fieldset>"
        f"<fieldset><legend>Language</legend>{_checkboxes('lang', count('lang', langs))}</fieldset>"
        f"<fieldset><legend>Category</legend>"
        f"{_checkboxes('category', count('category', cats))}</fieldset>"
        f'<fieldset><legend>Rows</legend><label><input type="checkbox" id="only-findings"> '
        f'only rows with findings</label> <span class="meta">showing '
        f'<output id="shown">{len(findings)}</output> of {len(findings)} findings</span>'
        f"</fieldset></form></header>"
    )


def render(result: RunResult, rules: Sequence[type[Rule]] = (), **_) -> str:
    by_code = {r.code: r for r in rules}
    sections = [_Release(i, r, by_code).render() for i, r in enumerate(result.releases)]
    sections.append(_rules_section(result, by_code))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>aligncheck report</title><style>{CSS}</style></head><body>\n"
        + _header(result, by_code)
        + "\n<main>\n"
        + "\n".join(sections)
        + f"\n</main><script>{JS}</script></body></html>\n"
    )
