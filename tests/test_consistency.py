import factories

from aligncheck.checks.base import ReleaseContext
from aligncheck.checks.consistency.CO01 import CO01
from aligncheck.checks.consistency.CO02 import CO02
from aligncheck.checks.consistency.variants import same_spelling, spellings
from aligncheck.glossary import extract_glossary
from aligncheck.glossary.reader import parse_table
from aligncheck.model import ReleaseResult, TargetResult

SOURCE = [
    "Mr. Nurlan Abenov opened the “Clean Steppe Air” forum.",
    "Mr. Abenov said the “Clean Steppe Air” plan starts in May.",
    "Mr. Abenov thanked the donors.",
]


def release(targets: dict[str, list[str]], glossary_text: str | None = None) -> ReleaseContext:
    glossaries = [parse_table(glossary_text, "g.tsv", "\t")] if glossary_text else []
    return factories.release(SOURCE, targets, glossaries=glossaries)


KK_GOOD = [
    "Нұрлан Әбенов мырза «Таза дала ауасы» форумын ашты.",
    "Әбенов мырза «Таза дала ауасы» жоспары мамырда басталатынын айтты.",
    "Әбеновтің алғысы демеушілерге арналды.",
]


def test_same_spelling_ignores_inflection_only():
    assert same_spelling("Әбенов", "Әбеновтің", "kk")
    assert same_spelling("Абенова", "Абеновым", "ru")
    assert not same_spelling("Әбенов", "Абенов", "kk")
    assert not same_spelling("Berdiyev", "Berdiev", "tk")
    assert spellings(["Әбенов", "Әбеновтің", "Абенов"], "kk") == [("Әбенов", 2), ("Абенов", 1)]


def test_co01_name_spelled_two_ways_in_one_version():
    bad = KK_GOOD[:2] + ["Абеновтің алғысы демеушілерге арналды."]
    [f] = list(CO01().check_release(release({"kk": bad})))
    assert f.lang == "kk" and f.target_segments == (2,) and f.target_text == "Абеновтің"
    assert "'Әбенов' (2x)" in f.message and "'Абеновтің' (1x)" in f.message
    assert list(CO01().check_release(release({"kk": KK_GOOD}))) == []


def test_co01_two_source_names_that_sound_alike_are_two_names():
    # Wayde and Wade key alike as they sound; the source spells two people, each kept as is
    source = [
        "Police arrested a suspect in the death of Wayde Sims.",
        "After questioning him, police said he admitted to shooting Wayde.",
        "Coach Will Wade said the team was devastated by the death.",
        '"This is what you worry about," Wade said.',
    ]
    target = [
        "Polis, Wayde Sims'in ölümüyle ilgili bir şüpheliyi tutukladı.",
        "Polis, sorgunun ardından onun Wayde'i vurduğunu itiraf ettiğini söyledi.",
        "Koç Will Wade, takımın bu ölümle sarsıldığını söyledi.",
        'Wade, "Her zaman endişelendiğiniz şey budur" dedi.',
    ]
    assert list(CO01().check_release(factories.release(source, {"tr": target}))) == []


def test_co01_glossary_alternatives_mixed_in_one_version():
    glossary = "en\tru\nClean Steppe Air\tЧистый воздух степи | Чистый степной воздух\n"
    ru = [
        "Г-н Нурлан Абенов открыл форум «Чистый воздух степи».",
        "Г-н Абенов сказал, что план «Чистый степной воздух» начнётся в мае.",
        "Г-н Абенов поблагодарил доноров.",
    ]
    [f] = list(CO01().check_release(release({"ru": ru}, glossary)))
    assert "Clean Steppe Air" in f.message and f.target_segments == (1,)


TITLES = (
    "en\tru\tkk\tkind\tkk:note\n"
    "Clean Steppe Air\tЧистый воздух степи\tТаза дала ауасы\ttitle\t"
    '«Дала тынысы» = "breath of the steppe"\n'
)


def test_co02_reports_each_deviating_language_with_back_meaning():
    kk = ["Нұрлан Әбенов мырза «Дала тынысы» форумын ашты."] + KK_GOOD[1:]
    ru = [
        "Г-н Нурлан Абенов открыл форум «Чистый воздух степи».",
        "Г-н Абенов сказал, что план «Чистого воздуха степи» начнётся в мае.",
        "Г-н Абенов поблагодарил доноров.",
    ]
    [f] = list(CO02().check_release(release({"ru": ru, "kk": kk}, TITLES)))
    assert f.lang == "kk" and f.target_segments == (0,)
    assert "(1 of 2 places differ)" in f.message and "found 'Дала тынысы'" in f.message
    assert "breath of the steppe" in f.message


def test_extract_glossary_lists_renderings_and_flags_inconsistency():
    ctx = release(
        {
            "kk": [
                "Нұрлан Әбенов мырза «Таза дала ауасы» форумын ашты.",
                "Әбенов мырза «Дала тынысы» жоспары мамырда басталатынын айтты.",
                "Әбеновтің алғысы демеушілерге арналды.",
            ]
        }
    )
    pair = ctx.pairs[0]
    result = ReleaseResult("r", ctx.source, (TargetResult(pair.target, pair.links),), ())
    rows = [line.split("\t") for line in extract_glossary([result]).splitlines()]
    assert rows[0] == ["en", "kk", "kind", "note"]
    title = next(r for r in rows if r[0] == "Clean Steppe Air")
    assert title[2] == "title" and set(title[1].split(" | ")) == {"Таза дала ауасы", "Дала тынысы"}
    assert "INCONSISTENT kk" in title[3]
    name = next(r for r in rows if r[0] == "Nurlan Abenov")
    assert name[1] == "Нұрлан Әбенов"
