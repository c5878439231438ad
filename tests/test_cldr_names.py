"""CLDR names as concept data: what Babel gives, and finding it in text written for the test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aligncheck._runtime.cachefiles import cache_file
from aligncheck.lang import cldr_names
from aligncheck.lang.cldr_names import KINDS, build_names, concepts_in, known_languages, renderings

CORE = ("en", "ru", "kk", "az", "tk", "tr")
ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / ".." / "shared" / "corpora" / "ntrex128-dev"


def found(text: str, lang: str) -> list[tuple[str, str]]:
    return [(text[start:end], cid) for start, end, cid in concepts_in(text, lang)]


def test_core_languages_have_babel_locales():
    assert set(CORE) <= set(known_languages())


@pytest.mark.parametrize("lang", sorted(set(known_languages()) | {"xx", "crh"}))
def test_every_known_language_builds(lang):
    built = build_names(lang)
    if lang in known_languages():
        kinds = {cid.split(":", 1)[0] for cid in built}
        # CLDR names subdivisions in some languages only (none in ba, tt, ug)
        assert kinds | {"subdivision"} == set(KINDS)
        assert all(
            names and all(isinstance(n, str) and n for n in names) for names in built.values()
        )
        assert list(built) == sorted(built)
    else:
        assert built == {}
        assert concepts_in("Germany", lang) == []


def test_babel_spells_germany_and_berlin():
    assert renderings("territory:DE", "en") == ("Germany",)
    assert renderings("territory:DE", "ru") == ("Германия",)
    assert renderings("territory:DE", "tk") == ("Germaniýa",)
    assert renderings("territory:DE", "az") == ("Almaniya",)
    assert renderings("territory:DE", "tr") == ("Almanya",)
    assert renderings("city:Europe/Berlin", "ru") == ("Берлин",)
    assert renderings("city:Europe/Berlin", "kk") == ("Берлин",)
    assert renderings("territory:XY", "en") == ()


def test_plural_currency_names_are_kept():
    assert {"Euro", "euros"} <= set(renderings("currency:EUR", "en"))
    assert renderings("currency:XAU", "en") == ()  # gold is no currency of a territory


def test_germany_in_each_language_inflected():
    assert found("The talks in Germany went on.", "en") == [("Germany", "territory:DE")]
    assert found("Переговоры в Германии продолжились.", "ru") == [("Германии", "territory:DE")]
    assert found("Gepleşikler Germaniýada dowam etdi.", "tk") == [("Germaniýada", "territory:DE")]
    assert found("Danışıqlar Almaniyada davam etdi.", "az") == [("Almaniyada", "territory:DE")]
    assert found("Görüşmeler Almanya'da sürdü.", "tr") == [("Almanya'da", "territory:DE")]
    assert found("Келіссөздер Германияда жалғасты.", "kk") == [("Германияда", "territory:DE")]


def test_subdivisions_cldr_names_beyond_english():
    # Babel has no subdivisions; CLDR's own JSON names Scotland in every profiled language
    assert found("The couple married in Scotland.", "en") == [("Scotland", "subdivision:gbsct")]
    assert found("Çift İskoçya'da evlendi.", "tr") == [("İskoçya'da", "subdivision:gbsct")]
    assert found("Жұп Шотландияда үйленді.", "kk") == [("Шотландияда", "subdivision:gbsct")]
    assert renderings("subdivision:gbwls", "tr") == ("Galler",)
    assert found("They met in Maryland.", "en") == []  # no profiled language but English names it


def test_city_inflected():
    assert found("Министр прилетел в Берлин, а затем жил в Берлине.", "ru") == [
        ("Берлин", "city:Europe/Berlin"),
        ("Берлине", "city:Europe/Berlin"),
    ]
    assert found("Ministr Berlində idi.", "az") == [("Berlində", "city:Europe/Berlin")]


def test_multi_word_names_are_phrases():
    assert found("Делегация Соединённых Штатов уехала.", "ru") == [
        ("Соединённых Штатов", "territory:US")
    ]
    assert found("Amerikanyň Birleşen Ştatlaryna gitdi.", "tk") == [
        ("Amerikanyň Birleşen Ştatlaryna", "territory:US")
    ]
    assert found("She left the United States.", "en") == [("United States", "territory:US")]
    assert found("The states were united.", "en") == []  # order and capitals both count


def test_currency_and_language_names():
    assert found("The ticket cost ten euros.", "en") == [("euros", "currency:EUR")]
    assert found("Билет стоил десять евро.", "ru") == [("евро", "currency:EUR")]
    assert found("She answered in Russian.", "en") == [("Russian", "language:ru")]
    assert found("Она ответила на русском языке.", "ru") == [("русском", "language:ru")]
    assert found("O, türkmen dilinde jogap berdi.", "tk") == [("türkmen dilinde", "language:tk")]


def test_no_match_inside_longer_words():
    assert found("The germane point about the Berliner Zeitung.", "en") == []
    assert found("Chadwick wrote it; the Chadian envoy did not.", "en") == []
    assert found("Germaniýalylaryň pikiri başga.", "tk") == []  # a derived word, not Germaniýa+case
    assert found("Программа германистики, берлинский вокзал.", "ru") == []
    assert found("Berlinli ve Almanyalı sanatçılar.", "tr") == []


def test_capitalised_names_need_a_capital():
    assert found("Even so, the guinea pig stayed.", "en") == []  # Even, Guinea: no capitals
    assert found("It is Guinea that voted.", "en") == [("Guinea", "territory:GN")]


def test_one_span_several_concepts_in_id_order():
    assert found("We met in Singapore.", "en") == [
        ("Singapore", "city:Asia/Singapore"),
        ("Singapore", "territory:SG"),
    ]


def test_short_forms_of_territories():
    assert "Myanmar" in renderings("territory:MM", "en")
    # a parenthesis naming another territory gives no short form
    assert "Великобритания" not in renderings("territory:VG", "ru")
    assert found("Граница США.", "ru") == []


def test_deterministic_and_offsets():
    text = "Из Германии в Берлин, затем в США и Францию; цены в евро."
    first = concepts_in(text, "ru")
    assert first == concepts_in(text, "ru")
    assert first == sorted(first)
    for start, end, _ in first:
        assert text[start:end].strip() == text[start:end] and text[start:end]


def test_names_are_kept_in_the_cache():
    path = cache_file("cldr", key="tk")
    assert path is not None and "cldr" in path.parts
    cldr_names.names("tk")
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["territory:DE"] == ["Germaniýa"]


def test_a_damaged_cache_file_is_rebuilt(tmp_path):
    code = (
        "from aligncheck.lang.cldr_names import renderings\n"
        "from aligncheck._runtime.cachefiles import cache_file\n"
        "path = cache_file('cldr', key='kk')\n"
        "path.parent.mkdir(parents=True, exist_ok=True)\n"
        "path.write_text('{not json', encoding='utf-8')\n"
        "print(renderings('territory:DE', 'kk'))\n"
        "print(path)\n"
    )
    env = {**os.environ, "ALIGNCHECK_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-P", "-c", code], env=env, capture_output=True, text=True, check=True
    )
    shown, path = proc.stdout.splitlines()
    assert shown == "('Германия',)"
    assert json.loads(Path(path).read_text(encoding="utf-8"))["territory:DE"] == ["Германия"]


@pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora not present")
@pytest.mark.parametrize("lang", CORE)
def test_news_paragraphs_name_a_country(lang):
    lines = (CORPORA / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    hits = [cid for line in lines[:200] for _, _, cid in concepts_in(line, lang)]
    assert any(cid.startswith("territory:") for cid in hits)
