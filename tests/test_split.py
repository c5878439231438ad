from itertools import pairwise
from pathlib import Path

import pytest

from aligncheck.errors import InputError
from aligncheck.read import paragraphs, split_multilingual, write_split

# One short notice per language, written for these tests: a Title Case heading, a byline of
# names (Latin letters in every block), prose, a line without letters and a contact line.
NOTICE = {
    "en": (
        "City Library Opens Its Doors",
        (
            "The new city library opened its doors on Monday "
            "morning. Hundreds of children came with their parents to choose their first books."
        ),
        "If you have questions, write to us: desk@library.example",
    ),
    "az": (
        "Şəhər Kitabxanası Qapılarını Açdı",
        (
            "Yeni şəhər kitabxanası bazar ertəsi səhər "
            "qapılarını açdı. Yüzlərlə uşaq ilk kitablarını seçmək üçün valideynləri ilə gəldi."
        ),
        "Suallarınız varsa, bizə yazın: desk@library.example",
    ),
    "kk": (
        "Қалалық Кітапхана Есігін Ашты",
        (
            "Жаңа қалалық кітапхана дүйсенбі күні таңертең "
            "есігін ашты. Жүздеген бала ата-аналарымен бірге алғашқы кітаптарын таңдауға келді."
        ),
        "Сұрақтарыңыз болса, бізге жазыңыз: desk@library.example",
    ),
    "ru": (
        "Городская Библиотека Открыла Двери",
        (
            "Новая городская библиотека открыла свои двери "
            "в понедельник утром. Сотни детей пришли вместе с родителями выбрать первые книги."
        ),
        "Если у вас есть вопросы, напишите нам: desk@library.example",
    ),
    "tk": (
        "Şäher Kitaphanasy Gapylaryny Açdy",
        (
            "Täze şäher kitaphanasy duşenbe güni irden "
            "gapylaryny açdy. Ýüzlerçe çaga ilkinji kitaplaryny saýlamak üçin ene-atalary bilen "
            "geldi."
        ),
        "Soraglaryňyz bar bolsa, bize ýazyň: desk@library.example",
    ),
    "tr": (
        "Şehir Kütüphanesi Kapılarını Açtı",
        (
            "Yeni şehir kütüphanesi pazartesi sabahı "
            "kapılarını açtı. Yüzlerce çocuk ilk kitaplarını seçmek için aileleriyle birlikte "
            "geldi."
        ),
        "Sorularınız varsa bize yazın: desk@library.example",
    ),
}
BLOCKS = {
    lang: [title, "Anna Smith, John Brown", prose, "10:00 - 18:00", contact]
    for lang, (title, prose, contact) in NOTICE.items()
}
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_ab64be821029c731.txt"


def compose(langs, preamble=None, gap="\n\n"):
    blocks = ["\n\n".join(BLOCKS[lang]) for lang in langs]
    return (f"{preamble}\n\n" if preamble else "") + gap.join(blocks) + "\n"


@pytest.mark.parametrize(
    "langs",
    [
        ["en", "az", "kk", "ru", "tk", "tr"],
        ["ru", "kk"],
        ["az", "tr", "tk"],
        ["tr", "en", "kk", "az"],
    ],
)
def test_blocks_are_found_in_order_with_their_file_lines(langs):
    text = compose(langs, gap="\n\n \n\n")
    docs = split_multilingual(text, langs, path="all.txt")
    lines = text.split("\n")
    assert [d.lang for d in docs] == langs
    for doc in docs:
        assert doc.text == "\n\n".join(BLOCKS[doc.lang])
        assert lines[doc.line_base : doc.line_base + doc.text.count("\n") + 1] == doc.text.split(
            "\n"
        )
        assert (doc.path, doc.format) == ("all.txt", "txt")


def test_preamble_naming_the_versions_is_left_out():
    langs = ["en", "ru", "kk"]
    note = "This file holds the English text, then the Russian and the Kazakh ones."
    docs = split_multilingual(compose(langs, preamble=note), langs, path="x.md")
    assert docs[0].text == "\n\n".join(BLOCKS["en"])
    assert docs[0].line_base == 2
    assert docs[0].format == "md"


def test_first_paragraph_is_kept_when_it_names_one_language():
    langs = ["en", "ru"]
    first = "Russian readers get their own catalogue this year."
    docs = split_multilingual(compose(langs, preamble=first), langs, path="x.txt")
    assert docs[0].text.startswith(first)


@pytest.mark.parametrize(
    "langs",
    [["ru", "en", "kk"], ["en", "kk"], ["ru", "kk"], ["en", "ru"], ["en", "ru", "kk", "tr"]],
)
def test_langs_that_do_not_fit_the_file_are_refused(langs):
    text = compose(["en", "ru", "kk"])
    with pytest.raises(InputError, match="--langs") as error:
        split_multilingual(text, langs, path="all.txt")
    assert error.value.path == "all.txt"


