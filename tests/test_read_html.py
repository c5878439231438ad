"""HTML pages read with lxml: text elements become prose blocks at their exact place in the
file, tags inside them verbatim, code and scripts kept out of prose; broken markup still reads."""

import pytest

from aligncheck.errors import InputError
from aligncheck.read import discover_releases, read_document
from aligncheck.read.html import html_blocks
from aligncheck.segment import segment_document

PAGE = """<!DOCTYPE html>
<html lang="en">
<head><title>Guide &amp; notes</title>
<style>p::before { content: "<p>not text</p>"; }</style>
</head>
<body>
  <h2 id="install">Install <em>it</em></h2>
  <p>Run <code>pip install tool</code> and read
     <a href="https://example.org/guide">the guide</a>.</p>
  <ul><li>First<li>Second <ul><li>Nested</li></ul></ul>
  <table><tr><th>Key</th><td><kbd>Ctrl</kbd> + C <img src="c.png"></td></tr></table>
  <pre><code>tool --check
</code></pre>
  <script>document.write("<p>no</p>")</script>
  <blockquote><p>Quoted.</p></blockquote>
</body>
</html>
"""


def segments(tmp_path, text=PAGE, name="en.html"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return segment_document(read_document(path, "en")).segments


def test_text_elements_are_exact_slices_at_their_lines(tmp_path):
    segs = segments(tmp_path)
    assert [(s.kind, s.text.split("\n")[0]) for s in segs] == [
        ("prose", "Guide &amp; notes"),
        ("prose", "Install <em>it</em>"),
        ("prose", "Run <code>pip install tool</code> and read"),
        ("prose", "First"),
        ("prose", "Second"),
        ("prose", "Nested"),
        ("prose", "Key"),
        ("prose", "<kbd>Ctrl</kbd> + C"),
        ("code", "<pre><code>tool --check"),
        ("prose", "Quoted."),
    ]
    lines = PAGE.split("\n")
    for s in segs:
        assert PAGE[s.offset : s.offset + len(s.text)] == s.text
        assert lines[s.line - 1][s.column - 1 :].startswith(s.text.split("\n")[0])
    assert [(s.line, s.column) for s in segs[1:3]] == [(7, 20), (8, 6)]


def test_tags_and_inline_code_are_verbatim(tmp_path):
    prose = [" ".join(s.prose.split()) for s in segments(tmp_path)]
    assert prose[1] == "Install it"
    assert prose[2] == "Run and read the guide ."
    assert prose[7] == "+ C"


def test_ids_are_anchors(tmp_path):
    assert [s.anchor for s in segments(tmp_path) if s.anchor] == ["install"]


def test_malformed_html_still_reads(tmp_path):
    broken = "<p>Open <b>bold <i>never closed\n<p>Next one</div></span>\n<td>cell<p>last"
    segs = segments(tmp_path, broken)
    assert [" ".join(s.prose.split()) for s in segs] == [
        "Open bold never closed",
        "Next one",
        "cell",
        "last",
    ]
    assert all(broken[s.offset : s.offset + len(s.text)] == s.text for s in segs)


def test_a_page_without_text_is_a_clear_input_error(tmp_path):
    with pytest.raises(InputError, match=r"en\.html: holds no text blocks"):
        segments(tmp_path, "<html><body><img src=a.png><script>x()</script></body></html>")


def test_html_files_are_discovered_by_language(tmp_path):
    (tmp_path / "en.html").write_text("<p>Hello.</p>", encoding="utf-8")
    (tmp_path / "ru.htm").write_text("<p>Привет.</p>", encoding="utf-8")
    (release,) = discover_releases([tmp_path])
    assert (release.source.format, release.targets[0].format) == ("html", "htm")
    assert release.targets[0].blocks[0].start == 3


def test_many_elements_read_in_linear_time():
    """Not a timing test: 20,000 paragraphs with inline tags are paired in one pass."""
    blocks = html_blocks("<p>a <b>b</b> c</p>\n" * 20_000)
    assert len(blocks) == 20_000 and blocks[-1].verbatim == ((2, 5), (6, 10))


def test_text_a_container_holds_itself_is_read():
    from aligncheck.read.html import html_blocks

    page = "<html><body><div class=c>Intro text<br>more<p>Para one.</p></div></body></html>"
    texts = [page[b.start : b.end] for b in html_blocks(page)]
    assert texts == ["Intro text<br>more", "Para one."]
    blank = "<div>  </div><p>Only.</p>"
    assert [blank[b.start : b.end] for b in html_blocks(blank)] == ["Only."]
