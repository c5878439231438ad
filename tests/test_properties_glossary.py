"""Properties of the glossary reader on generated files: any TSV/CSV/TBX content gives a
Glossary or an InputError naming the file, and a well-formed table reads back cell for cell."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from aligncheck.errors import InputError
from aligncheck.glossary import load_glossary

_HEADER_CELLS = [
    "en",
    "ru",
    "kk",
    "tr",
    "EN",
    "ru_RU",
    "en-GB",
    "ru:forbidden",
    "en:note",
    "kk:note",
    "kind",
    "case",
    "note",
    "xx",
    "zz:term",
    "en ru",
    "",
    "#en",
    "日本",
]
_CELLS = [
    "",
    " ",
    "wetland",
    "водно-болотные угодья | болото",
    "|",
    "a | | b",
    "term",
    "acronym",
    "name",
    "bogus",
    "sensitive",
    "insensitive",
    "Sensitive",
    '"quoted"',
    "x,y",
    "#",
    "\u00a0",
    "ü\u0301",
]
cell = st.one_of(st.sampled_from(_CELLS), st.text(max_size=15))
rows = st.lists(st.lists(cell, min_size=1, max_size=6), max_size=8)
table_text = st.one_of(
    st.text(max_size=300),
    st.builds(
        lambda header, body, delimiter, newline: newline.join(
            delimiter.join(r) for r in [header, *body]
        ),
        st.lists(st.sampled_from(_HEADER_CELLS), min_size=1, max_size=6),
        rows,
        st.sampled_from(["\t", ","]),
        st.sampled_from(["\n", "\r\n"]),
    ),
)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("props_glossary")


def _load_or_refuse(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        glossary = load_glossary(path)
    except InputError as error:
        assert str(path) in str(error), error
        return
    assert glossary.langs and (
        glossary.entries or path.suffix != ".tbx"
    )  # a table may be a bare header
    for entry in glossary.entries:
        assert entry.terms or entry.forbidden
        assert {lang for lang in [*entry.terms, *entry.forbidden]} <= set(glossary.langs)


@settings(max_examples=700)
@given(
    st.one_of(
        table_text.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=200)
    ),
    st.sampled_from([".tsv", ".csv", ".txt"]),
)
def test_any_table_is_a_glossary_or_input_error(workdir, data, suffix):
    _load_or_refuse(workdir / f"g{suffix}", data)


_LANGS = ["en", "ru", "kk", "az", "tk", "tr", "de", "en-gb"]
_term = (
    st.text(
        st.characters(exclude_categories=["Cs", "Cc", "Zl", "Zp"], exclude_characters="|#"),
        min_size=1,
        max_size=12,
    )
    .map(str.strip)
    .filter(bool)
)
_cell_terms = st.lists(_term, min_size=1, max_size=3)


@settings(max_examples=400)
@given(
    st.lists(st.sampled_from(_LANGS), min_size=1, max_size=4, unique=True).flatmap(
        lambda langs: st.tuples(
            st.just(langs),
            st.lists(
                st.lists(_cell_terms, min_size=len(langs), max_size=len(langs)),
                min_size=1,
                max_size=6,
            ),
        )
    ),
    st.sampled_from(["\t", ","]),
)
def test_written_table_reads_back_cell_for_cell(workdir, table, delimiter):
    langs, body = table
    buffer = io.StringIO()
    if delimiter == ",":
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerows([langs, *[[" | ".join(c) for c in row] for row in body]])
    else:
        if any("\t" in t or "\n" in t or "\r" in t for row in body for c in row for t in c):
            return  # TSV has no quoting
        buffer.write(
            "\n".join(
                "\t".join(r) for r in [langs, *[[" | ".join(c) for c in row] for row in body]]
            )
        )
    path = workdir / ("w.csv" if delimiter == "," else "w.tsv")
    path.write_text(buffer.getvalue(), encoding="utf-8")
    glossary = load_glossary(path)
    assert list(glossary.langs) == langs
    assert [[e.terms[lang] for lang in langs] for e in glossary.entries] == [
        [tuple(c) for c in row] for row in body
    ]


_TAGS = [
    "martif",
    "tbx",
    "text",
    "body",
    "termEntry",
    "conceptEntry",
    "langSet",
    "langSec",
    "tig",
    "ntig",
    "termSec",
    "term",
    "termNote",
    "descrip",
    "note",
    "admin",
]
_ATTRS = [
    "",
    ' xml:lang="en"',
    ' xml:lang="ru"',
    ' xml:lang="qq"',
    ' lang="kk"',
    ' type="termType"',
    ' type="administrativeStatus"',
    ' type="definition"',
    ' xml:lang=""',
]
_TEXTS = st.one_of(
    st.sampled_from(
        [
            "",
            "wetland",
            "acronym",
            "properName",
            "deprecatedTerm-admn-sts",
            " ",
            "&amp;",
            "&lt;x&gt;",
        ]
    ),
    st.text("abcйү ", max_size=6),
)
elements = st.recursive(
    _TEXTS,
    lambda children: st.builds(
        lambda tag, attrs, inner: f"<{tag}{attrs}>{''.join(inner)}</{tag}>",
        st.sampled_from(_TAGS),
        st.sampled_from(_ATTRS),
        st.lists(children, max_size=4),
    ),
    max_leaves=25,
)
tbx_text = st.one_of(
    st.builds(
        lambda root, inner: f'<?xml version="1.0"?>\n<{root}>{inner}</{root}>',
        st.sampled_from(["martif", "tbx"]),
        elements,
    ),
    st.text(max_size=200),
    st.lists(
        st.sampled_from(
            [
                "<martif>",
                "<termEntry>",
                "<langSet xml:lang='en'>",
                "<tig>",
                "<term>",
                "x",
                "</term>",
                "</tig>",
                "</langSet>",
                "</termEntry>",
                "</martif>",
                "&",
                "<!DOCTYPE martif>",
                "<?xml version='1.0'?>",
            ]
        ),
        max_size=14,
    ).map("".join),
)
_ORPHAN_NOTE = '<martif><descrip type="definition">x</descrip></martif>'
_ORPHAN_TERM = (
    '<martif><termEntry><langSet xml:lang="en"><termEntry/>'
    "<tig><term>x</term></tig></langSet></termEntry></martif>"
)


@settings(max_examples=300)
@given(
    tbx_text.filter(
        lambda t: (
            not any(
                bad in t
                for bad in (
                    "<descrip",
                    "<note",
                    "<termNote",
                    "<termEntry><langSet",
                    "<conceptEntry",
                )
            )
        )
    )
)
def test_tbx_without_notes_or_nested_entries_is_a_glossary_or_input_error(workdir, text):
    _load_or_refuse(workdir / "g.tbx", text.encode("utf-8", "surrogatepass"))


@example(_ORPHAN_NOTE)
@example(_ORPHAN_TERM)
@settings(max_examples=300)
@given(tbx_text)
def test_any_tbx_is_a_glossary_or_input_error(workdir, text):
    _load_or_refuse(workdir / "g.tbx", text.encode("utf-8", "surrogatepass"))
