import math
from pathlib import Path

import pytest

from aligncheck.lang.langid import (
    identify,
    is_known_language,
    language_scores,
    normalize_lang,
)

SIX = ["en", "ru", "kk", "az", "tk", "tr"]
# The same two sentences in each language, written for these tests.
SAMPLES = {
    "en": "The new city library opened its doors on Monday morning. Hundreds of children came "
    "with their parents to choose their first books.",
    "ru": "Новая городская библиотека открыла свои двери в понедельник утром. Сотни детей пришли "
    "вместе с родителями, чтобы выбрать свои первые книги.",
    "kk": "Жаңа қалалық кітапхана дүйсенбі күні таңертең есігін ашты. Жүздеген бала ата-аналарымен "
    "бірге алғашқы кітаптарын таңдауға келді.",
    "az": "Yeni şəhər kitabxanası bazar ertəsi səhər qapılarını açdı. Yüzlərlə uşaq ilk "
    "kitablarını seçmək üçün valideynləri ilə gəldi.",
    "tk": "Täze şäher kitaphanasy duşenbe güni irden gapylaryny açdy. Ýüzlerçe çaga ilkinji "
    "kitaplaryny saýlamak üçin ene-atalary bilen geldi.",
    "tr": "Yeni şehir kütüphanesi pazartesi sabahı kapılarını açtı. Yüzlerce çocuk ilk "
    "kitaplarını seçmek için aileleriyle birlikte geldi.",
}
NTREX = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ntrex128-dev"


@pytest.mark.parametrize("lang", SIX)
def test_identifies_each_language_among_the_six(lang):
    found, confidence = identify(SAMPLES[lang], SIX)
    assert found == lang
    assert confidence > 0.9


@pytest.mark.parametrize("lang", SIX)
def test_identifies_each_language_without_candidates(lang):
    assert identify(SAMPLES[lang])[0] == lang


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Das Wetter ist heute schön, und wir gehen am Nachmittag in den Park.", "de"),
        ("Il fait beau aujourd'hui et nous irons au parc cet après-midi.", "fr"),
        ("Сьогодні гарна погода, і ми підемо до парку після обіду.", "uk"),
    ],
)
def test_other_babel_languages_are_told_apart_too(text, lang):
    assert identify(text, ["en", "ru", "de", "fr", "uk", "tr"])[0] == lang


def test_single_sentence_close_pairs():
    assert identify("Бұл кітап өте қызықты.", ["ru", "kk"])[0] == "kk"
    assert identify("Эта книга очень интересная.", ["ru", "kk"])[0] == "ru"
    assert identify("Bu kitab çox maraqlıdır.", ["az", "tr", "tk"])[0] == "az"
    assert identify("Bu kitap çok ilginç.", ["az", "tr", "tk"])[0] == "tr"
    assert identify("Bu kitap örän gyzykly.", ["az", "tr", "tk"])[0] == "tk"


@pytest.mark.parametrize(
    "text", ["", "2026", "12.05 - 14:30", "a@b.example www.site.example/x", "Ok"]
)
def test_too_few_letters_gives_none(text):
    assert identify(text, SIX) == (None, 0.0)


def test_scores_are_probabilities_over_the_candidates():
    scores = language_scores(SAMPLES["kk"], ["ru", "kk", "en"])
    assert sorted(scores) == ["en", "kk", "ru"]
    assert math.isclose(sum(scores.values()), 1.0)
    assert max(scores, key=scores.get) == "kk"


def test_scores_without_letters_are_uniform():
    assert language_scores("2030 — 44 %", ["en", "ru"]) == {"en": 0.5, "ru": 0.5}


def test_deterministic():
    assert language_scores(SAMPLES["tr"], SIX) == language_scores(
        SAMPLES["tr"], list(reversed(SIX))
    )


def test_known_languages_and_normalisation():
    assert is_known_language("kk") and is_known_language("TK") and is_known_language("pt-BR")
    assert not is_known_language("xx") and not is_known_language("english")
    assert normalize_lang("pt_br") == "pt-BR"


def _ntrex(lang):
    return (NTREX / f"{lang}.txt").read_text(encoding="utf-8").splitlines()


