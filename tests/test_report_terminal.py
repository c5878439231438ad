"""The rich terminal report and the plain text report, on a synthetic result."""

import re

from fixtures_report import RULES, build_result

from aligncheck.report import render

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_rich_report_colours_and_highlights_when_colour_is_on():
    out = render("rich", build_result(), RULES, color=True)
    assert ANSI.search(out)
    assert "31m" in out  # errors in red


def test_rich_report_is_plain_without_colour(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    out = render("rich", build_result(), RULES)
    assert not ANSI.search(out)


def test_rich_report_shows_both_locations_and_a_summary_per_language():
    result = build_result()
    out = render("rich", result, RULES, color=False, width=160)
    finding = next(f for f in result.findings() if f.source_location and f.target_location)
    assert f"{finding.target_location.path}:{finding.target_location.line}" in out
    assert f"{finding.source_location.path}:{finding.source_location.line}" in out
    assert "Summary" in out
    for release in result.releases:
        for target in release.targets:
            assert f"{release.source.lang}→{target.target.lang}" in out


def test_text_report_marks_spans_and_counts_totals():
    result = build_result()
    out = render("text", result, RULES)
    spanned = [f for f in result.findings() if f.target_span is not None]
    assert spanned
    f = spanned[0]
    seg = next(t.target for r in result.releases for t in r.targets if t.target.lang == f.lang)
    marked = seg.segments[f.target_span.segment].text[f.target_span.start : f.target_span.end]
    assert f"[[{' '.join(marked.split(chr(10)))}]]" in out
    s = result.summary()
    assert out.rstrip().endswith(
        f"summary: {s['error']} error(s), {s['warning']} warning(s), {s['info']} info"
    )


def test_text_report_is_deterministic():
    assert render("text", build_result(), RULES) == render("text", build_result(), RULES)
