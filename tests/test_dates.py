import pytest
from factories import line_segments

from aligncheck.checks.base import PairContext
from aligncheck.checks.date.DA01 import DA01
from aligncheck.checks.number.NU01 import NU01
from aligncheck.extract import extract_dates
from aligncheck.extract.dates import month_number
from aligncheck.model import Link


def check(source: str, target: str, lang: str = "ru", rule=DA01) -> list:
    ctx = PairContext(
        "t", line_segments("en", source), line_segments(lang, target), (Link((0,), (0,), 1.0),)
    )
    return list(rule().check(ctx))


def fields(text: str, lang: str) -> list[tuple]:
    return [d.fields() for d in extract_dates(text, lang)]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The fair opens on 9 October 2027.", "en"),
        ("The fair opens on October 9, 2027.", "en"),
        ("The fair opens on the 9th of October 2027.", "en"),
        ("Ярмарка откроется 9 октября 2027 года.", "ru"),
        ("Ярмарка откроется 9-го октября 2027 г.", "ru"),
        ("Жәрмеңке 2027 жылғы 9 қазанда ашылады.", "kk"),
        ("Жәрмеңке 2027 жылдың 9 қазанында ашылады.", "kk"),
        ("Yarmarka 9 oktyabr 2027-ci il tarixində açılır.", "az"),
        ("Yarmarka 2027-ci il 9 oktyabrda açılır.", "az"),
        ("Ýarmarka 2027-nji ýylyň 9-njy oktýabrynda açylýar.", "tk"),
        ("Fuar 9 Ekim 2027'de açılıyor.", "tr"),
        ("Fuar 09.10.2027 tarihinde açılıyor.", "tr"),
        ("The fair opens on 2027-10-09.", "en"),
    ],
)
def test_every_usual_form_is_the_same_date(text, lang):
    assert fields(text, lang) == [(2027, 10, 9, None)]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Talks are set for November 3-5.", "en", (None, 11, 3, 5)),
        ("Переговоры пройдут 3–5 ноября 2027 года.", "ru", (2027, 11, 3, 5)),
        ("Work resumes in November 2027.", "en", (2027, 11, None, None)),
        ("Работы возобновятся в ноябре 2027 года.", "ru", (2027, 11, None, None)),
        ("Жұмыс 2027 жылдың қарашасында қайта басталады.", "kk", (2027, 11, None, None)),
        ("Iş noýabrynda 2027-nji ýylda dowam eder.", "tk", (2027, 11, None, None)),
        ("Danışıqlar noyabrın 3-ü başlayır.", "az", (None, 11, 3, None)),
    ],
)
def test_ranges_and_partial_dates(text, lang, expected):
    assert fields(text, lang) == [expected]


def test_month_words_without_numbers_or_modal_may_are_not_dates():
    assert extract_dates("You may 5 times ask; the March of progress.", "en") == []
    assert extract_dates("Қазан толы ас, 5 адам келді.", "kk") == []
    assert extract_dates("Results from 78/147 and 3.5 points.", "en") == []


def test_changed_day_is_one_error_naming_both_dates():
    [f] = check("Signed on 3 March 2027 in Baku.", "Подписано 13 марта 2027 года в Баку.")
    assert f.message == 'date 3 March 2027 changed to 13 March 2027 ("13 марта 2027 года") in ru'
    target = "Подписано 13 марта 2027 года в Баку."
    assert target[f.target_span.start : f.target_span.end] == "13 марта 2027 года"
    assert (
        check("Signed on 3 March 2027 in Baku.", "Подписано 13 марта 2027 года в Баку.", rule=NU01)
        == []
    )


def test_changed_month_or_year_and_agreeing_forms():
    assert check("Due by 1 June 2028.", "Срок — 1 июня 2028 г.") == []
    [changed] = check("Due by 1 June 2028.", "1 iyul 2028-ci il", "az")
    assert changed.message.startswith("date 1 June 2028 changed to 1 July 2028")
    assert len(check("Due by 1 June 2028.", "2029 жылғы 1 маусым", "kk")) == 1
    assert check("Due by 1 June 2028.", "2028-nji ýylyň 1-nji iýunyna çenli", "tk") == []