@pytest.mark.skipif(not NTREX.is_dir(), reason="shared NTREX corpus not available")
def test_ntrex_accuracy_by_line_and_paragraph():
    for lang in SIX:
        lines = _ntrex(lang)[::3]
        line_hits = sum(identify(line, SIX)[0] == lang for line in lines)
        assert line_hits / len(lines) >= 0.96, lang
        paragraphs = ["\n".join(lines[i : i + 3]) for i in range(0, len(lines), 3)]
        para_hits = sum(identify(p, SIX)[0] == lang for p in paragraphs)
        assert para_hits / len(paragraphs) >= 0.99, lang


def test_cached_profile_scores_exactly_like_a_fresh_one(tmp_path, monkeypatch):
    from aligncheck.lang import langid, langid_scores

    monkeypatch.setattr(langid, "_cache_file", lambda lang: tmp_path / f"{lang}.json")
    monkeypatch.setattr(langid_scores, "load", lambda *args: None)  # score with the profiles
    monkeypatch.setattr(langid_scores, "save", lambda *args: None)
    langid._profile.cache_clear()
    langid._table.cache_clear()
    langid._SCORED.clear()
    try:
        fresh = language_scores(SAMPLES["az"], ["az", "tr"])
        assert (tmp_path / "az.json").is_file()
        langid._profile.cache_clear()
        langid._table.cache_clear()
        langid._SCORED.clear()
        assert language_scores(SAMPLES["az"], ["az", "tr"]) == fresh
    finally:
        langid._profile.cache_clear()
        langid._table.cache_clear()


def test_scores_are_kept_across_runs_and_read_back_unchanged(tmp_path, monkeypatch):
    from aligncheck.lang import langid, langid_scores

    monkeypatch.setenv("ALIGNCHECK_CACHE_DIR", str(tmp_path))
    langid_scores.forget_store()
    langid._SCORED.clear()
    text = "Суд отложил рассмотрение дела до следующей недели по просьбе защиты."
    computed = langid.log_likelihoods(text, ["ru", "kk", "en"])
    assert (tmp_path / "langid" / "scores.sqlite3").exists()
    langid._SCORED.clear()
    calls = []
    monkeypatch.setattr(langid, "_log_likelihoods", lambda *a: calls.append(a))
    assert langid.log_likelihoods(text, ["en", "kk", "ru"]) == computed and calls == []
    assert max(computed[0], key=computed[0].get) == "ru"
    langid_scores.forget_store()
    langid._SCORED.clear()


def test_a_damaged_score_store_is_rebuilt(tmp_path, monkeypatch):
    from aligncheck.lang import langid, langid_scores

    monkeypatch.setenv("ALIGNCHECK_CACHE_DIR", str(tmp_path))
    (tmp_path / "langid").mkdir()
    (tmp_path / "langid" / "scores.sqlite3").write_bytes(b"not a database" * 100)
    langid_scores.forget_store()
    langid._SCORED.clear()
    assert (
        langid.identify("The committee met on Tuesday to discuss the budget.", ["en", "ru"])[0]
        == "en"
    )
    langid_scores.forget_store()
    langid._SCORED.clear()


class _BrokenAlias(dict):
    """A locale data mapping one of whose entries raises as Babel 2.19's meta_zones alias does."""

    def __getitem__(self, key):
        if key == "GMT":
            raise KeyError("GMT")
        return super().__getitem__(key)


def test_locale_walk_skips_entries_babel_cannot_resolve():
    from aligncheck.lang.langid import _strings

    data = {
        "months": {"wide": {1: "January"}},
        "meta_zones": _BrokenAlias(GMT=None, Europe="Europe time"),
    }
    found = dict(_strings(data))
    assert found == {("months", "wide", 1): "January", ("meta_zones", "Europe"): "Europe time"}


def test_every_babel_language_yields_training_words():
    """Walking each official language's CLDR words never raises, whatever the Babel version."""
    from babel import localedata

    from aligncheck.lang.langid import _locale_words

    languages = sorted({loc.split("_")[0] for loc in localedata.locale_identifiers()})
    empty = [lang for lang in languages if lang != "root" and not any(_locale_words(lang).values())]
    assert empty == []
