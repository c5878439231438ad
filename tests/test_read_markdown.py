"""Markdown read as a document: blocks from markdown-it's line maps, exact slices of the file,
with what is not prose (code, HTML, link targets) marked verbatim or kept out of prose."""

import pytest

from aligncheck.errors import InputError
from aligncheck.read import read_document
from aligncheck.read.markdown import github_slug, markdown_blocks
from aligncheck.segment import segment_document

TEXT = """---
title: "Installing the tool"
layout: guide
description: How to install it
---

# Install `tool` {#setup}

Run `pip install tool` and see [the guide](https://example.org/guide "Guide").
It also reads [notes][ref] and <https://example.org/raw> with <b>tags</b>.

> A quote on one line
> and on a second line.

- First item with ![a logo](logo.png)
- Second item
  continued here

| Key | Value |
|-----|-------|
| `a` | one   |

```sh
tool --check
```

<div class="note"><input type="checkbox"> Done</div>

[ref]: https://example.org/notes

Şirketimin Hukuk Süreçleri!
---------------------------
"""


def segments(tmp_path, text=TEXT, unit="paragraph"):
    path = tmp_path / "en.md"
    path.write_text(text, encoding="utf-8")
    return segment_document(read_document(path, "en"), unit).segments


def test_blocks_are_exact_slices_with_kinds_and_file_positions(tmp_path):
    segs = segments(tmp_path)
    assert [(s.kind, s.text.split("\n")[0][:20]) for s in segs] == [
        ("front_matter", "---"),
        ("prose", "Installing the tool"),
        ("front_matter", "layout: guide"),
        ("prose", "How to install it"),
        ("front_matter", "---"),
        ("prose", "Install `tool` {#set"),
        ("prose", "Run `pip install too"),
        ("prose", "A quote on one line"),
        ("prose", "First item with ![a "),
        ("prose", "Second item"),
        ("prose", "Key | Value"),
        ("prose", "`a` | one"),
        ("code", "```sh"),
        ("html", '<div class="note"><i'),
        ("prose", "Şirketimin Hukuk Sür"),
    ]
    lines = TEXT.split("\n")
    for s in segs:
        assert TEXT[s.offset : s.offset + len(s.text)] == s.text
        assert lines[s.line - 1][s.column - 1 :].startswith(s.text.split("\n")[0])
    starts = ("Install `", "Second", "`a`", "and on")
    assert [(s.line, s.column) for s in segs if s.text.startswith(starts)] == [
        (7, 3),
        (16, 3),
        (21, 3),
    ]
    quote = next(s for s in segs if s.text.startswith("A quote"))
    assert quote.locate(quote.text.index("and on")) == (13, 3)


def test_inline_constructs_are_verbatim_and_link_text_stays_prose(tmp_path):
    prose = {s.text.split()[0]: s.prose for s in segments(tmp_path)}
    assert " ".join(prose["Run"].split()) == (
        "Run and see [the guide]( ). "
        "It also reads [notes][ ] and https://example.org/raw with tags ."
    )
    assert "pip" not in prose["Run"] and "Guide" not in prose["Run"]
    assert prose["A"] == "A quote on one line\n  and on a second line."
    assert prose["First"] == "First item with ![a logo](        )"
    assert prose["Install"].split() == ["Install"]  # `tool` is code, {#setup} its anchor
    assert prose["Key"].split() == ["Key", "Value"] and "|" not in prose["`a`"]


def test_non_prose_blocks_have_blank_prose(tmp_path):
    for s in segments(tmp_path):
        if s.kind != "prose":
            assert not s.prose.strip() and len(s.prose) == len(s.text)


def test_heading_anchors_are_github_slugs_or_explicit_ids(tmp_path):
    anchors = [s.anchor for s in segments(tmp_path) if s.anchor]
    assert anchors == ["setup", "şirketimin-hukuk-süreçleri"]
    assert github_slug("Şirketimin Hukuk: Süreçleri!") == "şirketimin-hukuk-süreçleri"
    assert github_slug("Установка и `запуск`") == "установка-и-запуск"
    twice = markdown_blocks("# Notes\n\ntext\n\n# Notes\n")
    assert [b.anchor for b in twice if b.anchor] == ["notes", "notes-1"]


def test_configured_front_matter_keys_are_the_prose_ones(tmp_path):
    path = tmp_path / "en.md"
    path.write_text("---\ntitle: A\nsummary: >\n  Folded text\n  of two lines\n---\n\nBody.\n")
    from aligncheck.read.document import load_document
    from aligncheck.read.policy import read_policy

    doc, _ = load_document(path, "en", read_policy(front_matter_keys=("summary",)))
    prose = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "prose"]
    assert prose == ["Folded text\n  of two lines", "Body."]


def test_sentences_split_on_prose_and_keep_their_verbatim(tmp_path):
    segs = segments(tmp_path, "Use `a.b` first. Then [go](x.md).\n", "sentence")
    assert [s.text for s in segs] == ["Use `a.b` first.", "Then [go](x.md)."]
    assert segs[1].prose == "Then [go](    )." and segs[1].column == 18


def test_only_front_matter_is_a_clear_input_error(tmp_path):
    path = tmp_path / "ru.md"
    path.write_text("---\ntitle: Только заголовок\n---\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"ru\.md: holds only front matter"):
        read_document(path, "ru")


def test_a_megabyte_reads_in_linear_time(tmp_path):
    """Not a timing test: a paragraph of 200,000 backticks and brackets still parses."""
    blocks = markdown_blocks("x " + "`a` [b](c) " * 20_000 + "\n")
    assert len(blocks) == 1 and len(blocks[0].verbatim) == 40_000


def test_tabs_and_no_break_spaces_do_not_shift_the_offsets():
    tab = "- a `c` here\n\t   - b <br> end\n"
    nbsp = "Intro.\n\n\xa0 \xa0\nText `x` after.\n"
    for text in (tab, nbsp):
        for block in markdown_blocks(text):
            assert 0 <= block.start < block.end <= len(text)
            assert all(0 <= a < b <= block.end - block.start for a, b in block.verbatim)
    (item,) = markdown_blocks(tab)
    assert tab[item.start : item.end].endswith("<br> end")
    assert [tab[item.start + a : item.start + b] for a, b in item.verbatim] == ["`c`", "<br>"]
    assert [nbsp[b.start : b.end] for b in markdown_blocks(nbsp)] == ["Intro.", "Text `x` after."]