def test_too_few_paragraphs_or_languages():
    with pytest.raises(InputError, match="too few"):
        split_multilingual("Only one paragraph.\n", ["en", "ru"], path="a.txt")
    with pytest.raises(InputError, match="at least two"):
        split_multilingual(compose(["en"]), ["en"], path="a.txt")
    with pytest.raises(InputError, match="unknown language"):
        split_multilingual(compose(["en", "ru"]), ["en", "qq"], path="a.txt")


def test_paragraphs_split_on_whitespace_only_lines():
    found = paragraphs("a\nb\n \t\nc\n\n\n\nd")
    assert [(p.first_line, p.last_line, p.text) for p in found] == [
        (0, 1, "a\nb"),
        (3, 3, "c"),
        (7, 7, "d"),
    ]


def test_write_split(tmp_path):
    docs = split_multilingual(compose(["en", "kk"]), ["en", "kk"], path="n.txt")
    written = write_split(docs, tmp_path / "out", "notice")
    assert [p.name for p in written] == ["notice.en.txt", "notice.kk.txt"]
    assert written[1].read_text(encoding="utf-8") == docs[1].text + "\n"
    assert [p.name for p in write_split(docs, tmp_path / "plain", "")] == ["en.txt", "kk.txt"]


def test_write_split_refuses_a_file_as_directory(tmp_path):
    (tmp_path / "taken").write_text("x")
    docs = split_multilingual(compose(["en", "kk"]), ["en", "kk"], path="n.txt")
    with pytest.raises(InputError, match="--out"):
        write_split(docs, tmp_path / "taken", "n")


@pytest.mark.skipif(not SEED.is_file(), reason="shared seed not available")
def test_seed_blocks():
    text = SEED.read_text(encoding="utf-8")
    langs = ["en", "az", "kk", "ru", "tk"]
    docs = split_multilingual(text, langs, path=str(SEED))
    counts = [len(paragraphs(d.text)) for d in docs]
    assert counts[1:] == [30, 30, 29, 32]
    assert counts[0] in (31, 32)
    lines = text.split("\n")
    for doc in docs:
        assert lines[doc.line_base] == doc.text.split("\n")[0]


NTREX = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ntrex128-dev"


def ntrex_documents(count):
    """Line-parallel NTREX documents as {lang: [paragraph, ...]}, paragraphs of 1-3 lines."""
    langs = ["en", "ru", "kk", "az", "tk", "tr"]
    lines = {
        lang: (NTREX / f"{lang}.txt").read_text(encoding="utf-8").splitlines() for lang in langs
    }
    ids = (NTREX / "document_ids.txt").read_text(encoding="utf-8").splitlines()
    starts = [i for i in range(len(ids)) if i == 0 or ids[i] != ids[i - 1]][:count]
    for number, start in enumerate(starts):
        end = next((i for i in range(start, len(ids)) if ids[i] != ids[start]), len(ids))
        cuts = list(range(start, end, 1 + number % 3)) + [end]
        yield {lang: ["\n".join(lines[lang][a:b]) for a, b in pairwise(cuts)] for lang in langs}


@pytest.mark.skipif(not NTREX.is_dir(), reason="shared NTREX corpus not available")
@pytest.mark.parametrize(
    "langs", [["en", "ru", "kk", "az", "tk", "tr"], ["tr", "az", "tk"], ["kk", "ru"]]
)
def test_ntrex_documents_split_exactly(langs):
    for document in ntrex_documents(3):
        text = "\n\n".join("\n\n".join(document[lang]) for lang in langs)
        docs = split_multilingual(text, langs, path="n.txt")
        assert [d.text for d in docs] == ["\n\n".join(document[lang]) for lang in langs]


@pytest.mark.skipif(not NTREX.is_dir(), reason="shared NTREX corpus not available")
def test_ntrex_documents_in_another_order_are_refused():
    for document in ntrex_documents(3):
        text = "\n\n".join("\n\n".join(document[lang]) for lang in ["az", "tk", "tr"])
        with pytest.raises(InputError, match="--langs"):
            split_multilingual(text, ["tk", "az", "tr"], path="n.txt")


def test_lines_are_the_units_when_paragraphs_have_no_blank_lines_between():
    langs = ["kk", "en", "tk"]
    text = "\n".join(line for lang in langs for line in BLOCKS[lang]) + "\n"
    docs = split_multilingual(text, langs, path="lines.docx")
    assert [d.text for d in docs] == ["\n".join(BLOCKS[lang]) for lang in langs]
    assert [d.line_base for d in docs] == [0, 5, 10]
    assert docs[0].format == "docx"


def test_two_versions_keep_a_first_paragraph_naming_both():
    first = "Russian and English volunteers will guide the visitors."
    docs = split_multilingual(compose(["en", "ru"], preamble=first), ["en", "ru"], path="x.txt")
    assert docs[0].line_base == 0 and docs[0].text.startswith(first)
