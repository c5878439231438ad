"""The HTML review page: structure and escaping (always), behaviour in headless Chromium."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser

import pytest
from fixtures_report import RULES, build_result, empty_result

from aligncheck.model import Severity
from aligncheck.report import html


class Elements(HTMLParser):
    """Start tags with their attributes, and the text inside every <mark>."""

    def __init__(self, page: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.marks: list[str] = []
        self._in_mark = False
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_mark = tag == "mark"
        if self._in_mark:
            self.marks.append("")

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark = False

    def handle_data(self, data):
        if self._in_mark:
            self.marks[-1] += data

    def having(self, tag: str, cls: str | None = None) -> list[dict]:
        return [
            a
            for t, a in self.tags
            if t == tag and (cls is None or cls in (a.get("class") or "").split())
        ]


@pytest.fixture(scope="module")
def result():
    return build_result()


@pytest.fixture(scope="module")
def page(result) -> str:
    return html.render(result, RULES)


def test_page_is_self_contained(page):
    assert not re.search(r"<(link|img|iframe)\b|<script\s+src|@import|url\(", page)
    assert not re.search(r'(src|href)="(?!#)', page)


def test_every_finding_is_listed_once_and_every_span_is_marked(page, result):
    parsed = Elements(page)
    listed = parsed.having("li", "finding")
    assert len(listed) == len({a["id"] for a in listed}) == len(result.findings())
    marked_ids = {fid for m in parsed.having("mark") for fid in m["data-f"].split()}
    with_spans = sum(1 for f in result.findings() if f.source_span or f.target_span)
    assert len(marked_ids) == with_spans
    assert "22" in parsed.marks and "пеpелётных" in parsed.marks


def test_text_is_escaped(page):
    assert "<approx>" not in page and "<прибл.>" not in page
    assert "&lt;approx&gt;</mark>" in page
    assert "separated by | and" in page


def test_rows_follow_the_source_with_additions_gaps_and_merges(page, result):
    parsed = Elements(page)
    rows = [a["id"] for a in parsed.having("tbody", "row")]
    wetlands = [r for r in rows if r.startswith("r0-")]
    assert len(wetlands) == 31 and len(rows) == 34
    assert wetlands.index("r0-az-25") == wetlands.index("r0-25") + 1
    row_15 = page[page.index('id="r0-15"') : page.index('id="r0-16"')]
    assert '<td data-col="ru"><span class="gap">— no translation —</span></td>' in row_15
    row_12 = page[page.index('id="r0-12"') : page.index('id="r0-13"')]
    assert '<td data-col="az"><span class="cont">↑ joined with ¶11</span></td>' in row_12
    row_28 = page[page.index('id="r0-28"') : page.index('id="r0-29"')]
    assert row_28.count("tk.md:") == 2


def test_overview_has_one_link_shape_per_alignment_link(page, result):
    figures = page.split('<figure class="overview"')[1:]
    for figure, target in zip(
        figures, [t for r in result.releases for t in r.targets], strict=True
    ):
        assert figure.count("<title>") == len(target.links)
    captions = re.findall(r"<figcaption>(.*?)</figcaption>", page)
    assert [re.sub(r"0\.\d\d", "M", c) for c in captions[:4]] == [
        "en → ru: 30 links, median similarity M, 0 weak, 1 unpaired",
        "en → kk: 30 links, median similarity M, 1 weak, 0 unpaired",
        "en → az: 30 links, median similarity M, 0 weak, 1 unpaired",
        "en → tk: 30 links, median similarity M, 0 weak, 0 unpaired",
    ]


def test_overlapping_spans_split_into_marks():
    spans = [(0, 5, "a", Severity.INFO, "A"), (3, 8, "b", Severity.ERROR, "B<")]
    assert html.marked("abc<efgh", spans) == (
        '<mark class="sev-info" data-f="a" title="A">abc</mark>'
        '<mark class="sev-error" data-f="a b" title="A\nB&lt;">&lt;e</mark>'
        '<mark class="sev-error" data-f="b" title="B&lt;">fgh</mark>'
    )


def test_clean_run_renders_without_findings():
    page = html.render(empty_result(), RULES)
    assert "<mark" not in page and 'class="finding"' not in page
    assert '<span class="chip sev-error">0 error</span>' in page


def test_hostile_names_and_paths_are_escaped_and_ids_stay_unique(result):
    release = result.releases[1]
    evil_target = dataclasses.replace(
        release.targets[0],
        target=dataclasses.replace(
            release.targets[0].target,
            document=dataclasses.replace(
                release.targets[0].target.document, path='x/"><img src=x onerror=alert(1)>.md'
            ),
        ),
    )
    evil = dataclasses.replace(
        release, name="<script>alert(2)</script>", targets=(evil_target, *release.targets[1:])
    )
    page = html.render(dataclasses.replace(result, releases=(result.releases[0], evil)), RULES)
    assert "<script>alert" not in page and "<img" not in page
    ids = [a["id"] for _, a in Elements(page).tags if "id" in a]
    assert len(ids) == len(set(ids))


def test_rules_in_the_report_are_explained_with_their_examples(page, result):
    docs = re.findall(r'<details class="rule-doc" id="rule-(\w+)">', page)
    assert docs == sorted({f.rule for f in result.findings()})
    nu = page[page.index('id="rule-NU01"') :]
    nu = nu[: nu.index("</details>")]
    assert "<h4>Anti-pattern</h4><pre>source: 48 stations | 5%\ntarget: 84 станции | 5%</pre>" in nu
    assert (
        '<a class="rule" href="#rule-NU01" title="Numbers must survive translation.">'
        "<code>NU01</code></a>" in page
    )
