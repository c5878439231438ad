from pathlib import Path

import pytest
from factories import pair, release

from aligncheck.checks.name.NA01 import NA01
from aligncheck.checks.name.NA02 import NA02
from aligncheck.embed import DEFAULT_MODEL, load_embedder
from aligncheck.extract.names import document_evidence, extract_names
from aligncheck.glossary.reader import parse_table
from aligncheck.lang.translit import find_name, key

NTREX = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ntrex128-dev"


@pytest.mark.parametrize(
    "name, lang, text, target_lang",
    [
        ("Zhomart Aliyev", "en", "Жомарт Алиев выступил.", "ru"),
        ("Zhomart Aliyev", "en", "Жомарт Әлиев сөз сөйледі.", "kk"),
        ("Regner-Burke", "en", "сказала Регнер-Бёрк", "ru"),
        ("Berdiyev", "en", "Бердиев отметил", "ru"),
        ("Azerbaijan", "en", "в Азербайджане", "ru"),
        ("Azerbaijan", "en", "Azerbaýjanyň hökümeti", "tk"),
        ("Kazakhstan", "en", "Qazaxıstanın paytaxtı", "az"),
        ("Kazakhstan", "en", "Қазақстанның астанасы", "kk"),
        ("Macpherson", "en", "Blair Macpherson-yň", "tk"),
    ],
)
def test_names_match_across_scripts_and_inflection(name, lang, text, target_lang):
    assert find_name(name, lang, text, target_lang, 0.8) is not None


@pytest.mark.parametrize(
    "name, text, target_lang",
    [
        ("Aliyev", "Петров выступил.", "ru"),
        ("Ospanova", "Садыкова сказала.", "ru"),
        ("Karimov", "Kerimli aýtdy.", "tk"),
        ("May", "сказал Майк Трюделл", "ru"),
        ("Johnson", "сказал Джон", "ru"),
    ],
)
def test_different_names_do_not_match(name, text, target_lang):
    assert find_name(name, "en", text, target_lang, 0.8) is None


def test_keys_meet_across_spelling_conventions():
    assert key("Aliyev", "en") == key("Алиев", "ru") == key("Әлиев", "kk")
    assert key("Xəzər", "az") == key("Хазар", "ru")


def kinds(text: str, context: list[str] | None = None) -> dict[str, str]:
    evidence = document_evidence(context or [text], "en")
    return {m.text: m.kind for m in extract_names(text, "en", evidence)}


def test_name_kinds():
    found = kinds(
        "Later Ms. Dana Ospanova met UNEP staff about the A320 and the Tehran Convention."
    )
    assert found["Dana Ospanova"] == "person"
    assert found["UNEP"] == "acronym" and found["A320"] == "code"
    assert found.get("Tehran") == "proper" and "Later" not in found


def test_sentence_initial_capital_is_a_name_only_when_capitalised_elsewhere():
    assert "Rivers" not in kinds("Rivers flow north. The delta is dry.")
    assert kinds("Rivers spoke first.", ["Rivers spoke first.", "We thanked Rivers."])["Rivers"]


def test_headline_and_shouting_give_no_false_names():
    assert kinds("Storm Batters Coast As Thousands Flee Their Homes") == {}
    assert "THANK" not in kinds('She wrote: "THANK YOU FOR STANDING UP" in a post.')


def test_na01_reports_a_dropped_person_but_not_an_inflected_one():
    source = ["Ms. Dana Ospanova opened the meeting.", "Ospanova thanked the donors."]
    ok = pair(
        source, ["Кездесуді Дана Оспанова ханым ашты.", "Оспанованың алғысы донорларға."], "kk"
    )
    assert list(NA01().check(ok)) == []
    dropped = pair(
        source, ["Кездесуді вице-министр ашты.", "Оспанова донорларға алғыс айтты."], "kk"
    )
    [f] = list(NA01().check(dropped))
    assert f.source_text == "Dana Ospanova" and f.source_segments == (0,)
    assert f.severity.value == "warning"


def test_na01_reports_a_changed_name_with_the_closest_candidate():
    ctx = pair(["Mr. Timur Karimov signed."], ["Подписал г-н Тимур Сейткали."], "ru")
    [f] = list(NA01().check(ctx))
    assert "Timur Karimov" in f.message and f.target_text


def test_exonyms_are_not_names_to_report():
    ctx = pair(
        ["Germany and Hungary signed with Finland."],
        ["Германия и Венгрия подписали с Финляндией."],
        "ru",
    )
    assert list(NA01().check(ctx)) == [] and list(NA02().check(ctx)) == []


