"""NA01/NA02: acronyms a version renders in words (spelled out by the document, common nouns,
a localised form written out, a neighbour's expansion) and losses blamed on the right mention."""

from factories import pair

from aligncheck.checks.name.NA01 import NA01
from aligncheck.checks.name.NA02 import NA02
from aligncheck.extract.name_match import initials_run, literal_count
from aligncheck.extract.names import (
    NameEvidence,
    document_expansions,
    extract_names,
    known_expansions,
)
from aligncheck.glossary.find import LinkText
from aligncheck.model import Document
from aligncheck.segment import segment_document


def severities(rule, ctx) -> list[tuple[str, str]]:
    return [(f.source_text, f.severity.value) for f in rule.check(ctx)]


def expansions(paragraphs, acronym):
    return [" ".join(w.text for w in run) for run in document_expansions(paragraphs, acronym)]


def test_the_document_spelling_an_acronym_out_earlier_or_beside_it():
    assert "Regional Drought Panel members" in expansions(
        ["Delegates, or RDPs (Regional Drought Panel members), met."], "RDP"
    )
    assert expansions(["Karina Luisa Ortega Vidal spoke; KLOV is her nickname."], "KLOV") == [
        "Karina Luisa Ortega Vidal"
    ]
    assert expansions(["The RDP met on Monday."], "RDP") == []
    assert expansions(["Two panels (the regional ones) met; the RDP voted."], "RDP") == []


def test_an_acronym_the_document_spelled_out_may_be_rendered_by_its_expansion():
    source = [
        "The Regional Drought Panel (RDP) met in March.",
        "Farmers say the RDP ignored the northern wells.",
    ]
    expanded = [
        "Региональная засушливая комиссия (RDP) собралась в марте.",
        "Фермеры говорят, что региональная комиссия забыла о северных колодцах.",
    ]
    assert severities(NA02(), pair(source, expanded, "ru")) == [("RDP", "info")]
    # spelled out, but no word of the expansion where it is missing: a loss
    dropped = [
        "Региональная засушливая комиссия (RDP) собралась в марте.",
        "Фермеры говорят, что она забыла о северных колодцах.",
    ]
    assert severities(NA02(), pair(source, dropped, "ru")) == [("RDP", "warning")]


def test_another_acronym_written_in_the_missing_ones_place_stays_a_warning():
    source = [
        "Regional Drought Panel members (RDPs) met.",
        "The panel liked KDPs, but the RDP label won the vote.",
    ]
    target = [
        "Члены Региональной засушливой комиссии (RDP) собрались.",
        "Региональной комиссии понравилось KDP, но в голосовании победило название KDP.",
    ]
    assert (
        literal_count("KDP", target[1]) == 2 and literal_count("KDP", source[1], plural=True) == 1
    )
    assert ("RDP", "warning") in severities(NA02(), pair(source, target, "ru"))


def test_a_commonly_translated_acronym_rendered_in_words_is_an_info():
    assert known_expansions("CFOs") == known_expansions("CFO") != ()
    assert known_expansions("UNEP") == ()
    source = ["The new CFO wants LED lamps in every branch office."]
    target = ["Новый финансовый директор хочет светодиодные лампы в каждом филиале."]
    assert severities(NA02(), pair(source, target, "ru")) == [("CFO", "info"), ("LED", "info")]
    # the same acronyms left out without their words: warnings
    target = ["Новый руководитель хочет яркие лампы в каждом филиале."]
    assert severities(NA02(), pair(source, target, "ru")) == [
        ("CFO", "warning"),
        ("LED", "warning"),
    ]
    # a word the source writes itself is no evidence (Federal here renders "federal")
    source = ["The FBI asked federal judges for more time."]
    target = ["Federal hakimlərdən əlavə vaxt istənilib."]
    assert severities(NA02(), pair(source, target, "az")) == [("FBI", "warning")]


def test_a_localised_form_the_version_uses_is_also_written_out():
    target = segment_document(Document("kk.txt", "kk", "Кеше Өңірлік су кеңесі жиналды."))
    span = initials_run(LinkText(target, (0,)), "ӨСК")
    assert span is not None and target.segments[0].text[span[0] : span[1]] == "Өңірлік су кеңесі"
    assert initials_run(LinkText(target, (0,)), "ӨКС") is None
    source = ["The RWC met in May.", "Later the RWC closed two wells."]
    written = ["Мамырда ӨСК жиналды.", "Кейін Өңірлік су кеңесі екі құдықты жапты."]
    assert severities(NA02(), pair(source, written, "kk")) == []
    dropped = ["Мамырда ӨСК жиналды.", "Кейін кеңес екі құдықты жапты."]
    assert ("RWC", "warning") in severities(NA02(), pair(source, dropped, "kk"))


def test_a_neighbour_languages_expansion_in_the_targets_spelling_renders_the_acronym():
    source = ["Farmers want a deal with the EU before spring."]
    target = ["Fermerlər yazdan əvvəl Avropa Birliyi ilə razılaşma istəyirlər."]
    assert severities(NA02(), pair(source, target, "az")) == []


def test_a_religious_title_is_not_part_of_the_name():
    text = "Later Father Okafor blessed the bells."
    mentions = extract_names(text, "en", NameEvidence(surnames=frozenset({"Okafor"})))
    assert [(m.text, m.kind) for m in mentions] == [("Okafor", "person")]


def test_a_surname_lost_from_one_full_name_is_blamed_on_that_name():
    source = [
        "Rev. Tobias Reed Okafor founded the choir. Father Okafor's son, "
        "Rev. Samuel Okafor, now leads it."
    ]
    target = [
        "Хорды қасиетті Тобиас Рид құрған. Әке Окафордың ұлы, қасиетті "
        "Сэмюэл Окафор, қазір оны басқарады."
    ]
    found = [
        (f.source_text, f.severity.value)
        for f in NA01().check(pair(source, target, "kk"))
        if f.severity.value != "info"
    ]
    assert found == [("Tobias Reed Okafor", "warning")]


def test_a_looser_spelling_must_sound_like_the_name():
    source = ["Mr. Merriweather said the bells were tuned in May."]
    loose = pair(source, ["Г-н Мерриуэзер сказал, что колокола настроили в мае."], "ru")
    assert [f.severity.value for f in NA01().check(loose)] in ([], ["info"])
    other = pair(source, ["Г-н Риверсайд сказал, что колокола настроили в мае."], "ru")
    assert severities(NA01(), other) == [("Merriweather", "warning")]
    strewn = pair(
        ["Ms. Valentina Orlova opened the fair."],
        ["Ярмарку открыла Вера, а Оксана Лаврова пришла позже."],
        "ru",
    )
    assert severities(NA01(), strewn) == [("Valentina Orlova", "warning")]
