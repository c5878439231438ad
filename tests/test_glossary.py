from pathlib import Path

import pytest
from factories import pair, release_of

from aligncheck.checks.glossary.GL01 import GL01
from aligncheck.checks.glossary.GL02 import GL02
from aligncheck.errors import InputError
from aligncheck.glossary import load_glossaries, load_glossary, validate_glossary_langs
from aligncheck.lang.morph import Phrase

ROOT = Path(__file__).resolve().parents[1]

LAKE_TSV = (
    "# lakes and bodies\n"
    "en\tru\tkk\taz\tru:forbidden\tkind\tcase\tnote\n"
    "Aral Sea\tАральское море\tАрал теңізі\tAral dənizi\tАрал\tterm\t\tshrinking lake\n"
    "OSCE\tОБСЕ\tЕҚЫҰ\tATƏT | OSCE\t\tacronym\t\t\n"
    "\n"
    "Lake Balkhash\tозеро Балхаш | Балхаш\tБалқаш көлі\tBalxaş gölü\t\tname\tinsensitive\t\n"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_tsv_reads_alternatives_forbidden_kind_and_notes(tmp_path):
    g = load_glossary(write(tmp_path, "lakes.tsv", LAKE_TSV))
    assert g.langs == ("en", "ru", "kk", "az")
    aral, osce, balkhash = g.entries
    assert aral.variants("ru") == ("Аральское море",) and aral.forbidden_variants("ru") == ("Арал",)
    assert aral.note == "shrinking lake" and aral.line == 3
    assert osce.kind == "acronym" and osce.variants("az") == ("ATƏT", "OSCE")
    assert osce.case_sensitive("ОБСЕ") and not aral.case_sensitive("Аральское море")
    assert balkhash.line == 6 and balkhash.variants("ru") == ("озеро Балхаш", "Балхаш")


def test_csv_with_quoted_cells(tmp_path):
    g = load_glossary(
        write(tmp_path, "g.csv", 'en,ru,note\n"Aral Sea","Аральское море","lake, salt"\n')
    )
    assert g.entries[0].note == "lake, salt"


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "Aral Sea\tАральское море\n",
            "line 1: unknown language code 'aral sea' in header (is the header row missing?)",
        ),
        ("en\tqq\nA\tB\n", "line 1: unknown language code 'qq'"),
        ("en\tru\nA\tB\n# note\nC\tD\tE\n", "line 4: 3 cells, header has 2"),
        ("en\tru\tkind\nA\tB\tplace\n", "line 2: kind 'place' is not one of"),
        ("en\tru\tru:wrong\nA\tB\tC\n", "line 1: unknown column 'ru:wrong'"),
        ("", "line 1: empty glossary"),
    ],
)
def test_malformed_tables_name_file_and_line(tmp_path, text, message):
    path = write(tmp_path, "bad.tsv", text)
    with pytest.raises(InputError) as err:
        load_glossary(path)
    assert str(err.value).startswith(f"{path}: {message}")


def test_known_langs_restrict_the_header(tmp_path):
    path = write(tmp_path, "g.tsv", "en\tde\nA\tB\n")
    assert load_glossary(path).langs == ("en", "de")
    with pytest.raises(InputError, match="line 1: unknown language code 'de'"):
        load_glossary(path, known_langs=["en", "ru", "kk"])


TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="c1">
  <descrip type="definition">salt lake</descrip>
  <langSet xml:lang="en"><tig><term>Aral Sea</term></tig></langSet>
  <langSet xml:lang="ru">
    <tig><term>Аральское море</term></tig>
    <tig>
      <term>Арал</term>
      <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
    </tig>
  </langSet>
