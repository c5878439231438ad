"""Titles across versions without a glossary (extract/titles.py, CO03, the reports' table)."""

from pathlib import Path

import pytest
from factories import release

from aligncheck.checks.consistency.CO03 import CO03
from aligncheck.extract.titles import release_titles, title_spans

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_ab64be821029c731.txt"


def test_quoted_and_emphasised_titles_are_found_inside_a_quotation():
    text = "“We host the *“Open Rivers”* plan,” she said of «Чистая вода» and **Green Belt**."
    assert [t.text for t in title_spans(text)] == ["Open Rivers", "Чистая вода", "Green Belt"]
    assert title_spans("“this is speech, not a title,” he said") == []
    assert title_spans('"Stay calm." He left.') == []  # a quoted sentence
    # the gap between two straight-quoted passages is no title
    assert title_spans('he said: "We agree." Oslo "needs time," she added') == []
    assert [t.text for t in title_spans('the "Open Rivers" plan')] == ["Open Rivers"]


def test_co03_a_phrase_quoted_once_may_be_paraphrased_a_title_may_not():
    def left_out(title: str) -> list:
        ctx = release(
            [f"The expert called it “{title}” at the end."],
            {
                "ru": [f"Эксперт назвал это «{title}» в конце."],
                "kk": [f"Сарапшы оны «{title}» деп атады."],
                "tr": ["Uzman bunu sonunda çok değerli buldu."],
            },
        )
        return [f.lang for f in CO03().check_release(ctx)]

    assert left_out("A cultural treasure") == []
    assert left_out("Open Rivers Programme") == ["tr"]


def test_each_version_lists_its_renderings_with_inflections_merged():
    source = ["The “Open Rivers” plan starts.", "Money for “Open Rivers” comes later."]
    ctx = release(
        source,
        {
            "ru": ["План «Открытые реки» начинается.", "Деньги для «Открытых рек» придут позже."],
            "kk": ["«Ашық өзендер» жоспары басталады.", "«Таза су» үшін қаржы кейін келеді."],
        },
    )
    [title] = release_titles(ctx.source, [(p.target, p.links) for p in ctx.pairs])
    assert (title.source, title.count) == ("Open Rivers", 2)
    by_lang = {}
    for r in title.renderings:
        by_lang.setdefault(r.lang, []).append((r.text, r.count))
    assert by_lang["ru"] == [("Открытые реки", 2)]  # one spelling, inflected once
    assert sorted(by_lang["kk"]) == [("Ашық өзендер", 1), ("Таза су", 1)]
    assert title.renderings[0].location.path == "ru.txt"


def test_co03_reports_two_spellings_and_a_title_left_out_where_others_write_it():
    source = ["The “Open Rivers” plan starts.", "The “Open Rivers” plan ends."]
    ctx = release(
        source,
        {
            "ru": ["План «Открытые реки» начинается.", "План «Свободные реки» завершается."],
            "kk": ["«Ашық өзендер» жоспары басталады.", "Жоспар аяқталады."],
            "tr": ["“Açık Nehirler” planı başlıyor.", "“Açık Nehirler” planı bitiyor."],
        },
    )
    found = {
        (f.lang, f.target_segments, f.message.split(":")[0]) for f in CO03().check_release(ctx)
    }
    assert found == {
        ("ru", (1,), "title 'Open Rivers' is written in 2 ways in ru"),
        (
            "kk",
            (1,),
            "title 'Open Rivers' is not written here as a title (2 of 2 other versions write it)",
        ),
    }


def test_one_rendering_everywhere_gives_nothing():
    source = ["The “Open Rivers” plan starts.", "The “Open Rivers” plan ends."]
    ctx = release(
        source,
        {"ru": ["План «Открытые реки» начинается.", "План «Открытых рек» завершается."]},
    )
    assert list(CO03().check_release(ctx)) == []


@pytest.mark.skipif(not SEED.is_file(), reason="the seed (../shared/seeds) is not here")
def test_the_seed_title_is_listed_in_every_version():
    from aligncheck.app.config import load_config
    from aligncheck.app.run import check_releases
    from aligncheck.read import discover_releases

    config = load_config(SEED)
    releases = discover_releases(
        [SEED],
        source_lang=config.source_lang,
        langs=["en", "az", "kk", "ru", "tk"],
        encoding=config.encoding,
        max_input_mb=config.max_input_mb,
        follow_symlinks=config.follow_symlinks,
    )
    [result] = check_releases(releases, config, use_cache=True, quiet=True).releases
    [title] = [t for t in result.titles if t.count >= 5]
    langs = {r.lang for r in title.renderings}
    assert langs == {"az", "kk", "ru", "tk"}
    assert all(len([r for r in title.renderings if r.lang == lang]) == 1 for lang in langs)


def test_co03_a_single_emphasised_word_is_a_term_not_a_title_left_out():
    ctx = release(
        ["Browsers let **JavaScript** read them. **JavaScript** runs there."],
        {
            "ru": ["Браузеры дают **JavaScript** их читать. **JavaScript** там работает."],
            "tr": [
                "Tarayıcılar JavaScript'in onları okumasına izin verir. JavaScript orada çalışır."
            ],
        },
    )
    assert list(CO03().check_release(ctx)) == []