def test_na02_accepts_kept_transliterated_and_glossary_acronyms():
    glossary = parse_table("en\tru\nOSCE\tОБСЕ\n", "g.tsv", "\t")
    ctx = pair(["UNEP, NATO and OSCE met."], ["ЮНЕП, НАТО и ОБСЕ встретились."], "ru", [glossary])
    assert list(NA02().check(ctx)) == []


def test_na02_missing_acronym_is_a_warning_unless_the_other_versions_leave_it_out_too():
    source = ["The GCF pays.", "The GCF decides.", "The GCF reports."]
    kept = pair(source, ["GCF платит.", "Фонд решает.", "GCF отчитывается."], "ru")
    [f] = list(NA02().check(kept))
    assert f.severity.value == "warning" and f.source_segments == (1,)
    assert "elsewhere" in f.message
    alone = ["The board of the GCF met."]
    [f] = list(NA02().check(pair(alone, ["Собрался совет фонда."], "ru")))
    assert f.severity.value == "warning"
    spelled = release(
        alone,
        {
            "ru": ["Собрался совет фонда."],
            "kk": ["Қор кеңесі жиналды."],
            "tr": ["Fonun kurulu toplandı."],
        },
    )
    found = list(NA02().check_release(spelled))
    assert {f.lang for f in found} == {"ru", "kk", "tr"}
    assert {f.severity.value for f in found} == {"info"}
    one_dropped = release(
        alone,
        {
            "ru": ["Собрался совет фонда."],
            "kk": ["GCF кеңесі жиналды."],
            "tr": ["GCF kurulu toplandı."],
        },
    )
    [f] = list(NA02().check_release(one_dropped))
    assert f.lang == "ru" and f.severity.value == "warning" and "2 of 2 other" in f.message


def test_na02_an_acronym_spelled_out_beside_it_is_rendered_by_its_expansion():
    source = ["It is funded by the Green Climate Fund (GCF) since May."]
    spelled = pair(source, ["Его финансирует Зелёный климатический фонд с мая."], "ru")
    assert [f.severity.value for f in NA02().check(spelled)] == ["info"]
    emptied = pair(source, ["Его финансирует Зелёный климатический фонд () с мая."], "ru")
    assert [f.severity.value for f in NA02().check(emptied)] == ["warning"]
    refilled = pair(source, ["Его финансирует Зелёный климатический фонд (ПРООН) с мая."], "ru")
    assert [f.severity.value for f in NA02().check(refilled)] == ["warning"]


def test_na02_localised_acronym_must_be_a_free_upper_case_word_of_its_length():
    glossary_free = pair(["The FBI and the EU met NATO."], ["ФБР и ЕС встретились с ДНК."], "ru")
    [f] = list(NA02().check(glossary_free))  # NATO has a listed rendering; ДНК is not it
    assert f.source_text == "NATO"
    claimed = pair(["UNEP and MSNBC spoke."], ["ЮНЕП и NBC выступили."], "ru")
    [f] = list(NA02().check(claimed))  # NBC is no rendering of MSNBC, ЮНЕП is UNEP's
    assert f.source_text == "MSNBC"
    shouting = pair(["TPUSA backed him: thanks."], ["Его поддержали: СПАСИБО ЗА ВСЁ."], "ru")
    assert [f.source_text for f in NA02().check(shouting)] == ["TPUSA"]


def test_localised_acronym_yields_to_the_versions_own_rendering_and_to_a_closer_acronym():
    source = ["The SNL show aired.", "SNL hosts spoke."]
    ctx = pair(source, ["MWP şovu yayınlandı.", "SNL sunucuları konuştu."], "tr")
    [f] = list(NA02().check(ctx))  # this version keeps SNL elsewhere: MWP is no rendering
    assert f.source_text == "SNL" and f.source_segments == (0,)
    kk = pair(["The GEF pays.", "The GEF decides."], ["ЖЭҚ төлейді.", "GEF шешеді."], "kk")
    assert list(NA02().check(kk)) == []  # a localised form in other letters may alternate
    shared = pair(["His DNA was found, WAFB reports."], ["Нашли его ДНК, сообщает канал."], "ru")
    assert [f.source_text for f in NA02().check(shared)] == ["WAFB"]


def test_inflected_names_still_match():
    assert find_name("Johnson", "en", "сказал Джонсону", "ru", 0.8) is not None
    assert find_name("May", "en", "сказала Тереза Мэй", "ru", 0.8) is not None
    assert find_name("Ri", "en", "Ri-niň sözleri", "tk", 0.8) is not None


def test_an_acronym_named_more_often_than_rendered_is_missing_once():
    source = ["NATO met. Later NATO spoke and NATO left."]
    short = pair(source, ["НАТО встретилось. Позже оно выступило и ушло."], "ru")
    [f] = list(NA02().check(short))
    assert f.severity.value == "warning" and "3 times, rendered 1" in f.message
    full = pair(source, ["НАТО встретилось. Позже НАТО выступило, и NATO ушло."], "ru")
    assert list(NA02().check(full)) == []


