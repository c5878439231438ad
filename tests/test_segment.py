from aligncheck.model import Document
from aligncheck.segment import segment_document, split_sentences

TEXT = (
    "Heading line\n\n  First paragraph, first line.\n  Second line of it.\n \t \n\n\n"
    "Closing words. Two sentences!\n"
)


def seg(unit, text=TEXT, **kw):
    return segment_document(Document("doc.txt", "en", text, **kw), unit)


def test_paragraphs_are_blank_line_separated_and_stripped():
    s = seg("paragraph")
    assert [x.text for x in s.segments] == [
        "Heading line",
        "First paragraph, first line.\n  Second line of it.",
        "Closing words. Two sentences!",
    ]
    assert [(x.index, x.line, x.column) for x in s.segments] == [(0, 1, 1), (1, 3, 3), (2, 8, 1)]


def test_whitespace_only_lines_count_as_blank():
    s = seg("paragraph", "a\n   \nb\n\t\nc")
    assert [x.text for x in s.segments] == ["a", "b", "c"]
    assert [x.line for x in s.segments] == [1, 3, 5]


def test_line_unit_keeps_every_non_empty_line():
    s = seg("line")
    assert [x.text for x in s.segments][1:3] == [
        "First paragraph, first line.",
        "Second line of it.",
    ]
    assert [(x.line, x.column) for x in s.segments] == [(1, 1), (3, 3), (4, 3), (8, 1)]


def test_sentence_unit_splits_inside_paragraphs_and_keeps_columns():
    s = seg("sentence")
    last = [x for x in s.segments if x.line == 8]
    assert [x.text for x in last] == ["Closing words.", "Two sentences!"]
    assert [x.column for x in last] == [1, 16]


def test_locate_maps_offsets_inside_multiline_segments():
    para = seg("paragraph").segments[1]
    assert para.locate(0) == (3, 3)
    assert para.locate(para.text.index("Second")) == (4, 3)


def test_line_base_shifts_lines_for_blocks_of_a_larger_file():
    s = seg("paragraph", "x\n\ny", line_base=40)
    assert [x.line for x in s.segments] == [41, 43]


def test_docx_paragraphs_are_lines():
    s = segment_document(Document("d.docx", "en", "One\nTwo\n\nThree", format="docx"), "paragraph")
    assert [x.text for x in s.segments] == ["One", "Two", "Three"]


def test_segments_are_exact_slices_of_the_text():
    for unit in ("paragraph", "line", "sentence"):
        for x in seg(unit).segments:
            assert TEXT[x.offset : x.offset + len(x.text)] == x.text


def test_sentence_split_for_kazakh_and_turkmen():
    kk = "Бағдарлама биыл басталды. Ол бес жылға созылады."
    assert len(split_sentences(kk, "kk")) == 2
    tk = "Maksatnama başlandy. Ol bäş ýyl dowam eder."
    assert len(split_sentences(tk, "tk")) == 2


def test_sentences_split_where_a_kazakh_sentence_opens_with_a_figure():
    from aligncheck.segment import split_sentences

    text = "Жұмыс былтыр күзде басталды. 2016 жылы екінші кезең ашылды. Бәрі дайын."
    assert [text[a:b] for a, b in split_sentences(text, "kk")] == [
        "Жұмыс былтыр күзде басталды.",
        "2016 жылы екінші кезең ашылды.",
        "Бәрі дайын.",
    ]


def test_sentences_split_after_a_quotation_closed_from_the_paragraph_before():
    from aligncheck.segment import split_sentences

    text = (
        "Мы готовы к этому», — сказала она. Совещание началось в полдень. "
        "Директор сказал: «Это важно»."
    )
    assert [text[a:b] for a, b in split_sentences(text, "ru")] == [
        "Мы готовы к этому», — сказала она.",
        "Совещание началось в полдень.",
        "Директор сказал: «Это важно».",
    ]


def test_emphasis_around_an_abbreviated_title_does_not_end_the_sentence():
    text = "The plan works, said **Dr. Osei**, the engineer. Building starts in May."
    assert [text[a:b] for a, b in split_sentences(text, "en")] == [
        "The plan works, said **Dr. Osei**, the engineer.",
        "Building starts in May.",
    ]


def test_emphasis_closed_after_a_full_stop_stays_with_its_sentence():
    text = "Read the notice. **Entry is free.** Doors open at noon."
    assert [text[a:b] for a, b in split_sentences(text, "en")] == [
        "Read the notice.",
        "**Entry is free.**",
        "Doors open at noon.",
    ]


def test_reader_blocks_become_segments_with_kind_verbatim_and_file_position():
    from aligncheck.model import Block

    text = "Intro `x = 1` done. Next one.\n\ncode\n"
    document = Document(
        "a.md",
        "en",
        text,
        "md",
        blocks=(Block(0, 29, "prose", ((6, 13),)), Block(31, 35, "code", key="k", line=9)),
    )
    paragraphs = segment_document(document, "paragraph").segments
    assert [s.kind for s in paragraphs] == ["prose", "code"]
    assert paragraphs[0].prose == "Intro         done. Next one."
    assert paragraphs[0].text == text[:29]
    assert (paragraphs[1].line, paragraphs[1].column, paragraphs[1].key) == (9, 1, "k")
    sentences = segment_document(document, "sentence").segments
    assert [s.text for s in sentences] == ["Intro `x = 1` done.", "Next one.", "code"]
    assert sentences[0].verbatim == ((6, 13),) and sentences[1].verbatim == ()
    assert (sentences[1].line, sentences[1].column) == (1, 21)


def test_no_sentence_is_cut_inside_an_unspaced_abbreviation():
    text = '"Once they say "O.K., this is a disaster," we can help." Night fell. Then rain.'
    assert [text[a:b] for a, b in split_sentences(text, "en")] == [
        '"Once they say "O.K., this is a disaster," we can help."',
        "Night fell.",
        "Then rain.",
    ]


def test_a_time_zone_after_a_clock_time_does_not_start_a_sentence():
    def sentences(text):
        return [text[a:b] for a, b in split_sentences(text, "en")]

    assert sentences("The rally starts at 7 p.m. ET tonight. Watch it online.") == [
        "The rally starts at 7 p.m. ET tonight.",
        "Watch it online.",
    ]
    assert sentences("Doors open at 9 A.M. BST on Sunday.") == [
        "Doors open at 9 A.M. BST on Sunday."
    ]
    # any other capitalised word after "p.m." still starts one
    assert sentences("He left at 5 p.m. Police said he was fine.") == [
        "He left at 5 p.m.",
        "Police said he was fine.",
    ]
    assert split_sentences("Он ушёл в 5 p.m. ET потом.", "xx")  # no such locale: no error