</termEntry>
</body></text></martif>
"""


def test_tbx_terms_and_deprecated_variants(tmp_path):
    g = load_glossary(write(tmp_path, "g.tbx", TBX))
    [entry] = g.entries
    assert entry.variants("ru") == ("Аральское море",) and entry.forbidden_variants("ru") == (
        "Арал",
    )
    assert entry.note == "salt lake" and entry.line == 3


def test_bad_tbx_reports_the_line(tmp_path):
    broken = write(
        tmp_path, "b.tbx", TBX.replace("</tig></langSet>\n  <langSet", "</tig>\n  <langSet", 1)
    )
    with pytest.raises(InputError, match=r"b.tbx: line \d+: bad TBX"):
        load_glossary(broken)
    no_lang = write(tmp_path, "c.tbx", TBX.replace('<langSet xml:lang="ru">', "<langSet>"))
    with pytest.raises(InputError, match="line 6: <langSet> has a missing or unknown xml:lang"):
        load_glossary(no_lang)


def test_glossary_language_without_a_version_is_a_warning(tmp_path):
    g = load_glossary(write(tmp_path, "lakes.tsv", LAKE_TSV))
    [warning] = validate_glossary_langs(g, ["en", "ru", "kk"])
    assert "'az'" in warning and str(g.path) in warning


@pytest.mark.parametrize(
    "term, lang, text",
    [
        ("Каспийское море", "ru", "Уровень Каспийского моря падает."),
        ("Xəzər dənizi", "az", "Xəzər dənizinin səviyyəsi düşür."),
        ("Hazar deňzi", "tk", "Hazar deňziniň derejesi peselýär."),
        ("Hazar deňiz", "tk", "Hazar deňziniň derejesi peselýär."),
        ("Каспий теңізі", "kk", "Каспий теңізінің деңгейі төмендеп барады."),
        ("Türkiye", "tr", "Türkiye'nin kıyıları"),
        ("kitap", "tr", "Yeni kitabı çıktı."),
        ("ABD", "tr", "ABD'ye gitti."),
        ("wetland", "en", "Two wetlands were restored."),
    ],
)
def test_inflected_forms_match(term, lang, text):
    assert Phrase(term, lang).find(text)


@pytest.mark.parametrize(
    "term, lang, text",
    [
        ("море", "ru", "На берегу лежал морж."),
        ("dəniz", "az", "Dənizdan gəldi."),  # back-vowel suffix on a front stem
        ("su", "tr", "Bir sual sordu."),  # a vowel after a vowel-final stem
        ("Каспийское море", "ru", "Каспийский регион и Черное море."),
    ],
)
def test_unrelated_words_do_not_match(term, lang, text):
    assert Phrase(term, lang).find(text) == []


def test_gl01_quotes_expected_and_found_rendering(tmp_path):
    g = load_glossary(write(tmp_path, "lakes.tsv", LAKE_TSV))
    ctx = pair(
        ["Fishing in the Aral Sea has returned.", "The Aral Sea is growing."],
        ["Рыболовство в Аральском море вернулось.", "Аральское озеро растёт."],
        "ru",
        [g],
    )
    [f] = list(GL01().check(ctx))
    assert f.source_segments == (1,)
    assert "'Аральское море'" in f.message and "found 'Аральское озеро'" in f.message
    assert f.target_text == "Аральское озеро"


def test_gl01_accepts_any_alternative_and_localised_acronym(tmp_path):
    g = load_glossary(write(tmp_path, "lakes.tsv", LAKE_TSV))
    ctx = pair(["The OSCE met at Lake Balkhash."], ["ОБСЕ собралась на Балхаше."], "ru", [g])
    assert list(GL01().check(ctx)) == []


def test_gl02_forbidden_variant_is_an_error_in_any_segment(tmp_path):
    g = load_glossary(write(tmp_path, "lakes.tsv", LAKE_TSV))
    ctx = pair(
        ["The Aral Sea is growing.", "Fish are back."],
        ["Аральское море растёт.", "Рыба вернулась в Арал."],
        "ru",
        [g],
    )
    release = release_of((ctx,))
    [f] = list(GL02().check_release(release))
    assert f.severity.value == "error" and f.target_text == "Арал" and f.target_segments == (1,)
    assert "use 'Аральское море'" in f.message


def test_shipped_glossaries_load_and_match_the_sample_corpus():
    glossaries = load_glossaries(
        ROOT / "glossaries", known_langs=["en", "ru", "kk", "az", "tk", "tr"]
    )
    assert glossaries
    corpus = ROOT / "corpora" / "steppe-rivers"
    if not corpus.is_dir():
        pytest.skip("sample corpus absent")
    ru = (corpus / "ru.md").read_text(encoding="utf-8")
    found = [e for g in glossaries for e in g.entries if any(p.find(ru) for p in e.phrases("ru"))]
    assert len(found) >= 5


def test_suffix_after_an_apostrophe_follows_pronunciation_not_spelling():
    assert Phrase("Peter Jones", "tr").find("Peter Jones'u gördü.")
    assert Phrase("UNEP", "tk").find("UNEP-iň hünärmenleri")


# A glossary often quotes a rendering as it was found in one sentence, i.e. inflected.
INFLECTED_TSV = (
    "en\tru\tkk\taz\ttk\ttr\tkind\n"
    "Caspian Sea\tКаспийского моря\tКаспий теңізінің\t"
    "Xəzər dənizinin\tHazar deňziniň\tHazar Denizi'nin\tname\n"
    "Peter Murray\tПитеру Мюррею\tПитер Мюррейге\t"
    "Piter Murreyin\tPiter Mýurreýiň\tPeter Murray'e\tname\n"
)


@pytest.mark.parametrize(
    "lang, text",
    [
        ("ru", "Каспийское море мелеет."),
        ("ru", "На Каспийском море штормит."),
        ("kk", "Каспий теңізі тартылып барады."),
        ("kk", "Каспий теңізінде дауыл болды."),
        ("az", "Xəzər dənizi dayazlaşır."),
        ("az", "Xəzər dənizində fırtına var."),
        ("tk", "Hazar deňzi ýaldyraýar."),
        ("tk", "Hazar deňzinde tupan turdy."),
        ("tr", "Hazar Denizi sığlaşıyor."),
        ("tr", "Hazar Denizi'nde fırtına var."),
    ],
)
def test_gl01_accepts_an_inflected_entry_in_another_case(tmp_path, lang, text):
    g = load_glossary(write(tmp_path, "g.tsv", INFLECTED_TSV))
    ctx = pair(["The Caspian Sea is shrinking."], [text], lang, [g])
    assert list(GL01().check(ctx)) == []


@pytest.mark.parametrize(
    "lang, text, found",
    [
        ("ru", "Каспийское озеро мелеет.", "Каспийское озеро"),
        ("kk", "Каспий көлі тартылып барады.", None),
        ("az", "Xəzər gölü dayazlaşır.", None),
        ("tk", "Hazar kölünde tupan turdy.", None),
        ("tr", "Hazar Gölü'nde fırtına var.", None),
    ],
)
def test_gl01_still_reports_an_unrelated_word_for_an_inflected_entry(tmp_path, lang, text, found):
    g = load_glossary(write(tmp_path, "g.tsv", INFLECTED_TSV))
    ctx = pair(["The Caspian Sea is shrinking."], [text], lang, [g])
    [f] = list(GL01().check(ctx))
    assert f.source_text == "Caspian Sea"
    assert found is None or f.target_text == found


@pytest.mark.parametrize(
    "lang, text",
    [
        ("ru", "Питер Мюррей выступил."),
        ("ru", "Выступление Питера Мюррея."),
        ("kk", "Питер Мюррей сөз сөйледі."),
        ("az", "Piter Murrey çıxış etdi."),
        ("tk", "Piter Mýurreý çykyş etdi."),
        ("tr", "Peter Murray konuştu."),
        ("tr", "Peter Murray'in konuşması."),
    ],
)
def test_gl01_accepts_an_inflected_name_in_its_base_and_other_forms(tmp_path, lang, text):
    g = load_glossary(write(tmp_path, "g.tsv", INFLECTED_TSV))
    assert list(GL01().check(pair(["Peter Murray spoke."], [text], lang, [g]))) == []


@pytest.mark.parametrize(
    "entry, word, lang",
    [
        ("dənizinin", "dənizdan", "az"),  # an ending against the stem's vowel harmony
        ("türkiye", "türk", "tr"),  # 3rd person + dative needs a buffer n: no Türk-i-ye
        ("türkiye", "türkmenistan", "tr"),  # derivation is not inflection
        ("теңізінің", "тең", "kk"),  # never shorter than half the word
        ("моря", "морж", "ru"),
        ("xəzərin", "xəzinə", "az"),
        ("kazan", "kazada", "tr"),  # a bare consonant is not taken for an ending
    ],
)
def test_stem_matching_rejects_unrelated_words(entry, word, lang):
    from aligncheck.lang.morph import stem_matches

    assert not stem_matches(entry, word, lang)


def test_gl02_does_not_match_forbidden_variants_by_stem(tmp_path):
    """A forbidden variant is looked for as written (inflected forms of it count, not words
    that only share a stem with an accepted rendering)."""
    g = load_glossary(write(tmp_path, "lakes.tsv", LAKE_TSV))
    ctx = pair(["The Aral Sea is growing."], ["Аральское море растёт, Аралу повезло."], "ru", [g])
    release = release_of((ctx,))
    [f] = list(GL02().check_release(release))
    assert f.target_text == "Аралу"


@pytest.mark.parametrize(
    "term, lang, text",
    [
        ("Сан-Диего", "ru", "Матч пройдёт в Сан Диего."),
        ("Сан-Диегодағы", "kk", "Ойын Сан Диегода өтеді."),
        ("San-Diegodaky", "tk", "Oýun San Diego-da geçer."),
    ],
)
def test_gl01_counts_a_hyphen_between_words_as_a_space(tmp_path, term, lang, text):
    g = load_glossary(write(tmp_path, "g.tsv", f"en\t{lang}\tkind\nSan Diego\t{term}\tname\n"))
    assert list(GL01().check(pair(["The game is in San Diego."], [text], lang, [g]))) == []


def test_gl02_finds_inflected_forbidden_variants_but_not_derived_words(tmp_path):
    g = load_glossary(
        write(tmp_path, "g.tsv", "en\ttr\ttr:forbidden\tkind\nland\ttoprak\tkara\tterm\n")
    )
    ctx = pair(["The patrol stayed on land."], ["Karakol devriyesi karada kaldı."], "tr", [g])
    release = release_of((ctx,))
    [f] = list(GL02().check_release(release))
    assert f.target_text == "karada"


@pytest.mark.parametrize(
    "term, lang, text",
    [
        ("Олжас Сарин", "kk", "Біз Олжас Саринмен кездестік."),  # Kazakh и: either harmony follows
        ("Астана", "kk", "Астанамен байланыс ашылды."),  # -мен never changes its vowel
        ("akşam", "tr", "Dün akşamki toplantı uzadı."),  # nor does Turkish -ki
        ("келу", "kk", "Ол келуге дайын."),  # у after a front vowel
    ],
)
def test_invariant_endings_and_ambiguous_vowels_match(term, lang, text):
    assert Phrase(term, lang).find(text)


@pytest.mark.parametrize(
    "term, lang, text",
    [
        ("Павел Дурнев", "kk", "Павел Дурневтың баяндамасы тыңдалды."),
        ("Keyns", "az", "Keynsın nəzəriyyəsi yenidən müzakirə olunur."),
    ],
)
def test_gl01_accepts_a_loan_name_whose_ending_breaks_vowel_harmony(tmp_path, term, lang, text):
    """The text's form of a loan name, like the glossary's own, may take its ending by
    pronunciation, not spelling."""
    g = load_glossary(write(tmp_path, "g.tsv", f"en\t{lang}\tkind\nthe name\t{term}\tname\n"))
    assert list(GL01().check(pair(["We heard the name today."], [text], lang, [g]))) == []


def test_gl01_keeps_vowel_harmony_for_common_words_of_a_name_entry(tmp_path):
    g = load_glossary(write(tmp_path, "g.tsv", "en\taz\tkind\nCaspian Sea\tXəzər dənizi\tname\n"))
    ctx = pair(["The Caspian Sea is shrinking."], ["Xəzər dənizdan balıq gəlir."], "az", [g])
    assert len(list(GL01().check(ctx))) == 1


def test_russian_lemmas_are_kept_across_runs(tmp_path):
    import subprocess
    import sys

    code = (
        "import sys; from aligncheck.lang.morph import lemmas; "
        "print(sorted(lemmas('книгами', 'ru')), 'pymorphy3' in sys.modules)"
    )
    env = {**__import__("os").environ, "ALIGNCHECK_CACHE_DIR": str(tmp_path)}
    first, second = (
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        ).stdout.split("]")
        for _ in range(2)
    )
    assert "'книга'" in first[0] and first[1].strip() == "True"
    assert second[0] == first[0] and second[1].strip() == "False"


def test_a_damaged_lemma_store_is_replaced(tmp_path):
    import subprocess
    import sys

    code = (
        "import sys; from aligncheck.lang.morph import lemmas; "
        "print(sorted(lemmas('книгами', 'ru')), 'pymorphy3' in sys.modules)"
    )
    env = {**__import__("os").environ, "ALIGNCHECK_CACHE_DIR": str(tmp_path)}

    def run() -> list[str]:
        return subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        ).stdout.split("]")

    first = run()
    for store in (tmp_path / "morph").glob("ru-lemmas-*"):
        store.write_bytes(b"not a database" * 100)
    damaged, again = run(), run()
    assert damaged[0] == again[0] == first[0] and "'книга'" in first[0]
    assert damaged[1].strip() == "True" and again[1].strip() == "False"