def test_acronyms_spelled_by_letter_names_are_kept():
    ctx = pair(["He told CNN and the BBC."], ["Он сказал Си-эн-эн и Би-би-си."], "ru")
    assert list(NA02().check(ctx)) == []


def test_full_name_needs_more_than_a_later_surname():
    source = ['It was criticised by secretary Ari Fleischer. "Angry," Fleischer wrote.']
    replaced = pair(source, ["Её раскритиковал Майк Ли. «Гневно», — пишет Флейшер."], "ru")
    [f] = list(NA01().check(replaced))
    assert f.source_text == "Ari Fleischer" and f.severity.value == "warning"
    kept = pair(source, ["Её раскритиковал Ари Флейшер. «Гневно», — пишет Флейшер."], "ru")
    assert list(NA01().check(kept)) == []
    first_name_dropped = pair(
        ["President Donald Trump spoke."], ["Выступил президент Трамп."], "ru"
    )
    assert list(NA01().check(first_name_dropped)) == []


@pytest.mark.skipif(not NTREX.is_dir(), reason="NTREX corpus absent")
def test_few_false_alarms_on_professional_translations():
    langs = ("ru", "kk", "az", "tk", "tr")
    lines = {
        lang: (NTREX / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
        for lang in ("en", *langs)
    }
    ids = (NTREX / "document_ids.txt").read_text(encoding="utf-8").splitlines()
    embedder = load_embedder(DEFAULT_MODEL)  # word alignment, as in a real run
    alarms = 0
    for doc in sorted(set(ids))[::3]:
        rows = [i for i, d in enumerate(ids) if d == doc]
        ctx = release(
            [lines["en"][i] for i in rows],
            {lang: [lines[lang][i] for i in rows] for lang in langs},
            embedder=embedder,
        )
        alarms += sum(
            f.severity.value != "info" for r in (NA01(), NA02()) for f in r.check_release(ctx)
        )
    pairs = sum(1 for d in ids if d in set(sorted(set(ids))[::3])) * len(langs)
    # Issue 12 made every name the other versions render a warning where it is left out
    # (dropped/replaced name recall 0.09 -> 0.6+): 0.89 warnings per 50 pairs here, counted
    # (README: the judged rate on the untouched half). This guards against more.
    assert alarms * 50 / pairs <= 1.0


def test_the_severity_table_is_printed_in_its_module_docstring():
    from aligncheck.checks.name import common

    rows = [line.split(" ..") for line in common.__doc__.splitlines() if " .." in line]
    printed = [(row[0].strip(), row[-1].strip(". ")) for row in rows]
    assert printed == [(reason, outcome) for _, outcome, reason in common.SEVERITY_TABLE]


def test_an_acronym_with_the_english_possessive_is_still_an_acronym():
    text = "The series ran on HBO's channel, and NATO’s envoy met the A320's crew."
    found = [(m.text, m.kind) for m in extract_names(text, "en", document_evidence([text], "en"))]
    assert ("HBO", "acronym") in found and ("NATO", "acronym") in found
    assert ("A320's", "code") in found
    [f] = list(NA02().check(pair(["The series ran on HBO's channel."], ["Сериал шёл."], "ru")))
    assert f.source_text == "HBO" and f.severity.value == "warning"
    assert (
        list(NA02().check(pair(["The series ran on HBO's channel."], ["Сериал шёл на HBO."], "ru")))
        == []
    )


def test_words_of_a_name_too_far_apart_give_the_likest_one_when_the_surname_is_not_needed():
    text = (
        "Ойын “Этихад“ алаңында өтті, ал бұл туралы көп айтылды және жазылды, "
        "бірақ кейін “Манчестер Ситиос“ жеңді."
    )
    hit = find_name("Etihad Sitia", "en", text, "kk", 0.7, need_last=False)
    assert hit is not None and hit.text == "Этихад"  # 1.0, where Ситиос scores 0.8
    last = find_name("Etihad Sitia", "en", text, "kk", 0.7)
    assert last is not None and last.text == "Ситиос"  # the surname, when it is needed


def test_a_coined_name_with_a_common_noun_suffix_is_part_of_its_name():
    text = "Lee is the head of Sinovation Ventures, which answered the Trump Administration."
    found = [(m.text, m.kind) for m in extract_names(text, "en")]
    assert ("Sinovation Ventures", "name") in found  # -ation, but on no English word list
    assert ("Trump Administration", "name") not in found  # an English word: a common noun
