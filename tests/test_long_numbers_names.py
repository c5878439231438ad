"""Numbers and names in one very long paragraph: still paired, matched and reported (issue 10,
item 4), and through indexes, not by comparing everything with everything: the tests count
comparisons, never time."""

import random
from collections import Counter

import factories
from factories import counting

from aligncheck.checks.consistency.CO01 import CO01
from aligncheck.checks.name.NA01 import NA01
from aligncheck.checks.number.NU01 import NU01
from aligncheck.checks.script import SC02 as sc02
from aligncheck.extract import name_match as matching
from aligncheck.extract import number_match as nu01
from aligncheck.extract.numbers import extract_numbers
from aligncheck.lang import translit
from aligncheck.lang.morph import words

PEOPLE = [
    ("Bolat Ermekov", "Болат Ермеков"),
    ("Zarina Tulegenova", "Зарина Тулегенова"),
    ("Ruslan Omarov", "Руслан Омаров"),
]


def long_pair(sentences: int, seed: int = 3, change_at=(), drop_name_at: int = -1):
    """An en/ru paragraph of `sentences` sentences with figures and names; the sentences
    `change_at` get another figure in Russian, `drop_name_at` loses its name."""
    rng = random.Random(seed)
    en, ru = [], []
    for i in range(sentences):
        (name, name_ru), figure, share = (
            rng.choice(PEOPLE),
            2 * rng.randint(50, 4999),
            rng.randint(2, 97),
        )
        if i in (drop_name_at, drop_name_at + 50):  # a name met once, dropped; another kept
            name, name_ru = (
                ("Aigul Sarsenbayeva", "Наблюдатель")
                if i == drop_name_at
                else ("Daulet Kassymov", "Даулет Касымов")
            )
        en.append(f"On Monday the ranger {name} counted {figure} geese at lake number {share}.")
        ru.append(
            f"В понедельник смотритель {name_ru} насчитал {figure + (i in change_at)} гусей "
            f"у озера номер {share}."
        )
    return " ".join(en), " ".join(ru)


def test_changed_figures_in_a_long_paragraph_are_reported_comparing_only_candidates(monkeypatch):
    changes = range(7, 3000, 20)
    source, target = long_pair(3000, change_at=changes)
    compared = [0]

    def counted(test):
        def same(a, b):
            compared[0] += 1
            return test(a, b)

        return same

    monkeypatch.setattr(nu01, "TIERS", tuple(counted(t) for t in nu01.TIERS))  # tested first
    monkeypatch.setattr(nu01, "MATCHES", tuple(counted(m) for m in nu01.MATCHES))
    findings = list(NU01().check(factories.pair(source, target)))
    sentences = source.split(". ")
    changed = [int(sentences[i].split(" counted ")[1].split()[0]) for i in changes]
    assert len(findings) == len(changes) and all(" changed to " in f.message for f in findings)
    assert Counter(int(f.source_text) for f in findings) == Counter(changed)
    assert Counter(
        int(target[f.target_span.start : f.target_span.end]) for f in findings
    ) == Counter(n + 1 for n in changed)  # figures are even: an odd one is a changed one
    # 6000 mentions a side: all against all would be tens of millions of comparisons
    assert compared[0] < 50 * 6000


FIGURES_EN = [
    "5",
    "five",
    "the first",
    "1,500",
    "30 miles",
    "48 km",
    "6-foot-6",
    "one of",
    "two",
    "12%",
    "80 degrees",
    "decades",
    "5,000",
    "1-0",
    "7 or 8",
    "10 inches",
    "2020",
    "nine",
    "40",
]
FIGURES_RU = [
    "5",
    "пять",
    "первую",
    "1,5",
    "48 км",
    "30 миль",
    "198 см",
    "один из",
    "двое",
    "12 %",
    "27 °C",
    "десятилетия",
    "тысячи",
    "1:0",
    "7 или 8",
    "25 см",
    "2020",
    "девять",
    "пятью",
    "четырёхдневный",
    "6",
    "41",
]


UNITLESS = {
    "en": ["1,500", "1.5", "2,5", "2500", "25", "the first", "10", "4"],
    "ru": ["1 500", "1,5", "2,5", "2500", "25", "1.500", "первый", "10", "4"],
}


class _AllLinked:
    """Every value in one component: `_augment` then tries every source."""

    def __init__(self, *args):
        pass

    def find(self, value):
        return 0


def test_indexed_pairing_makes_the_decisions_of_trying_every_partner(monkeypatch):
    rng = random.Random(5)
    cases = []
    for en_words, ru_words in ((FIGURES_EN, FIGURES_RU), (UNITLESS["en"], UNITLESS["ru"])):
        for _ in range(400):
            en = " and ".join(rng.choice(en_words) for _ in range(rng.randint(0, 12)))
            ru = " и ".join(rng.choice(ru_words) for _ in range(rng.randint(0, 12)))
            cases.append(
                (
                    [(0, m) for m in extract_numbers(en, "en")],
                    [(0, m) for m in extract_numbers(ru, "ru")],
                )
            )
    indexed = [(nu01.unmatched(list(s), list(t)), s, t) for s, t in cases]
    scan = nu01._pair_off
    monkeypatch.setattr(
        nu01, "_pair_off", lambda left, right, same, *index: scan(left, right, same)
    )
    monkeypatch.setattr(nu01, "_Linked", _AllLinked)
    for found, s, t in indexed:
        assert nu01.unmatched(list(s), list(t)) == found
        assert nu01.pair_changes(*found) == nu01.pair_changes(*nu01.unmatched(list(s), list(t)))


