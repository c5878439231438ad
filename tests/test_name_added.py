"""NA03: names a version writes that nothing in the release names there (issue 12, item 4)."""

import random

from factories import counting, pair, release
from test_names_cross_version import MeaningEmbedder

from aligncheck.checks.name.NA03 import NA03
from aligncheck.extract import added_names
from aligncheck.extract.added_names import Side, spelled_count, spelled_in


def found(ctx):
    rule = NA03()
    findings = rule.check_release(ctx) if hasattr(ctx, "pairs") else rule.check(ctx)
    return [(f.lang, f.target_text, f.source_text, f.severity.value) for f in findings]


def side(text: str, lang: str) -> Side:
    return Side.of(text, lang)


def changed_name_embedder(**meanings):
    """Words of one concept are aligned; the sentence vectors read `meanings` as one word."""
    concepts = {
        w: c
        for c, ws in {
            "A": ("Ospanov", "Оспановым", "Ospanov", "Ospanow", "Линдквистом"),
            "O": ("opposition", "оппозицией", "muhalefet", "oppozisiýa"),
            "T": ("talks", "Переговоры", "görüşmeler", "gepleşikler"),
        }.items()
        for w in ws
    }
    return MeaningEmbedder(concepts, {"Линдквистом": "L", "Ospanov": "A", **meanings})


SOURCE = ["The talks between Ospanov and the opposition stalled in the capital."]
VERSIONS = {
    "ru": ["Переговоры между Линдквистом и оппозицией в столице зашли в тупик."],
    "tr": ["Ospanov ile muhalefet arasındaki görüşmeler başkentte çıkmaza girdi."],
    "tk": ["Ospanow bilen oppozisiýanyň arasyndaky gepleşikler paýtagtda togtady."],
}


def test_a_name_in_place_of_one_the_other_versions_write_is_quoted_beside_it():
    ctx = release(SOURCE, VERSIONS, embedder=changed_name_embedder())
    # a single word for a single word: an info (translated names pass the same tests)
    assert found(ctx) == [("ru", "Линдквистом", "Ospanov", "info")]
    [finding] = NA03().check_release(ctx)
    assert finding.message.startswith(
        "name 'Линдквистом' stands where the source has 'Ospanov', which 2 of 2 other versions"
    )
    assert finding.source_location is not None and finding.target_location is not None


def test_a_name_the_target_uses_to_say_the_same_is_not_quoted_as_a_change():
    # the sentence vectors read Линдквистом as saying what Ospanov says: a rendering of its own
    ctx = release(SOURCE, VERSIONS, embedder=changed_name_embedder(Линдквистом="A"))
    assert found(ctx) == []


def test_the_name_kept_or_written_by_another_version_is_no_addition():
    kept = dict(VERSIONS, ru=["Переговоры между Оспановым и оппозицией в столице зашли в тупик."])
    assert found(release(SOURCE, kept, embedder=changed_name_embedder())) == []
    # kk names Lindqvist too: an addition two versions share is the source's business
    shared = dict(VERSIONS, kk=["Линдквист пен оппозиция арасындағы келіссөздер тоқтады."])
    assert [f[0] for f in found(release(SOURCE, shared, embedder=changed_name_embedder()))] == []


def test_a_name_the_source_writes_in_the_next_paragraph_is_no_addition():
    source = ["The talks stalled in the capital.", "Ospanov left the room."]
    target = ["Переговоры с Оспановым в столице зашли в тупик.", "Он вышел из зала."]
    assert found(pair(source, target, "ru")) == []


def test_a_name_added_with_no_name_left_out_is_not_reported():
    source = ["The talks stalled in the capital."]
    versions = {
        "ru": ["Переговоры Линдквиста в столице зашли в тупик."],
        "tr": ["Görüşmeler başkentte çıkmaza girdi."],
        "tk": ["Gepleşikler paýtagtda togtady."],
    }
    assert found(release(source, versions)) == []


def test_a_cldr_name_in_place_of_another_is_changed_even_in_a_pair():
    source = ["The minister of culture met her colleague in Berlin on the first day of talks."]
    moved = ["Министр культуры встретилась с коллегой в Париже в первый день переговоров."]
    assert found(pair(source, moved, "ru")) == [("ru", "Париже", "Berlin", "warning")]
    kept = ["Министр культуры встретилась с коллегой в Берлине в первый день переговоров."]
    assert found(pair(source, kept, "ru")) == []


def test_a_name_the_version_writes_in_other_places_is_its_own():
    source = ["The talks between Ospanov and the opposition stalled.", "Ospanov left."]
    versions = {
        "ru": ["Переговоры между Линдквистом и оппозицией зашли в тупик.", "Линдквист ушёл."],
        "tr": ["Ospanov ile muhalefet arasındaki görüşmeler çıkmaza girdi.", "Ospanov ayrıldı."],
        "tk": ["Ospanow bilen oppozisiýanyň arasyndaky gepleşikler togtady.", "Ospanow gitdi."],
    }
    assert found(release(source, versions, embedder=changed_name_embedder())) == []
    once = {lang: texts[:1] for lang, texts in versions.items()}
    assert found(release(source[:1], once, embedder=changed_name_embedder())) == [
        ("ru", "Линдквистом", "Ospanov", "info")
    ]


def test_a_loose_spelling_of_the_left_out_name_is_no_change():
    source = ["Fans travelled from Glasgow to the final on the night train."]
    versions = {
        "az": ["Azarkeşlər finala gecə qatarı ilə Qlazqodan getdilər."],
        "ru": ["Болельщики приехали на финал из Глазго ночным поездом."],
        "tr": ["Taraftarlar finale Glasgow'dan gece treniyle gitti."],
    }
    assert all(
        "stands where" not in f.message for f in NA03().check_release(release(source, versions))
    )


def test_spelling_reads_inflection_on_either_side_and_counts_mentions():
    assert spelled_in("Оспановым", "ru", side("Ospanov said", "en"), 0.0)
    assert spelled_in("Ospanov", "en", side("с Оспановым", "ru"), 0.0)
    assert not spelled_in("Линдквистом", "ru", side("Ospanov and Karimov", "en"), 0.0)
    assert spelled_count("Ospanov", "en", side("Оспанов и Оспанову", "ru"), 0.0) == 2
    # a name is a capitalised word: the lower-case common noun is not its spelling
    assert not spelled_in("Rose", "en", side("a rose", "en"), 0.0)


def test_a_changed_city_deep_in_a_long_paragraph_is_found_reading_a_band(monkeypatch):
    people = [("Bolat Ermekov", "Болат Ермеков"), ("Zarina Tulegenova", "Зарина Тулегенова")]
    rng, en, ru = random.Random(5), [], []
    for i in range(600):
        (name, name_ru), figure = rng.choice(people), rng.randint(10, 999)
        city, city_ru = ("Berlin", "Париже") if i == 550 else ("Madrid", "Мадриде")
        en.append(f"On Monday {name} counted {figure} geese near the lake in {city}.")
        ru.append(f"В понедельник {name_ru} насчитал {figure} гусей у озера в {city_ru}.")
    scored = counting(monkeypatch, added_names, "token_score")
    findings = list(NA03().check(pair(" ".join(en), " ".join(ru))))
    assert [(f.source_text, f.target_text, f.severity.value) for f in findings] == [
        ("Berlin", "Париже", "warning")
    ]
    # each target name word (3 a sentence) is scored, both ways, against the capitalised words
    # of a band around its place (about a sixth of this paragraph), not against all 2,400
    assert scored[0] < 600 * 3 * 2400 * 2 / 4
