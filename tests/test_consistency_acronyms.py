"""CO01 and acronyms: a written-out form is no second spelling of the acronym, even where the
source spells the name out and abbreviates it in one paragraph; two spellings still count."""

import factories

from aligncheck.checks.base import ReleaseContext
from aligncheck.checks.consistency.CO01 import CO01, _abbreviated
from aligncheck.glossary.reader import parse_table


def release(
    source: list[str], lang: str, target: list[str], glossary_text: str | None = None
) -> ReleaseContext:
    glossaries = [parse_table(glossary_text, "g.tsv", "\t")] if glossary_text else []
    return factories.release(source, {lang: target}, glossaries=glossaries)


SOURCE = [
    "Farmers in the valley sell apricots to the European Union, and the EU now wants more.",
    "The EU will open a trade office in the valley next spring.",
    "Officials said the EU office would also advise farmers on exports.",
]


def test_acronym_spelled_out_and_abbreviated_in_one_paragraph_is_one_spelling():
    # capitalised as a name (translations do): its last word once read as a second spelling
    ru = [
        "Фермеры долины продают абрикосы в Европейский Союз, и теперь ЕС хочет больше.",
        "Следующей весной ЕС откроет в долине торговое представительство.",
        "Чиновники сообщили, что представительство ЕС также будет консультировать фермеров.",
    ]
    assert list(CO01().check_release(release(SOURCE, "ru", ru))) == []


def test_full_name_once_and_acronym_once_is_no_inconsistency():
    source = [
        "The delegation visited the United States in March. US officials met them twice.",
        "The US embassy hosted a dinner for the delegation.",
    ]
    ru = [
        (
            "В марте делегация посетила Соединённые Штаты. "
            "Официальные лица США дважды встречались с ней."
        ),
        "Посольство США устроило ужин для делегации.",
    ]
    assert list(CO01().check_release(release(source, "ru", ru))) == []


def test_acronym_written_out_in_one_paragraph_is_no_second_spelling():
    ru = [
        "Фермеры долины продают абрикосы в Европейский союз, и теперь ЕС хочет больше.",
        "Следующей весной Евросоюз откроет в долине торговое представительство.",
        "Чиновники сообщили, что представительство ЕС также будет консультировать фермеров.",
    ]
    assert list(CO01().check_release(release(SOURCE, "ru", ru))) == []


def test_two_spellings_of_an_acronym_are_still_reported():
    source = [
        "The UNEP team arrived on Monday.",
        "UNEP experts sampled the river water.",
        "The UNEP report is due in June.",
    ]
    ru = [
        "Команда ЮНЕП прибыла в понедельник.",
        "Эксперты UNEP взяли пробы речной воды.",
        "Доклад ЮНЕП ожидается в июне.",
    ]
    [f] = list(CO01().check_release(release(source, "ru", ru)))
    assert f.target_segments == (1,) and f.target_text == "UNEP"
    assert "'ЮНЕП' (2x)" in f.message and "'UNEP' (1x)" in f.message


def test_glossary_alternatives_follow_the_form_the_source_uses():
    glossary = "en\tru\tkind\nEU\tЕС | Европейский союз\tacronym\n"
    ru = [
        "Фермеры долины продают абрикосы в Европейский союз, и теперь ЕС хочет больше.",
        "Следующей весной ЕС откроет в долине торговое представительство.",
        "Чиновники сообщили, что представительство ЕС также будет консультировать фермеров.",
    ]
    assert list(CO01().check_release(release(SOURCE, "ru", ru, glossary))) == []
    mixed = ru[:2] + [
        "Чиновники сообщили, что представительство Европейского союза также будет "
        "консультировать фермеров."
    ]
    [f] = list(CO01().check_release(release(SOURCE, "ru", mixed, glossary)))
    assert f.target_segments == (2,) and "'ЕС' (2x)" in f.message


def test_abbreviated_forms():
    assert (
        _abbreviated("ЕС")
        and _abbreviated("AB'nin")
        and _abbreviated("НАТО-ның")
        and _abbreviated("Aİ")
    )
    assert (
        not _abbreviated("Евросоюз")
        and not _abbreviated("Европейский союз")
        and not _abbreviated("A")
    )