def test_a_dropped_name_deep_in_a_long_paragraph_is_reported_and_others_found(monkeypatch):
    source, target = long_pair(1500, drop_name_at=1400)
    scored = counting(monkeypatch, translit, "token_score")
    searched = counting(monkeypatch, matching, "find_literal")
    findings = list(NA01().check(factories.pair(source, target)))
    assert [f.source_text for f in findings] == ["Aigul Sarsenbayeva"]
    assert searched[0] <= 2 * (len(PEOPLE) + 2)  # once per name, not once per mention
    assert scored[0] < 20 * 1500  # each distinct word once per search, not each occurrence


def test_a_name_word_beside_a_matched_one_is_taken_without_scanning_the_paragraph(monkeypatch):
    filler = " ".join(f"Озеро номер {i} замерзло." for i in range(4000))
    text = f"{filler} Вчера Ларри Джайлз уехал."
    monkeypatch.setattr(
        translit, "text_between", lambda *a: (_ for _ in ()).throw(AssertionError("scan"))
    )
    hit = translit.find_name("Larry Giles", "en", text, "ru", 0.8)
    assert hit is not None and hit.text == "Ларри Джайлз"


def test_neighbour_lookup_agrees_with_scanning_the_tokens(monkeypatch):
    rng = random.Random(9)
    vocabulary = [
        "Ларри",
        "Джайлз",
        "Лари",
        "Джайлса",
        "Гайлс",
        "и",
        "сказал",
        "Ли-Энн",
        "Гилс",
        "вчера",
    ]
    cases = []
    for _ in range(300):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 12)))
        name = rng.choice(["Larry Giles", "Lee Ann Giles", "Larry Gill"])
        cases.append((name, text, translit.find_name(name, "en", text, "ru", 0.8, learned={})))
    monkeypatch.setattr(translit._TokenTable, "next_to", lambda self, end, start: None)
    for name, text, found in cases:
        assert translit.find_name(name, "en", text, "ru", 0.8, learned={}) == found


def test_a_token_list_is_found_again_by_identity():
    tokens = words("Болат Ермеков и Зарина Тулегенова приехали.")
    table = translit._token_table(tokens, "en", "ru")
    tokens.append(words("Омаров")[0])  # a list grown in place is another list
    assert translit._token_table(tokens, "en", "ru") is not table
    assert translit.find_word("Omarov", "en", tokens, "ru", 0.8).text == "Омаров"


def test_a_half_transliterated_name_deep_in_a_long_paragraph_is_reported(monkeypatch):
    source, target = long_pair(2000)
    # mixed-script runs that half-transliterate nothing: each is weighed against the source's runs
    source = source.replace("geese at", "geese (the Apple Music service streamed it) at")
    target = target.replace("гусей у", "гусей (Сервис Apple Music транслировал это) у")
    at = target.index("Болат Ермеков", len(target) * 9 // 10)
    target = target[:at] + "Болат Ermekov" + target[at + len("Болат Ермеков") :]
    scripts = counting(monkeypatch, sc02, "word_script")
    [finding] = list(sc02.SC02().check(factories.pair(source, target)))
    assert finding.target_text == "Болат Ermekov" and finding.target_span.start > at
    assert scripts[0] < 20 * 2000  # not every source name run for every mixed target run


def test_a_name_spelled_two_ways_deep_in_a_long_paragraph_and_after_it_is_reported():
    source, target = long_pair(1500, drop_name_at=1400)  # Даулет Касымов at sentence 1450
    release = factories.release(
        [source, "On Friday Daulet Kassymov left."],
        {"ru": [target, "В пятницу Даулет Касимов уехал."]},
    )
    [finding] = list(CO01().check_release(release))
    assert "'Касимов' (1x)" in finding.message and "'Касымов' (1x)" in finding.message


def test_a_dropped_acronym_after_many_kept_ones_is_reported(monkeypatch):
    from aligncheck.checks.name.NA02 import NA02

    en = " ".join(f"The NATO and UNEP envoys met {i} farmers near Taraz." for i in range(1500))
    ru = " ".join(f"Посланники НАТО и ЮНЕП встретили {i} фермеров у Тараза." for i in range(1500))
    ctx = factories.pair(en + " The OSCE observers left.", ru + " Наблюдатели уехали.")
    looked_up = counting(monkeypatch, matching, "occurrences")
    release = factories.release_of((ctx,))
    assert [f.source_text for f in NA02().check_release(release)] == ["OSCE"]
    assert looked_up[0] <= 10  # each glossary entry once per target, not once per mention


class _FarAway:
    @property
    def text(self):
        raise AssertionError("a token far from the acronym was read")


def test_shouting_is_told_from_an_acronym_by_its_neighbours_only():
    from aligncheck.extract.names import _capitals_run

    around = words("so the NATO envoy went WE SAID NO then")
    for at, shouted in ((2, False), (6, True)):
        tokens = [_FarAway()] * 1000 + around + [_FarAway()] * 1000
        assert _capitals_run(tokens, 1000 + at) == shouted
