"""Inline `aligncheck: ignore` directives: stripping, covering, silencing, AC100 for unused ones."""

import pytest

import aligncheck.checks
from aligncheck.findings.suppress import (
    Directive,
    apply_suppressions,
    segment_lines_for,
    strip_directives,
)
from aligncheck.model import Document, Finding, Severity
from aligncheck.segment import segment_document


class NU01:
    code, category, groups = "NU01", "number", ("all",)


class DA01:
    code, category, groups = "DA01", "date", ("all",)


@pytest.fixture(autouse=True)
def fake_rules(monkeypatch):
    monkeypatch.setattr(aligncheck.checks, "all_rules", lambda: (DA01, NU01))


def test_strip_blanks_directive_lines_and_keeps_line_numbers():
    text = (
        "Intro line.\n\n<!-- aligncheck: ignore NU01, da -->\nFirst para\ncontinues.\n\n"
        "  # aligncheck: ignore-file\nLast."
    )
    clean, directives = strip_directives(text)
    assert clean.split("\n") == ["Intro line.", "", "", "First para", "continues.", "", "", "Last."]
    assert directives == [
        Directive(3, ("NU01", "da"), "ignore", 4, 5),
        Directive(7, (), "ignore-file", 8, 8),
    ]


def test_hash_form_is_for_plain_text_only_and_line_base_shifts_lines():
    text = "# aligncheck: ignore NU01\nHeading-like text"
    assert strip_directives(text, fmt="md") == (text, [])
    clean, directives = strip_directives(text, fmt="txt", line_base=10)
    assert clean == "\nHeading-like text" and directives == [
        Directive(11, ("NU01",), "ignore", 12, 12)
    ]


def test_docx_directive_covers_one_line_and_trailing_directive_covers_nothing():
    _, directives = strip_directives(
        "<!-- aligncheck: ignore -->\nP1\nP2\n<!-- aligncheck: ignore -->", fmt="docx"
    )
    assert directives == [Directive(1, (), "ignore", 2, 2), Directive(4, (), "ignore", 0, 0)]


def test_inline_text_mentioning_directive_is_not_one():
    text = "See <!-- aligncheck: ignore NU01 --> here."
    assert strip_directives(text) == (text, [])


SOURCE = "Bridge 120 m.\n\nBuilt 1990.\n\nOpened 1991."
TARGET = (
    "<!-- aligncheck: ignore NU01 -->\nМост 12 м.\n\nПостроен 1999.\n\n"
    "<!-- aligncheck: ignore DA01 -->\nОткрыт 1991."
)


def release():
    clean, directives = strip_directives(TARGET, fmt="md")
    src = segment_document(Document("en.md", "en", SOURCE, "md"))
    tgt = segment_document(Document("ru.md", "ru", clean, "md"))
    return src, tgt, {"ru.md": directives}


def finding(rule, category, index):
    return Finding(
        rule, category, Severity.ERROR, "ru", (index,), (index,), None, None, "m", None, None
    )


def test_findings_in_covered_paragraph_are_silenced_and_unused_reported():
    src, tgt, directives = release()
    assert [s.text for s in tgt.segments] == ["Мост 12 м.", "Построен 1999.", "Открыт 1991."]
    findings = [
        finding("NU01", "number", 0),
        finding("DA01", "date", 0),
        finding("NU01", "number", 1),
    ]
    kept, unused = apply_suppressions(
        findings, directives, segment_lines_for(src, [tgt]), langs={"ru.md": "ru"}
    )
    assert [(f.rule, f.target_segments) for f in kept] == [("DA01", (0,)), ("NU01", (1,))]
    assert len(unused) == 1
    ac = unused[0]
    assert (ac.rule, ac.category, ac.severity, ac.lang) == (
        "AC100",
        "markup",
        Severity.WARNING,
        "ru",
    )
    assert (ac.target_location.path, ac.target_location.line) == ("ru.md", 6)
    assert ac.message == "unused suppression of DA01: no finding in the next paragraph to silence"


def test_directive_in_source_file_covers_findings_via_source_segment():
    src_text, src_directives = strip_directives("<!-- aligncheck: ignore number -->\nBridge 120 m.")
    src = segment_document(Document("en.md", "en", src_text, "md"))
    tgt = segment_document(Document("ru.md", "ru", "Мост 12 м.", "md"))
    kept, unused = apply_suppressions(
        [finding("NU01", "number", 0)], {"en.md": src_directives}, segment_lines_for(src, [tgt])
    )
    assert kept == [] and unused == []


def test_ignore_file_bare_ignore_and_bad_directives():
    directives = {
        "ru.md": [
            Directive(1, ("DA",), "ignore-file"),
            Directive(2, (), "ignore", 9, 9),
            Directive(3, ("NU1X",), "ignore", 9, 9),
            Directive(4, ("NU01", "DA01"), "ignroe"),
        ]
    }
    lines = lambda f: [("ru.md", 5, 5)] if f.target_segments == (0,) else [("ru.md", 9, 9)]  # noqa: E731
    findings = [
        finding("DA01", "date", 0),
        finding("NU01", "number", 0),
        finding("NU01", "number", 1),
    ]
    kept, unused = apply_suppressions(findings, directives, lines)
    assert [(f.rule, f.target_segments) for f in kept] == [("NU01", (0,))]
    assert [(u.target_location.line, u.message) for u in unused] == [
        (3, "unknown rule code, prefix or category 'NU1X' in suppression"),
        (4, "unknown aligncheck directive 'ignroe' (expected ignore or ignore-file)"),
    ]


def test_directive_in_other_file_does_not_silence():
    kept, unused = apply_suppressions(
        [finding("NU01", "number", 0)],
        {"kk.md": [Directive(1, (), "ignore", 2, 2)]},
        lambda f: [("ru.md", 2, 2)],
    )
    assert len(kept) == 1
    assert (
        unused[0].message
        == "unused suppression of all rules: no finding in the next paragraph to silence"
    )
