"""Properties of the segmenter on generated text: every segment is an exact, stripped,
ordered slice of the document, together they hold every non-space character, and their
line/column agree with their offset."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from aligncheck.model import Document
from aligncheck.segment import segment_document, split_sentences

_TRICKY = "aZ \n\n \t.!?…«»“”„\"'*_-1905 Mr.Dr.\u00a0\u2028\u0301\u05d0й"
texts = st.one_of(
    st.text(max_size=200),
    st.text(st.sampled_from(_TRICKY), max_size=200),
    st.lists(
        st.sampled_from(
            [
                "Mr. Lee came.",
                "**Stop.**",
                "Он ушёл. 2016 жылы",
                "«Да»,",
                "\n\n",
                " ",
                "\n",
                "_x_",
                "end!",
                "басталды.",
            ]
        ),
        max_size=20,
    ).map("".join),
)
langs = st.sampled_from(["en", "ru", "kk", "az", "tk", "tr", "xx"])


def _check(text: str, document: Document, unit: str) -> None:
    segmentation = segment_document(document, unit)
    previous_end = 0
    for i, segment in enumerate(segmentation.segments):
        assert segment.index == i
        assert segment.text and segment.text == segment.text.strip()
        assert previous_end <= segment.offset
        assert text[segment.offset : segment.offset + len(segment.text)] == segment.text
        previous_end = segment.offset + len(segment.text)
        line = text.count("\n", 0, segment.offset) + 1 + document.line_base
        column = segment.offset - (text.rfind("\n", 0, segment.offset) + 1) + 1
        assert (segment.line, segment.column) == (line, column)
    covered = "".join(s.text for s in segmentation.segments)
    assert [c for c in covered if not c.isspace()] == [c for c in text if not c.isspace()]


@settings(max_examples=600)
@given(texts, langs, st.sampled_from(["paragraph", "line", "sentence"]), st.integers(0, 50))
def test_segments_are_ordered_exact_slices_covering_the_text(text, lang, unit, line_base):
    _check(text, Document("a.md", lang, text, "md", line_base), unit)


@settings(max_examples=200)
@given(texts, st.sampled_from(["paragraph", "sentence"]))
def test_docx_paragraphs_are_its_lines(text, unit):
    document = Document("a.docx", "en", text, "docx")
    _check(text, document, unit)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if unit == "paragraph":
        assert [s.text for s in segment_document(document, unit).segments] == lines


@settings(max_examples=300)
@given(texts, langs, st.data())
def test_locate_agrees_with_the_offset(text, lang, data):
    segments = segment_document(Document("a.txt", lang, text), "paragraph").segments
    if not segments:
        return
    segment = data.draw(st.sampled_from(segments))
    pos = data.draw(st.integers(0, len(segment.text)))
    absolute = segment.offset + pos
    expected = (
        text.count("\n", 0, absolute) + 1,
        absolute - (text.rfind("\n", 0, absolute) + 1) + 1,
    )
    assert segment.locate(pos) == expected


@settings(max_examples=300)
@given(texts, langs)
def test_sentence_spans_are_disjoint_stripped_and_ordered(text, lang):
    previous = 0
    for a, b in split_sentences(text, lang):
        assert previous <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()
        previous = b


_WORDS = {
    "en": "river birds water station report season field school",
    "ru": "река птицы вода станция отчёт сезон поле школа",
    "kk": "өзен құстар су станция есеп маусым алаң мектеп",
    "tr": "nehir kuşlar su istasyon rapor sezon alan okul",
    "az": "çay quşlar su stansiya hesabat mövsüm sahə məktəb",
    "tk": "derýa guşlar suw stansiýa hasabat möwsüm meýdan mekdep",
}


@st.composite
def _sentences(draw):
    lang = draw(st.sampled_from(sorted(_WORDS)))
    out = []
    for _ in range(draw(st.integers(1, 6))):
        words = draw(st.lists(st.sampled_from(_WORDS[lang].split()), min_size=2, max_size=8))
        middle = draw(st.sampled_from(["", ",", " 12", " 3,5", " «су»", " (x)", " **bold**"]))
        end = draw(st.sampled_from([".", "!", "?", "?!"]))  # not "…": it may go on mid-sentence
        out.append(" ".join([words[0].capitalize(), *words[1:]]) + middle + end)
    return lang, out


@settings(max_examples=400)
@given(_sentences(), st.sampled_from([" ", "  ", "\n", " \u00a0"]))
def test_plain_sentences_are_split_where_they_end(data, gap):
    lang, sentences = data
    text = gap.join(sentences)
    assert [text[a:b] for a, b in split_sentences(text, lang)] == sentences
