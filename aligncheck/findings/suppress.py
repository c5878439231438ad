"""Inline suppression: directives in a document silence rules for the paragraph after them.

    <!-- aligncheck: ignore NU01, DA -->      (.md, .txt, .docx) the next paragraph
    <!-- aligncheck: ignore -->               every rule, next paragraph
    <!-- aligncheck: ignore-file UR01 -->     the whole file, wherever the line stands
    # aligncheck: ignore NU01                 (.txt only) same as the comment form

A directive stands alone on its line and names rules by code, prefix or category,
separated by commas or spaces. The paragraph it covers runs from the next non-blank
line to the next blank line (in .docx: that one line). A finding is silenced when a
segment it involves, on either side, overlaps a covering directive in the same file.
Directives that silence nothing, name no known rule or are misspelt become AC100 findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import regex

from aligncheck.checks.meta.AC100 import UnusedSuppression
from aligncheck.findings.selection import is_known_selector, selector_rank
from aligncheck.model import Finding, Location, Segmentation

KINDS = ("ignore", "ignore-file")
_COMMENT = regex.compile(r"[^\S\n]*<!--[^\S\n]*aligncheck:[^\S\n]*(\S*)(.*?)-->[^\S\n]*")
_HASH = regex.compile(r"[^\S\n]*#[^\S\n]*aligncheck:[^\S\n]*(\S*)(.*)")

SegmentLines = Callable[[Finding], Iterable[tuple[str, int, int]]]


@dataclass(frozen=True)
class Directive:
    line: int  # file line of the directive itself
    rules: tuple[str, ...]  # empty: every rule
    kind: str  # "ignore", "ignore-file", or a misspelling reported as AC100
    first_line: int = 0  # lines of the paragraph an "ignore" covers (0, 0: none)
    last_line: int = 0

    @property
    def selectors(self) -> tuple[str, ...]:
        """The rules named, "" standing for all; a misspelt directive counts once."""
        return self.rules if self.rules and self.kind in KINDS else ("",)

    def covers(self, first: int, last: int) -> bool:
        return self.kind == "ignore-file" or (
            self.kind == "ignore" and first <= self.last_line and last >= self.first_line
        )


def strip_directives(
    text: str, *, fmt: str = "txt", line_base: int = 0, keep_offsets: bool = False
) -> tuple[str, list[Directive]]:
    """The text with directive lines blanked (line numbers kept; with `keep_offsets`, each
    character a space, so a reader's blocks still point right) and the directives found."""
    lines = text.split("\n")
    found: list[tuple[int, str, tuple[str, ...]]] = []
    for i, line in enumerate(lines):
        match = _COMMENT.fullmatch(line) or (fmt == "txt" and _HASH.fullmatch(line))
        if match:
            rules = tuple(r for r in regex.split(r"[\s,]+", match[2]) if r)
            found.append((i, match[1], rules))
            lines[i] = " " * len(line) if keep_offsets else ""
    directives = [
        Directive(i + 1 + line_base, rules, kind, *_covered(lines, i, fmt, line_base))
        for i, kind, rules in found
    ]
    return "\n".join(lines), directives


def _covered(lines: list[str], at: int, fmt: str, line_base: int) -> tuple[int, int]:
    first = next((i for i in range(at + 1, len(lines)) if lines[i].strip()), None)
    if first is None:
        return 0, 0
    last = first
    while fmt != "docx" and last + 1 < len(lines) and lines[last + 1].strip():
        last += 1
    return first + 1 + line_base, last + 1 + line_base


def segment_lines_for(source: Segmentation, targets: Iterable[Segmentation]) -> SegmentLines:
    """For one release: a finding -> (path, first line, last line) of each segment it involves."""
    by_lang = {t.lang: t for t in targets}
    breaks: dict[tuple[int, int], int] = {}  # (id of segmentation, index) -> line breaks in it

    def last_line(seg: Segmentation, i: int) -> int:
        if (id(seg), i) not in breaks:
            breaks[id(seg), i] = seg.segments[i].text.count("\n")
        return seg.segments[i].line + breaks[id(seg), i]

    def lines(f: Finding) -> list[tuple[str, int, int]]:
        sides = [(source, f.source_segments), (by_lang.get(f.lang), f.target_segments)]
        return [
            (seg.path, seg.segments[i].line, last_line(seg, i))
            for seg, indices in sides
            if seg is not None
            for i in indices
        ]

    return lines


def apply_suppressions(
    findings: Sequence[Finding],
    directives_by_path: Mapping[str, Sequence[Directive]],
    segment_lines: SegmentLines,
    *,
    langs: Mapping[str, str] | None = None,
) -> tuple[list[Finding], list[Finding]]:
    """(findings not silenced, AC100 findings for directives that silenced nothing).

    `langs` maps a path to its language, for the AC100 findings' `lang`.
    """
    from aligncheck.checks import all_rules

    groups = {r.code: r.groups for r in all_rules()}
    used: set[tuple[str, int, str]] = set()
    kept = []
    for f in findings:
        hits = [
            (path, d, sel)
            for path, first, last in segment_lines(f)
            for d in directives_by_path.get(path, ())
            if d.covers(first, last)
            for sel in d.selectors
            if not sel or selector_rank(sel, f.rule, f.category, groups.get(f.rule, ("all",)))
        ]
        used.update((path, d.line, sel) for path, d, sel in hits)
        if not hits:
            kept.append(f)
    unused = [
        _unused(path, d, sel, (langs or {}).get(path, ""), all_rules())
        for path in sorted(directives_by_path)
        for d in directives_by_path[path]
        for sel in d.selectors
        if (path, d.line, sel) not in used
    ]
    return kept, unused


def _unused(path: str, d: Directive, selector: str, lang: str, rules) -> Finding:
    if d.kind not in KINDS:
        message = f"unknown aligncheck directive {d.kind!r} (expected {' or '.join(KINDS)})"
    elif selector and not is_known_selector(selector, rules):
        message = f"unknown rule code, prefix or category {selector!r} in suppression"
    else:
        what = f"of {selector}" if selector else "of all rules"
        where = "in this file" if d.kind == "ignore-file" else "in the next paragraph"
        message = f"unused suppression {what}: no finding {where} to silence"
    rule = UnusedSuppression
    return Finding(
        rule.code,
        rule.category,
        rule.severity,
        lang,
        (),
        (),
        None,
        selector or d.kind,
        message,
        None,
        Location(path, d.line, 1),
    )
