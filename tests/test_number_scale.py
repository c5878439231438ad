"""A scale word changed with its number kept (issue 13: £9 billion -> 9 milyon)."""

import pytest
from factories import pair

from aligncheck.checks.number.NU01 import NU01


@pytest.mark.parametrize(
    "source, target, lang",
    [
        ("The plan costs £9 billion.", "Plan 9 milyon sterlinqə başa gəlir.", "az"),
        ("It has 2.5 million users.", "У него 2,5 млрд пользователей.", "ru"),
        ("It has 40 thousand users.", "Оның 40 миллион қолданушысы бар.", "kk"),
    ],
)
def test_a_changed_scale_word_is_a_changed_number(source, target, lang):
    [f] = NU01().check(pair([source], [target], lang))
    assert f.severity.value == "error" and "changed" in f.message


@pytest.mark.parametrize(
    "source, target, lang",
    [
        ("The plan costs £9 billion.", "План стоит 9 млрд фунтов.", "ru"),
        ("The plan costs £9 billion.", "Plan 9 milyar sterline mal oluyor.", "tr"),
        ("It has 2.5 million users.", "У него 2 500 000 пользователей.", "ru"),
        ("It has 2.5 million users.", "Onun 2,5 mln istifadəçisi var.", "az"),
    ],
)
def test_the_same_scale_in_words_abbreviated_or_written_out_is_the_same_number(
    source, target, lang
):
    assert list(NU01().check(pair([source], [target], lang))) == []


@pytest.mark.parametrize(
    "source, target, lang",
    [
        ("It took two decades to build.", "İnşası 20 yıl sürdü.", "tr"),
        ("They waited a week.", "Onlar 1 həftə gözlədilər.", "az"),
        ("Two dozen people came.", "Пришли 24 человека.", "ru"),
        ("Half a million people voted.", "Проголосовали 500 000 человек.", "ru"),
        ("The bridge is two centuries old.", "Мосту 200 лет.", "ru"),
    ],
)
def test_counts_the_words_imply_are_answered_by_figures(source, target, lang):
    assert list(NU01().check(pair([source], [target], lang))) == []


@pytest.mark.parametrize(
    "source, target, lang, expected",
    [
        ("It took two decades to build.", "İnşası 30 yıl sürdü.", "tr", "30"),
        ("They waited a week.", "Onlar 2 həftə gözlədilər.", "az", "2"),
        ("Half a million people voted.", "Проголосовали 600 000 человек.", "ru", "600000"),
    ],
)
def test_a_figure_that_is_not_the_implied_count_is_still_reported(source, target, lang, expected):
    [finding] = NU01().check(pair([source], [target], lang))
    assert expected in finding.message


def test_a_literal_both_sides_write_alike_carries_the_same_numbers():
    include = "{* ../../docs_src/body/tutorial001_py310.py hl[7,9,27:28,31:33] *}"
    assert list(NU01().check(pair([f"See {include} here."], [f"См. {include} здесь."], "ru"))) == []
    # only the shared literal is set aside: a changed number beside it is still reported
    [f] = NU01().check(
        pair(["File v2.1,3 holds 45 rows."], ["Файл v2.1,3 содержит 54 строки."], "ru")
    )
    assert "45" in f.message and "54" in f.message
    # and a literal written differently is compared as numbers
    assert list(NU01().check(pair(["Code a1,2 failed."], ["Код a1,3 не прошёл."], "ru")))


def test_a_time_written_alike_is_still_matched_as_a_time():
    ctx = pair(["They play at 12:55 p.m. on Tuesday."], ["Они играют во вторник в 12:55."], "ru")
    assert list(NU01().check(ctx)) == []
