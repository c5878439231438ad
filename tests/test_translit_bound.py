"""The cheap bound that lets find_word skip tokens never under-estimates the real score."""

import random

from aligncheck.lang.morph import words
from aligncheck.lang.translit import find_word, key, score_bound, token_score

NAMES = [
    "Karimov",
    "Ospanova",
    "Regner-Burke",
    "Berdiyev",
    "Macpherson",
    "Johnson",
    "Chelsea",
    "Azerbaijan",
    "Kazakhstan",
    "Schwarzenegger",
    "Fleischer",
    "Trump",
]
TARGETS = (
    "Каримов Оспанова Регнер-Бёрк Бердиев Макферсон Джонсона Челси Азербайджане "
    "Қазақстанның Шварценеггер Флейшер Трампа Karimowyň Ospanowa Berdiýew Azərbaycanın "
    "Qazaxıstan Macpherson Jonsonun Çelsi Şwarsenegger Fleýşer Tramp уже река суперкубок"
)


def test_bound_is_never_below_the_score_it_stands_for():
    rng = random.Random(7)
    tokens = TARGETS.split()
    alphabet = "abcdefghijklmnopqrstuvwxyzабвгдежзийклмнопрстуфхцчшщыэюяəüöçşğ"
    tokens += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))) for _ in range(300)]
    for name in NAMES:
        for lang in ("en", "ru"):
            source_key = key(name, lang)
            for token in tokens:
                for target_lang in ("ru", "kk", "az", "tk", "tr", "en"):
                    if len(source_key) > 3:
                        assert (
                            token_score(source_key, lang, token, target_lang)
                            <= score_bound(source_key, lang, token, target_lang) + 1e-9
                        ), (name, token)


def test_find_word_still_finds_inflected_transliterations():
    text = "Министр Жомарт Алиев встретился с Регнер-Бёрк и Бердиевым."
    for name, expected in (("Aliyev", "Алиев"), ("Berdiyev", "Бердиевым"), ("Burke", "Бёрк")):
        hit = find_word(name, "en", list(words(text)), "ru", 0.75)
        assert hit is not None and hit.text == expected


def _find_word_one_by_one(word, lang, tokens, target_lang, threshold, aliases=None):
    """find_word as a plain loop over tokens, each bounded by score_bound: the reference the
    all-at-once token table must agree with exactly."""
    from aligncheck.lang.translit import CAPITAL_BONUS, NameHit, _parts

    source_key = key(word, lang)
    if not source_key:
        return None
    best = None
    known = (aliases or {}).get(source_key, set())
    for token in _parts(tokens):
        if known and key(token.text, target_lang) in known:
            return NameHit(token.start, token.end, token.text, 1.0)
        bonus = CAPITAL_BONUS if token.text[:1].isupper() else 0.0
        if (
            len(source_key) > 3
            and score_bound(source_key, lang, token.text, target_lang) + bonus < threshold - 1e-9
        ):
            continue
        score = min(1.0, token_score(source_key, lang, token.text, target_lang) + bonus)
        if score >= threshold and (best is None or score > best.score):
            best = NameHit(token.start, token.end, token.text, score)
    return best


def test_token_table_bounds_are_score_bound_exactly():
    from aligncheck.lang.translit import _token_table

    text = TARGETS + " Ли-Энн Kazakh-style 2027 x Ашхабад"
    for target_lang in ("ru", "kk", "az", "tk", "tr", "en"):
        table = _token_table(words(text), "en", target_lang)
        for name in NAMES:
            source_key = key(name, "en")
            bounds = table.bounds(source_key)
            assert [float(b) for b in bounds] == [
                score_bound(source_key, "en", part.text, target_lang) for part in table.parts
            ]


def test_find_word_agrees_with_the_token_by_token_search():
    rng = random.Random(11)
    vocabulary = TARGETS.split() + [
        "Алиевым",
        "Ли-Энн",
        "Джонсон-младший",
        "UNEP'in",
        "НАТО-ның",
        "в",
        "и",
    ]
    for _ in range(300):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 25)))
        tokens = words(text)
        for name in rng.sample(NAMES + ["May", "Ri", "Lee"], 3):
            target_lang = rng.choice(("ru", "kk", "tk", "en"))
            threshold = rng.choice((0.65, 0.7, 0.8, 0.85))
            aliases = None
            if tokens and rng.random() < 0.3:
                aliases = {key(name, "en"): {key(rng.choice(tokens).text, target_lang)}}
            assert find_word(
                name, "en", tokens, target_lang, threshold, aliases
            ) == _find_word_one_by_one(name, "en", tokens, target_lang, threshold, aliases)


def test_a_token_list_rebuilt_from_the_same_text_shares_its_table():
    """Within a release (where rules run), `words` gives the same Word objects for one text."""
    from aligncheck._runtime.memo import release_memo
    from aligncheck.lang.translit import _token_table

    text = "Г-н Каримов встретился с Оспановой."
    with release_memo():
        assert _token_table(words(text), "en", "ru") is _token_table(words(text), "en", "ru")
        capitalised = [w for w in words(text) if w.text[:1].isupper()]
        assert _token_table(capitalised, "en", "ru") is not _token_table(words(text), "en", "ru")


def test_bounds_primed_for_many_names_at_once_are_score_bound_exactly():
    from aligncheck.lang.translit import _token_table, prime_bounds

    tokens = words(TARGETS + " Ли-Энн Kazakh-style 2027 x Ашхабад")
    for target_lang in ("ru", "tk", "en"):
        prime_bounds(tokens, "en", target_lang, NAMES)
        table = _token_table(tokens, "en", target_lang)
        for name in NAMES:
            source_key = key(name, "en")
            if len(source_key) > 3:
                assert source_key in table._rows
                assert [float(b) for b in table.bounds(source_key)] == [
                    score_bound(source_key, "en", part.text, target_lang) for part in table.parts
                ]
