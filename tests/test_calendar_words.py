"""Weekdays and months without a full date (extract/calendar.py) and rule DA02."""

import pytest
from factories import pair, release

from aligncheck.checks.date.DA02 import DA02
from aligncheck.extract.calendar import calendar_words
from aligncheck.extract.dates import extract_dates


def found(text, lang):
    return [(w.kind, w.value) for w in calendar_words(text, lang)]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("He left on Friday and came back in November.", "en", [("weekday", 4), ("month", 11)]),
        ("Он уехал в пятницу и вернулся в ноябре.", "ru", [("weekday", 4), ("month", 11)]),
        ("На декабрьских выборах, субботняя игра", "ru", [("month", 12), ("weekday", 5)]),
        ("Cuma günü gitti, kasımda döndü.", "tr", [("weekday", 4), ("month", 11)]),
        ("Ол жұмада кетіп, қарашада оралды.", "kk", [("weekday", 4), ("month", 11)]),
        ("O, cümə axşamı gəldi, İyul ayında getdi.", "az", [("weekday", 3), ("month", 7)]),
        ("Ol anna güni gitdi, noýabrda gaýtdy.", "tk", [("weekday", 4), ("month", 11)]),
    ],
)
def test_weekdays_and_months_in_their_case_forms(text, lang, expected):
    assert found(text, lang) == expected


def test_words_that_only_look_like_calendar_words_are_not_them():
    assert found("Среди прочих средств.", "ru") == []  # среда is not среди
    assert found("Yrgyldaýan maýatnigi.", "tk") == []  # maý with a long ending
    assert found("Martin'de kaldı.", "tr") == []  # before an apostrophe stands the whole name
    assert found("It may rain and they march.", "en") == []
    assert found("She met the Prime Minister Theresa May there.", "en") == []
    assert found("The vote is on 5 November 2020.", "en") == []  # a full date: DA01's


def test_a_dotted_capital_i_lower_cases_the_turkic_way():
    [date] = extract_dates("5 İyun 2020-ci ildə", "az")
    assert (date.day, date.month, date.year) == (5, 6, 2020)


def test_da02_reports_a_changed_weekday_and_a_left_out_month():
    ctx = pair(
        ["The talks resume on Friday and end in November."],
        ["Переговоры возобновятся в четверг и завершатся осенью."],
        "ru",
    )
    found = sorted((f.severity.value, f.source_text, f.target_text) for f in DA02().check(ctx))
    assert found == [("error", "Friday", "четверг"), ("warning", "November", None)]


def test_da02_a_weekday_most_versions_leave_out_is_their_choice():
    source = ["The Mail on Sunday reported it."]
    ctx = release(
        source,
        {
            "ru": ["Об этом сообщила газета Mail."],
            "kk": ["Бұл туралы Mail газеті хабарлады."],
            "tr": ["Bunu Mail gazetesi bildirdi."],
        },
    )
    assert list(DA02().check_release(ctx)) == []
    ctx = release(
        ["The ferry sails on Sunday."],
        {
            "ru": ["Паром отходит в воскресенье."],
            "kk": ["Паром жексенбіде жүзеді."],
            "tr": ["Feribot kalkıyor."],
        },
    )
    [f] = DA02().check_release(ctx)
    assert (f.lang, f.severity.value) == ("tr", "warning")


def test_da02_a_weekday_carried_over_untranslated_is_part_of_a_name():
    ctx = pair(
        ["She hosted Saturday Night Live last week."],
        ["Geçen hafta Saturday Night Live programını sundu."],
        "tr",
    )
    assert list(DA02().check(ctx)) == []
    ctx = pair(["She hosted the show on Saturday."], ["Programı sundu."], "tr")
    assert [f.source_text for f in DA02().check(ctx)] == ["Saturday"]


def test_a_short_turkic_weekday_takes_a_three_letter_case_ending_but_no_other():
    assert [w.value for w in calendar_words("жұмадан кешіктірмей", "kk")] == [4]  # from Friday
    assert [w.value for w in calendar_words("salıdan beri", "tr")] == [1]
    assert calendar_words("salınım arttı", "tr") == []  # oscillation, no Tuesday


@pytest.mark.parametrize(
    "source, target, lang, written",
    [
        (
            "Expect a warm start to October.",
            "Oktaybrdan isti başlanğıc gözlənilir.",
            "az",
            "Oktaybrdan",
        ),
        (
            "As of Sunday morning, rain fell.",
            "По состоянию на воскресное утро шёл дождь.",
            "ru",
            "воскресное",
        ),
        ("Showers arrive early Monday.", "Ýagyş düşenbe ir bilen geler.", "tk", "düşenbe"),
    ],
)
def test_da02_a_name_spelt_otherwise_is_an_info_naming_the_word(source, target, lang, written):
    [f] = DA02().check(pair([source], [target], lang))
    assert (f.severity.value, f.target_text) == ("info", written)
    assert f"written '{written}'" in f.message


def test_da02_another_day_of_a_shared_ending_is_no_looser_spelling():
    # tk penşenbe (Thursday) and sişenbe (Tuesday) share most letters with duşenbe (Monday)
    for day in ("penşenbe", "sişenbe", "çarşenbe"):
        found = [
            (f.severity.value, f.target_text)
            for f in DA02().check(
                pair(["Talks end on Monday."], [f"Gepleşikler {day} gutarar."], "tk")
            )
        ]
        assert found == [("error", day)]
    [f] = DA02().check(pair(["Talks end on Monday."], ["Gepleşikler gutarar."], "tk"))
    assert (f.severity.value, f.target_text) == ("warning", None)


def test_da02_a_title_carried_over_covers_only_its_own_weekday():
    source = ["He wrote on Saturday, before his appearance on Saturday Night Live."]
    kept = ["Şənbə günü yazdı, Saturday Night Live verlişindən əvvəl."]
    assert list(DA02().check(pair(source, kept, "az"))) == []
    dropped = ["Yazdı, Saturday Night Live verlişindən əvvəl."]
    [f] = DA02().check(pair(source, dropped, "az"))
    assert (f.severity.value, f.source_text) == ("warning", "Saturday")
