from pathlib import Path

import pytest

from aligncheck.checks.base import PairContext
from aligncheck.checks.name.NA01 import NA01
from aligncheck.checks.name.NA02 import NA02
from aligncheck.extract.names import document_evidence, extract_names
from aligncheck.glossary.reader import parse_table
from aligncheck.model import Document, Link
from aligncheck.segment import segment_document
from aligncheck.translit import find_name, key

NTREX = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ntrex128-dev"


def pair(source: list[str], target: list[str], lang: str, glossaries=()) -> PairContext:
    src = segment_document(Document("en.txt", "en", "\n\n".join(source)))
    tgt = segment_document(Document(f"{lang}.txt", lang, "\n\n".join(target)))
    links = tuple(Link((i,), (i,), 1.0) for i in range(min(len(source), len(target))))
    return PairContext("r", src, tgt, links, {}, {"glossaries": list(glossaries)})


@pytest.mark.parametrize("name, lang, text, target_lang", [
    ("Zhomart Aliyev", "en", "Жомарт Алиев выступил.", "ru"),
    ("Zhomart Aliyev", "en", "Жомарт Әлиев сөз сөйледі.", "kk"),
    ("Regner-Burke", "en", "сказала Регнер-Бёрк", "ru"),
    ("Berdiyev", "en", "Бердиев отметил", "ru"),
    ("Azerbaijan", "en", "в Азербайджане", "ru"),
    ("Azerbaijan", "en", "Azerbaýjanyň hökümeti", "tk"),
    ("Kazakhstan", "en", "Qazaxıstanın paytaxtı", "az"),
    ("Kazakhstan", "en", "Қазақстанның астанасы", "kk"),
    ("Macpherson", "en", "Blair Macpherson-yň", "tk"),
])
def test_names_match_across_scripts_and_inflection(name, lang, text, target_lang):
    assert find_name(name, lang, text, target_lang, 0.8) is not None


@pytest.mark.parametrize("name, text, target_lang", [
    ("Aliyev", "Петров выступил.", "ru"),
    ("Ospanova", "Садыкова сказала.", "ru"),
    ("Karimov", "Kerimli aýtdy.", "tk"),
])
def test_different_names_do_not_match(name, text, target_lang):
    assert find_name(name, "en", text, target_lang, 0.8) is None


def test_keys_meet_across_spelling_conventions():
    assert key("Aliyev", "en") == key("Алиев", "ru") == key("Әлиев", "kk")
    assert key("Xəzər", "az") == key("Хазар", "ru")


def kinds(text: str, context: list[str] | None = None) -> dict[str, str]:
    evidence = document_evidence(context or [text], "en")
    return {m.text: m.kind for m in extract_names(text, "en", evidence)}


def test_name_kinds():
    found = kinds("Later Ms. Dana Ospanova met UNEP staff about the A320 and the Tehran Convention.")
    assert found["Dana Ospanova"] == "person"
    assert found["UNEP"] == "acronym" and found["A320"] == "code"
    assert found.get("Tehran") == "proper" and "Later" not in found


def test_sentence_initial_capital_is_a_name_only_when_capitalised_elsewhere():
    assert "Rivers" not in kinds("Rivers flow north. The delta is dry.")
    assert kinds("Rivers spoke first.", ["Rivers spoke first.", "We thanked Rivers."])["Rivers"]


def test_headline_and_shouting_give_no_false_names():
    assert kinds("Storm Batters Coast As Thousands Flee Their Homes") == {}
    assert "THANK" not in kinds('She wrote: "THANK YOU FOR STANDING UP" in a post.')


def test_na01_reports_a_dropped_person_but_not_an_inflected_one():
    source = ["Ms. Dana Ospanova opened the meeting.", "Ospanova thanked the donors."]
    ok = pair(source, ["Кездесуді Дана Оспанова ханым ашты.", "Оспанованың алғысы донорларға."], "kk")
    assert list(NA01().check(ok)) == []
    dropped = pair(source, ["Кездесуді вице-министр ашты.", "Оспанова донорларға алғыс айтты."], "kk")
    [f] = list(NA01().check(dropped))
    assert f.source_text == "Dana Ospanova" and f.source_segments == (0,)
    assert f.severity.value == "warning"


def test_na01_reports_a_changed_name_with_the_closest_candidate():
    ctx = pair(["Mr. Timur Karimov signed."], ["Подписал г-н Тимур Сейткали."], "ru")
    [f] = list(NA01().check(ctx))
    assert "Timur Karimov" in f.message and f.target_text


def test_exonyms_are_not_names_to_report():
    ctx = pair(["Germany and Hungary signed with Finland."], ["Германия и Венгрия подписали с Финляндией."], "ru")
    assert list(NA01().check(ctx)) == [] and list(NA02().check(ctx)) == []


def test_na02_accepts_kept_transliterated_and_glossary_acronyms():
    glossary = parse_table("en\tru\nOSCE\tОБСЕ\n", "g.tsv", "\t")
    ctx = pair(["UNEP, NATO and OSCE met."], ["ЮНЕП, НАТО и ОБСЕ встретились."], "ru", [glossary])
    assert list(NA02().check(ctx)) == []


def test_na02_missing_acronym_is_warning_when_kept_elsewhere_else_info():
    source = ["The GCF pays.", "The GCF decides.", "The GCF reports."]
    kept = pair(source, ["GCF платит.", "Фонд решает.", "GCF отчитывается."], "ru")
    [f] = list(NA02().check(kept))
    assert f.severity.value == "warning" and f.source_segments == (1,)
    once = pair(["The board of the GCF met."], ["Собрался совет фонда."], "ru")
    [f] = list(NA02().check(once))
    assert f.severity.value == "info"


@pytest.mark.skipif(not NTREX.is_dir(), reason="NTREX corpus absent")
def test_few_false_alarms_on_professional_translations():
    en = (NTREX / "en.txt").read_text(encoding="utf-8").splitlines()
    ru = (NTREX / "ru.txt").read_text(encoding="utf-8").splitlines()
    ids = (NTREX / "document_ids.txt").read_text(encoding="utf-8").splitlines()
    alarms = 0
    for doc in sorted(set(ids)):
        lines = [i for i, d in enumerate(ids) if d == doc]
        ctx = pair([en[i] for i in lines], [ru[i] for i in lines], "ru")
        alarms += sum(f.severity.value != "info" for r in (NA01(), NA02()) for f in r.check(ctx))
    assert alarms * 50 / len(en) <= 1.0