def test_missing_and_extra_dates():
    [f] = check("Filed on 5 May 2026 in Astana.", "Подано в Астане.")
    assert f.message == 'date 5 May 2026 ("5 May 2026") missing in ru'
    [f] = check("Filed in Astana.", "Подано 5 мая 2026 года в Астане.")
    assert f.message == 'date 5 May 2026 ("5 мая 2026 года") in target not in source'


def test_a_missing_year_on_one_side_is_no_conflict():
    assert check("Talks resume on April 14.", "Переговоры возобновятся 14 апреля 2027 года.") == []


def test_a_year_or_day_the_target_leaves_out_is_a_warning():
    [f] = check("Troops fired on Oct. 2, 1968, in the square.", "Войска открыли огонь 2 октября.")
    assert f.severity.value == "warning"
    assert f.message.startswith("year of date 2 October 1968")
    assert f.source_text == "Oct. 2, 1968" and f.target_text.startswith("2 октября")
    [f] = check("The vote is on 14 April 2027.", "Голосование пройдёт в апреле 2027 года.")
    assert f.message.startswith("day of date 14 April 2027")


def test_a_left_out_year_written_elsewhere_in_the_link_is_no_finding():
    # the translator names the year once for both dates
    assert (
        check(
            "Talks ran from 2 May 2027 to 9 May 2027.",
            "Переговоры шли со 2 мая по 9 мая 2027 года.",
        )
        == []
    )


def test_month_names_do_not_depend_on_which_language_was_read_first():
    assert month_number("yanvar", "az") == 1
    assert month_number("Ocak", "tr") == 1 and month_number("yanvar", "tr") is None
    assert month_number("Ekimde", "tr") == 10 and month_number("сәуірде", "kk") == 4


def test_day_ranges_written_with_words():
    assert (
        check("The forum runs from May 12 to 14, 2027.", "Форум пройдёт с 12 по 14 мая 2027 года.")
        == []
    )
    [f] = check(
        "The forum runs from May 12 to 14, 2027.", "Форум пройдёт с 12 по 15 мая 2027 года."
    )
    assert f.message.startswith("date 12-14 May 2027 changed to 12-15 May 2027")


def test_abbreviations_outside_cldr_still_name_one_month():
    assert fields("Polls close on Sept. 30, 2029.", "en") == [(2029, 9, 30, None)]
    assert fields("Опрос до 30 сент. 2029 г.", "ru") == [(2029, 9, 30, None)]
    assert fields("We met Ma. 3 and Ju. 4.", "en") == []


@pytest.mark.parametrize(
    "lang, pattern",
    [
        ("en", "{d} {m} {y}"),
        ("ru", "{d} {m} {y} года"),
        ("az", "{d} {m} {y}-ci il"),
        ("tr", "{d} {m} {y}"),
        ("kk", "{y} жылғы {d} {m}"),
        ("tk", "{y}-nji ýylyň {d}-nji {m}"),
    ],
)
def test_every_month_of_every_language(lang, pattern):
    from babel.dates import get_month_names

    for month, name in get_month_names("wide", "format", lang).items():
        text = "Report: " + pattern.format(d=17, m=name, y=2031) + "."
        assert fields(text, lang) == [(2031, month, 17, None)], text


def test_month_forms_are_built_once_and_a_damaged_copy_is_rebuilt(tmp_path, monkeypatch):
    from aligncheck.extract import dates

    monkeypatch.setenv("ALIGNCHECK_CACHE_DIR", str(tmp_path))
    dates._locale_forms.cache_clear()
    built = dates._built_forms("ru")
    assert dates._locale_forms("ru") == built and built[0]["апреля"] == 4
    path = dates._forms_path("ru")
    assert path.is_relative_to(tmp_path) and path.exists()
    path.write_text("{not json", encoding="utf-8")
    dates._locale_forms.cache_clear()
    assert dates._locale_forms("ru") == built
    dates._locale_forms.cache_clear()
