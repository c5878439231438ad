"""CO01 skips work that cannot change its findings: the same findings, fewer name searches."""

import factories
import pytest

import aligncheck.checks.consistency.CO01 as co01_module
from aligncheck.checks.base import ReleaseContext
from aligncheck.checks.consistency import variants
from aligncheck.checks.consistency.CO01 import CO01

SOURCE = [
    "Mr. Nurlan Abenov opened the forum in Astana.",
    "Mr. Abenov said the plan starts in May.",
    "Mr. Abenov thanked the donors from Almaty.",
    "The donors praised Mr. Abenov.",
]
KK = [
    "Нұрлан Әбенов мырза Астанада форумды ашты.",
    "Әбенов мырза жоспар мамырда басталатынын айтты.",
    "Абенов мырза Алматыдан келген демеушілерге алғыс айтты.",
    "Демеушілер Әбенов мырзаны мақтады.",
]
RU = [
    "Г-н Нурлан Абенов открыл форум в Астане.",
    "Г-н Абенов сказал, что план начнётся в мае.",
    "Г-н Әбенов поблагодарил доноров из Алматы.",
    "Доноры похвалили г-на Абенова.",
]


def release() -> ReleaseContext:
    return factories.release(SOURCE, {"kk": KK, "ru": RU})


def _counting(monkeypatch) -> list:
    calls = []
    real = co01_module.match_name

    def counted(mention, *args, **kwargs):
        calls.append(mention.text)
        return real(mention, *args, **kwargs)

    monkeypatch.setattr(co01_module, "match_name", counted)
    return calls


def test_co01_same_findings_without_matching_names_seen_once(monkeypatch):
    calls = _counting(monkeypatch)
    pruned = list(CO01().check_release(release()))
    pruned_calls = list(calls)
    calls.clear()
    monkeypatch.setattr(co01_module, "_worth_matching", lambda sides, mentions: _Everything())
    full = list(CO01().check_release(release()))
    assert pruned == full
    assert {f.lang for f in full} == {"kk", "ru"}  # Әбенов / Абенов in both versions
    # Astana and Almaty are met once per version: never searched for; Abenov always is
    assert "Astana" in calls and "Astana" not in pruned_calls and "Almaty" not in pruned_calls
    assert pruned_calls.count("Abenov") == 2 * 3 and len(pruned_calls) < len(calls)


class _Everything:
    def __contains__(self, item) -> bool:
        return True


def test_same_spelling_settles_russian_endings_without_the_analyser(monkeypatch):
    def no_lemmas(word, lang):
        raise AssertionError("pymorphy3 consulted")

    monkeypatch.setattr(variants, "lemmas", no_lemmas)
    assert variants.same_spelling("Астана", "Астане", "ru")
    assert variants.same_spelling("Туркменистана", "Туркменистане", "ru")
    assert variants.same_spelling("Регионального", "Региональном", "ru")
    assert variants.same_spelling("Азербайджан", "Азербайджана", "ru")


def test_same_spelling_still_asks_lemmas_when_endings_do_not_tell():
    pytest.importorskip("pymorphy3")
    assert variants.same_spelling("Орёл", "Орла", "ru")  # stem alternation: only lemmas know
    assert not variants.same_spelling("Орёл", "Орла", "kk")
