from factories import pair

from aligncheck.checks.script.SC01 import SC01
from aligncheck.checks.script.SC02 import SC02


def test_latin_lookalike_inside_cyrillic_word_is_reported_with_code_point():
    ctx = pair("The mayor opened the bridge.", "Мэр открыл нoвый мост.", "ru")
    [f] = list(SC01().check(ctx))
    assert "U+006F" in f.message and f.target_text == "нoвый"
    text = ctx.target.segments[0].text
    assert text[f.target_span.start : f.target_span.end] == "нoвый"


def test_cyrillic_lookalike_in_latin_language():
    ctx = pair("Azerbaijan signed.", "Azәrbaycan imzaladı.", "az")
    [f] = list(SC01().check(ctx))
    assert "Cyrillic 'ә' U+04D9" in f.message


def test_no_alarm_on_acronyms_brands_and_national_letters():
    assert (
        list(
            SC01().check(
                pair(
                    "MWP sold the iPhone in Aqtobe.",
                    "MWP iPhone-ды Ақтөбеде сатты, әрі қарай.",
                    "kk",
                )
            )
        )
        == []
    )
    assert (
        list(
            SC01().check(
                pair(
                    "Azerbaijan and Turkmenistan.",
                    "Azərbaycan və Türkmənistan, ýaňy, ňň, žurnal.",
                    "az",
                )
            )
        )
        == []
    )


def test_mixed_word_copied_from_source_is_not_the_translator_fault():
    assert list(SC01().check(pair("Brand Mоlly is here.", "Бренд Mоlly здесь.", "ru"))) == []


def test_half_transliterated_name():
    ctx = pair("said Mr. Daniyar Seitkali, the minister.", "сказал министр Данияр Seitkali.", "ru")
    [f] = list(SC02().check(ctx))
    assert "'Seitkali'" in f.message and "Daniyar Seitkali" in f.message
    text = ctx.target.segments[0].text
    assert text[f.target_span.start : f.target_span.end] == "Seitkali"


def test_fully_transliterated_or_fully_kept_names_pass():
    for target in ("сказал министр Данияр Сейткали.", "сказал министр Daniyar Seitkali."):
        assert (
            list(SC02().check(pair("said Mr. Daniyar Seitkali, the minister.", target, "ru"))) == []
        )


def test_latin_brand_next_to_unrelated_cyrillic_word_is_not_a_name():
    ctx = pair(
        "Credit Suisse bank and Apple Music grew.",
        "Банк Credit Suisse и Сервис Apple Music выросли.",
        "ru",
    )
    assert list(SC02().check(ctx)) == []
