"""Properties of every report writer over RunResults built from generated texts and findings:
no writer raises, rendering is byte-for-byte deterministic, JSON round-trips the texts, SARIF
validates, JUnit parses as XML and HTML holds no markup but its own."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fixtures_report import RULES, segmentation
from hypothesis import example, given, settings
from hypothesis import strategies as st

from aligncheck.model import (
    Finding,
    Link,
    Location,
    ReleaseResult,
    RunResult,
    Severity,
    Span,
    TargetResult,
)
from aligncheck.report import FORMATS, render
from aligncheck.report.json_report import alignment_dict, dumps
from aligncheck.report.text_alignment import render_alignment

_SPECIAL = "<>&\"'|%:,\n\r\t`*_[]()#\\\u00a0\u200f\u0301\u2028\U0001f600::warning"
_NOT_XML = "\x00\x01\x08\x0b\x1b\x7f\ufffe"
_xml_chars = st.characters(exclude_categories=["Cs"], exclude_characters=_NOT_XML)
xml_texts = st.one_of(
    st.text(_xml_chars, max_size=25), st.text(st.sampled_from(_SPECIAL), max_size=20)
)
any_texts = st.one_of(xml_texts, st.text(max_size=30))
_paragraph = lambda texts: texts.map(str.strip).filter(bool)  # noqa: E731 - segments are stripped


@st.composite
def _finding(draw, texts, source, target, links):
    rule = draw(st.sampled_from(RULES))
    link = draw(st.sampled_from(links)) if links and draw(st.booleans()) else Link((), (), 0.0)

    def side(seg, indices):
        if not indices or not draw(st.booleans()):
            return draw(st.none() | texts), None, None
        segment = seg.segments[indices[0]]
        start = draw(st.integers(0, len(segment.text)))
        end = draw(st.integers(start, len(segment.text)))
        location = Location(seg.path, *segment.locate(start))
        return segment.text[start:end], Span(segment.index, start, end), location

    src_text, src_span, src_loc = side(source, link.source)
    tgt_text, tgt_span, tgt_loc = side(target, link.target)
    return Finding(
        rule.code,
        rule.category,
        draw(st.sampled_from(list(Severity))),
        target.lang,
        link.source,
        link.target,
        src_text,
        tgt_text,
        draw(texts),
        src_loc,
        tgt_loc,
        draw(st.text("0123456789abcdef", min_size=16, max_size=16)),
        src_span,
        tgt_span,
    )


def _links(draw, n_source: int, n_target: int) -> list[Link]:
    links, i, j = [], 0, 0
    while i < n_source or j < n_target:
        take_s = (
            draw(st.integers(0 if j < n_target else 1, min(2, n_source - i))) if i < n_source else 0
        )
        take_t = draw(st.integers(0 if take_s else 1, min(2, n_target - j))) if j < n_target else 0
        links.append(
            Link(
                tuple(range(i, i + take_s)),
                tuple(range(j, j + take_t)),
                draw(st.floats(0, 1, allow_nan=False)),
            )
        )
        i, j = i + take_s, j + take_t
    return links


@st.composite
def run_results(draw, texts=xml_texts):
    paths = st.builds(
        lambda name, ext: f"rel/{name}.{ext}",
        texts.filter(lambda t: "\n" not in t and "\r" not in t),
        st.sampled_from(["txt", "md", "docx"]),
    )
    releases = []
    for _ in range(draw(st.integers(1, 2))):
        source = segmentation(draw(paths), "en", draw(st.lists(_paragraph(texts), max_size=3)))
        targets, findings = [], []
        for lang in draw(
            st.lists(
                st.sampled_from(["ru", "kk", "az", "tk", "tr"]), min_size=1, max_size=2, unique=True
            )
        ):
            target = segmentation(draw(paths), lang, draw(st.lists(_paragraph(texts), max_size=3)))
            links = _links(draw, len(source.segments), len(target.segments))
            targets.append(TargetResult(target, tuple(links)))
            findings += draw(st.lists(_finding(texts, source, target, links), max_size=3))
        releases.append(
            ReleaseResult(
                draw(texts), source, tuple(targets), tuple(sorted(findings, key=Finding.sort_key))
            )
        )
    return RunResult(
        draw(texts),
        draw(st.sampled_from(["paragraph", "line", "sentence"])),
        tuple(releases),
        draw(texts),
        tuple(draw(st.lists(texts, max_size=2))),
    )


def _render(fmt: str, result: RunResult) -> str:
    return render(fmt, result, RULES, width=100, color=False)


@settings(max_examples=250)
@given(run_results(), st.sampled_from(FORMATS))
def test_every_writer_renders_deterministically(result, fmt):
    assert _render(fmt, result) == _render(fmt, result)


@settings(max_examples=250)
@given(run_results(any_texts), st.sampled_from(FORMATS))
def test_every_writer_takes_any_text(result, fmt):
    assert isinstance(_render(fmt, result), str)


@settings(max_examples=300)
@given(run_results(any_texts))
def test_json_round_trips_every_text(result):
    data = json.loads(_render("json", result))
    assert data["model"] == result.model and data["tool"]["version"] == result.tool_version
    for document, release in zip(data["documents"], result.releases, strict=True):
        assert document["source"]["path"] == release.source.path
        assert [t["path"] for t in document["targets"]] == [t.target.path for t in release.targets]
        assert [
            (f["message"], f["source_text"], f["target_text"]) for f in document["findings"]
        ] == [(f.message, f.source_text, f.target_text) for f in release.findings]
    assert data["summary"] == result.summary()


def _schema() -> Path | None:
    here = Path(__file__).resolve()
    candidates = [
        here.parents[i] / "shared" / "schemas" / "sarif-schema-2.1.0.json" for i in (2, 3)
    ]
    return next((c for c in candidates if c.exists()), None)


@settings(max_examples=40)
@given(run_results(any_texts))
def test_sarif_validates_against_the_schema(result):
    jsonschema = pytest.importorskip("jsonschema")
    schema = _schema()
    if schema is None:
        pytest.skip("shared SARIF schema not available")
    log = json.loads(_render("sarif", result))
    jsonschema.Draft4Validator(json.loads(schema.read_text(encoding="utf-8"))).validate(log)
    assert len(log["runs"][0]["results"]) == len(result.findings())


@settings(max_examples=300)
@given(run_results(any_texts), st.sampled_from(["error", "warning", "info", "never"]))
def test_junit_parses_as_xml_with_a_case_per_target(result, fail_on):
    root = ET.fromstring(render("junit", result, RULES, fail_on=fail_on))
    cases = root.findall(".//testcase")
    assert len(cases) >= sum(len(r.targets) for r in result.releases)
    if fail_on == "never":
        assert not root.findall(".//failure")


class _Tags(HTMLParser):
    VOID = {"meta", "br", "input", "img", "hr", "link", "col", "wbr"}

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.seen: set[str] = set()
        self.attributes: set[str] = set()
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.seen.add(tag)
        self.attributes.update(name for name, _ in attrs)
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, (tag, self.open[-5:])
        self.open.pop()


_INJECTED = "<b data-x='1'>injected</b><script>alert(1)</script>"


@settings(max_examples=300)
@example(RunResult("m", "paragraph", (), "0", (_INJECTED,)))
@given(run_results(st.one_of(any_texts, st.just(_INJECTED))))
def test_html_tags_balance_and_texts_stay_text(result):
    page = _render("html", result)
    parsed = _Tags(page)
    assert not parsed.open
    assert "data-x" not in parsed.attributes and "<script>alert(1)" not in page


@settings(max_examples=250)
@example(
    RunResult(
        "m",
        "paragraph",
        (
            ReleaseResult(
                "r",
                segmentation("a.txt", "en", []),
                (),
                (
                    Finding(
                        "AL01",
                        "alignment",
                        Severity.ERROR,
                        "ru",
                        (),
                        (),
                        None,
                        "\u2028::x\r::y",
                        "m",
                        None,
                        None,
                    ),
                ),
            ),
        ),
    )
)
@given(run_results(any_texts))
def test_github_writes_one_annotation_line_per_finding(result):
    output = _render("github", result)
    assert "\r" not in output
    lines = output.split("\n")  # the runner splits on \n and \r, not on U+2028
    annotations = [line for line in lines if line.startswith("::")]
    assert len(annotations) == len(result.findings())


@settings(max_examples=200)
@given(
    run_results(any_texts),
    st.integers(1, 200),
    st.booleans(),
    st.integers(0, 5),
    st.integers(0, 300),
)
def test_writer_options_never_break_rendering(result, width, color, first, max_chars):
    assert isinstance(render("rich", result, RULES, width=width, color=color), str)
    markdown = render("markdown", result, RULES, first=first, max_chars=max_chars)
    assert markdown == render("markdown", result, RULES, first=first, max_chars=max_chars)


@settings(max_examples=200)
@given(run_results(any_texts))
def test_alignment_listings_hold_every_link(result):
    for release in result.releases:
        for target in release.targets:
            listing = render_alignment(release.source, target.target, target.links)
            assert len(listing.splitlines()) >= 1 + len(target.links)
            data = json.loads(dumps(alignment_dict(release.source, target.target, target.links)))
            assert [(tuple(k["source"]), tuple(k["target"])) for k in data["links"]] == [
                (k.source, k.target) for k in target.links
            ]
