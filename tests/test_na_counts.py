"""NA01/NA02: names and acronyms a link names more often than its target renders them, and
acronyms rendered otherwise (localised, spelled by parts, by their expansion)."""

from factories import pair

from aligncheck.checks.name.NA01 import NA01
from aligncheck.checks.name.NA02 import NA02
from aligncheck.extract.names import capitalised_expansions, document_spells


def reported(rule, ctx) -> list[str]:
    return [f.source_text for f in rule.check(ctx) if f.severity.value != "info"]


SURNAME_TWICE = [
    "Minister Karl Brandt opened the new bridge on Monday. Later Brandt thanked the builders."
]


def test_a_surname_the_source_writes_twice_must_be_rendered_twice():
    both = pair(
        SURNAME_TWICE,
        [
            (
                "Министр Карл Брандт открыл новый мост в понедельник. "
                "Позже Брандт поблагодарил строителей."
            )
        ],
        "ru",
    )
    assert reported(NA01(), both) == []
    replaced = pair(
        SURNAME_TWICE,
        [
            (
                "Министр Карл Брандт открыл новый мост в понедельник. "
                "Позже Йенс Ольсен поблагодарил строителей."
            )
        ],
        "ru",
    )
    [f] = [f for f in NA01().check(replaced) if f.severity.value != "info"]
    assert f.source_text == "Brandt" and "2 times, rendered 1" in f.message


def test_a_surname_written_in_another_case_counts_as_the_same_name():
    source = ["Captain Ewan Macdonald was sent off, and later MacDonald scored from close range."]
    kept = pair(
        source,
        ["Капитан Юэн Макдональд был удалён, а позже Макдональд забил с близкого расстояния."],
        "ru",
    )
    assert reported(NA01(), kept) == []
    replaced = pair(
        source,
        ["Капитан Лиам Коннор был удалён, а позже Макдональд забил с близкого расстояния."],
        "ru",
    )
    assert reported(NA01(), replaced) == ["Ewan Macdonald"]


def test_an_acronym_counts_with_its_capitalised_expansion_when_a_glossary_renders_both():
    source = ["Leaving the European Union is costly, and the EU will not reopen the deal."]
    both = pair(
        source, ["Выход из Евросоюза обойдётся дорого, и ЕС не станет пересматривать сделку."], "ru"
    )
    assert reported(NA02(), both) == []
    one_lost = pair(
        source,
        ["Выход из Евросоюза обойдётся дорого, и Брюссель не станет пересматривать сделку."],
        "ru",
    )
    assert reported(NA02(), one_lost) == ["EU"]


def test_a_target_that_defines_the_acronym_in_brackets_may_name_it_in_words_later():
    source = ["The WRF funds wetlands. The WRF also trains rangers."]
    target = ["Водный резервный фонд (WRF) финансирует болота. Фонд также обучает егерей."]
    assert reported(NA02(), pair(source, target, "ru")) == []


def test_a_localised_form_belongs_to_the_acronym_of_its_length_the_link_still_needs():
    source = ["DARPA backs AI Next. The NSF spends more on AI research."]
    target = ["DARPA поддерживает AI Next. Фонд тратит больше на исследования ИИ."]
    assert reported(NA02(), pair(source, target, "ru")) == ["NSF"]


def test_a_capitalised_expansion_written_once_more_renders_the_acronym():
    source = ["This JE outing has a few good scenes, and Johnny English still wears armour."]
    expanded = pair(
        source,
        ["Bu Johnny English filminde birkaç iyi sahne var ve Johnny English hâlâ zırh giyiyor."],
        "tr",
    )
    assert reported(NA02(), expanded) == []
    source = ["Mexico's AMLO vows reform. President Andres Manuel Lopez Obrador spoke on Saturday."]
    dropped = pair(
        source,
        ["Meksika reform sözü verdi. Başkan Andres Manuel Lopez Obrador cumartesi konuştu."],
        "tr",
    )
    assert reported(NA02(), dropped) == ["AMLO"]


def test_a_hyphenated_acronym_is_matched_part_by_part():
    source = ["The rapper JAY-Z changed his name again."]
    assert reported(NA02(), pair(source, ["Рэпер Джей-Зи снова сменил имя."], "ru")) == []


def test_expansions_found_in_text():
    assert [
        [w.text for w in run]
        for run in capitalised_expansions(
            "the European Union and the United Nations General Assembly", ["e", "u"], whole=True
        )
    ] == [["European", "Union"]]
    assert capitalised_expansions("United Nations General Assembly", ["u", "n"], whole=True) == []
    assert document_spells(("Work on artificial intelligence grows.",), "AI")
    assert not document_spells(("The European Union met.",), "EU")


def test_an_expansion_in_a_form_the_glossary_does_not_list_still_counts():
    source = ["Talks with the European Union resumed, and the EU sent a new envoy."]
    target = ["Avropa Birliyi ilə danışıqlar bərpa olundu və Aİ yeni elçi göndərdi."]
    assert reported(NA02(), pair(source, target, "az")) == []


def test_initials_spelled_with_a_digraph_are_a_localised_acronym():
    source = ["There are nice moments in this JE outing."]
    assert reported(NA02(), pair(source, ["ДжИ-дің бұл турында жақсы сәттер бар."], "kk")) == []


def test_an_acronym_with_a_lower_case_expansion_in_the_document_may_be_rendered_by_it():
    source = [
        "Research on artificial intelligence grows.",
        "The AI Next plan funds new AI research.",
    ]
    target = [
        "Жасанды интеллект саласындағы зерттеулер өсуде.",
        "AI Next жоспары жасанды интеллект зерттеулерін қаржыландырады.",
    ]
    assert reported(NA02(), pair(source, target, "kk")) == []


def test_a_neighbour_languages_established_acronym_is_no_loss():
    source = ["Turkey's accession to the EU was discussed."]
    assert (
        reported(NA02(), pair(source, ["Türkiyənin AB-yə daxil olması müzakirə edildi."], "az"))
        == []
    )
    assert reported(
        NA02(), pair(source, ["Türkiyənin birliyə daxil olması müzakirə edildi."], "az")
    ) == ["EU"]


def test_a_latin_acronym_the_source_document_writes_is_not_a_localised_form():
    source = ["CBS aired the hearing.", "Later the FBI opened an inquiry."]
    target = ["CBS dinləməni yayımladı.", "Sonra CBS araşdırma başlatdı."]
    assert reported(NA02(), pair(source, target, "az")) == ["FBI"]
