import numpy as np
import pytest

from aligncheck.align import (
    align,
    align_many,
    lexical_weight,
    link_types,
    member_weight,
    unit_options,
)
from aligncheck.align.band import band_around, needs_coarse_pass

EN = [
    "The city council approved the new budget on Tuesday evening.",
    "Most of the money will go to schools and public libraries.",
    "Bus fares will stay the same for another year, the mayor said.",
    "A new bridge across the river is planned for the spring.",
    "Local shops complained about the parking rules in the centre.",
    "The museum will open its doors for free on Sundays.",
    "Police reported fewer burglaries than last winter.",
    "The football stadium needs a new roof before the season starts.",
]
RU = [
    "Городской совет утвердил новый бюджет во вторник вечером.",
    "Большая часть денег пойдёт на школы и публичные библиотеки.",
    "Цены на проезд в автобусе останутся прежними ещё год, сказал мэр.",
    "Новый мост через реку планируется построить весной.",
    "Местные магазины пожаловались на правила парковки в центре.",
    "Музей будет открыт бесплатно по воскресеньям.",
    "Полиция сообщила о меньшем числе краж, чем прошлой зимой.",
    "Футбольному стадиону нужна новая крыша до начала сезона.",
]
CONCEPTS = [
    ("council", "совет"),
    ("budget", "бюджет"),
    ("tuesday", "вторник"),
    ("money", "денег"),
    ("school", "школ"),
    ("librar", "библиотек"),
    ("bus", "автобус"),
    ("mayor", "мэр"),
    ("bridge", "мост"),
    ("river", "рек"),
    ("spring", "весн"),
    ("shop", "магазин"),
    ("parking", "парковк"),
    ("centre", "центр"),
    ("museum", "музе"),
    ("sunday", "воскресень"),
    ("police", "полиц"),
    ("burglar", "краж"),
    ("winter", "зим"),
    ("football", "футбол"),
    ("stadium", "стадион"),
    ("roof", "крыш"),
    ("season", "сезон"),
    ("fare", "проезд"),
]


class ConceptEmbedder:
    """A stand-in multilingual model: one dimension per concept, plus a shared component."""

    def __init__(self):
        self.calls: list[list[str]] = []

    def __call__(self, texts):
        self.calls.append(list(texts))
        rows = []
        for text in texts:
            low = text.lower()
            v = np.array([float(sum(low.count(w) for w in ws)) for ws in CONCEPTS] + [1.0])
            rows.append(v / np.linalg.norm(v))
        return np.array(rows, dtype=np.float32)


def pairs(links):
    return [(link.source, link.target) for link in links]


def assert_covers(links, n, m):
    assert [i for link in links for i in link.source] == list(range(n))
    assert [j for link in links for j in link.target] == list(range(m))


def test_faithful_translation_aligns_one_to_one_with_high_scores():
    links = align(EN, RU, ConceptEmbedder())
    assert pairs(links) == [((i,), (i,)) for i in range(len(EN))]
    assert all(link.score > 0.5 for link in links)


def test_dropped_paragraph_becomes_a_one_to_zero_link():
    target = RU[:3] + RU[4:]
    links = align(EN, target, ConceptEmbedder())
    assert_covers(links, len(EN), len(target))
    assert ((3,), ()) in pairs(links)
    assert ((4,), (3,)) in pairs(links)
    assert next(link for link in links if link.source == (3,)).score == 0.0


def test_added_paragraph_becomes_a_zero_to_one_link():
    target = RU[:5] + ["Погода в выходные была солнечной и тёплой."] + RU[5:]
    links = align(EN, target, ConceptEmbedder())
    assert_covers(links, len(EN), len(target))
    assert ((), (5,)) in pairs(links)


def test_merged_and_split_paragraphs():
    merged = RU[:2] + [RU[2] + " " + RU[3]] + RU[4:]
    assert ((2, 3), (2,)) in pairs(align(EN, merged, ConceptEmbedder()))
    first, second = "Новый мост через реку.", "Его планируется построить весной."
    split = RU[:3] + [first, second] + RU[4:]
    assert ((3,), (3, 4)) in pairs(align(EN, split, ConceptEmbedder()))


def test_exact_windows_are_embedded_only_for_the_merges_of_the_path():
    embedder = ConceptEmbedder()
    align(EN, RU, embedder)
    assert [len(call) for call in embedder.calls] == [len(EN), len(RU)]
    embedder = ConceptEmbedder()
    merged = RU[:2] + [RU[2] + " " + RU[3]] + RU[4:]
    align(EN, merged, embedder)
    extra = [text for call in embedder.calls[2:] for text in call]
    assert EN[2] + "\n" + EN[3] in extra
    assert EN[6] + "\n" + EN[7] not in extra


def test_an_estimated_window_leans_towards_its_longer_member():
    """A mean-pooling encoder's vector of joined texts is dominated by the longer text."""
    from aligncheck.align.features import Side

    texts = ["short one", "a much longer text " * 20, "another line", "and a last one"]
    rows = np.eye(4, dtype=np.float32)
    side = Side.embed(texts, [lambda batch: rows[[texts.index(t) for t in batch]]])
    window = side.windows(2, 2, 2)[0]
    first, second = side.blocks[0][0], side.blocks[0][1]
    assert window @ second > window @ first + 0.5
    assert abs(np.linalg.norm(window) - 1) < 1e-6


def test_align_many_gives_each_pair_what_align_gives_and_embeds_windows_once():
    merged = RU[:2] + [RU[2] + " " + RU[3]] + RU[4:]
    split = RU[:3] + ["Новый мост через реку.", "Его планируется построить весной."] + RU[4:]
    targets = [merged, RU, split, []]
    embedder = ConceptEmbedder()
    together = align_many(EN, targets, embedder)
    assert together == [align(EN, t, ConceptEmbedder()) for t in targets]
    first, *later = [call for call in embedder.calls if any("\n" in text for text in call)]
    assert EN[2] + "\n" + EN[3] in first
    assert later and all(set(call) <= set(first) for call in later)  # a caching embedder's hits


def test_empty_sides_and_several_embedders():
    assert pairs(align([], RU[:2], ConceptEmbedder())) == [((), (0,)), ((), (1,))]
    assert pairs(align(EN[:1], [], ConceptEmbedder())) == [((0,), ())]
    links = align(EN, RU, [ConceptEmbedder(), ConceptEmbedder()])
    assert pairs(links) == [((i,), (i,)) for i in range(len(EN))]


def test_link_types_include_the_required_merges():
    assert {(1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2)} <= set(link_types(2))
    assert (1, 3) in link_types(3) and (1, 4) not in link_types(3)


class PlantedEmbedder:
    """Random unit vectors: 'sN' and 'tN' texts share vector N (plus noise on the target)."""

    def __init__(self, size, dim=48, seed=0):
        rng = np.random.default_rng(seed)
        self.base = rng.normal(size=(size, dim))
        self.noise = rng.normal(size=(size, dim)) * 0.5

    def __call__(self, texts):
        rows = []
        for text in texts:
            ids = [int(part[1:]) for part in text.split("\n")]
            v = sum(self.base[i] + (self.noise[i] if text[0] == "t" else 0) for i in ids)
            rows.append(v / np.linalg.norm(v))
        return np.array(rows, dtype=np.float32)


@pytest.mark.parametrize("size", [300, 2000])
def test_long_documents_use_the_band_and_recover_a_planted_path(size):
    rng = np.random.default_rng(size)
    source = [f"s{i}" for i in range(size)]
    dropped = set(rng.choice(size, size // 50, replace=False).tolist())
    target = [f"t{i}" for i in range(size) if i not in dropped]
    assert needs_coarse_pass(len(source), len(target))
    links = align(source, target, PlantedEmbedder(size), exact_windows=False)
    assert_covers(links, len(source), len(target))
    assert {link.source[0] for link in links if not link.target} == dropped


def test_band_follows_a_coarse_path_and_stays_monotone():
    lo, hi = band_around([(1, 1)] * 5 + [(0, 1)] * 3 + [(1, 1)] * 5, 20, 26, 2, 2)
    assert lo[0] == 0 and hi[-1] == 26
    assert (np.diff(lo) >= 0).all() and (np.diff(hi) >= 0).all()
    assert (hi - lo).max() < 26
    assert lo[10] <= 16 <= hi[10]


def test_alignment_is_deterministic():
    target = RU[:3] + RU[4:]
    assert align(EN, target, ConceptEmbedder()) == align(EN, target, ConceptEmbedder())


def test_a_long_run_of_dropped_segments_stays_inside_the_band():
    size = 400
    source = [f"s{i}" for i in range(size)]
    target = [f"t{i}" for i in range(size) if not 150 <= i < 190]
    links = align(source, target, PlantedEmbedder(size, seed=3), exact_windows=False)
    assert_covers(links, len(source), len(target))
    assert sorted(link.source[0] for link in links if not link.target) == list(range(150, 190))


class TaggedVectors:
    """Each line's first word names its vector; a joined window sums its lines' vectors."""

    def __init__(self, table):
        self.table = table

    def __call__(self, texts):
        rows = []
        for text in texts:
            v = sum(np.asarray(self.table[line.split()[0]], float) for line in text.split("\n"))
            rows.append(v / np.linalg.norm(v))
        return np.array(rows, dtype=np.float32)


def _padded(tag: str, length: int) -> str:
    return tag + " " + "x" * (length - len(tag) - 1)


def _concept(k: int, topic: float = 0.0, dim: int = 8) -> np.ndarray:
    v = np.zeros(dim)
    v[k], v[0] = 1.0, topic
    return v


def test_two_paragraphs_close_in_topic_stay_two_links_not_one_2_2():
    table = {
        "s0": _concept(1, 3),
        "s1": _concept(2, 3),
        "t0": _concept(1, 3) + 0.6 * _concept(5),
        "t1": _concept(2, 3) + 0.6 * _concept(6),
        "s2": _concept(3, 0.3),
        "t2": _concept(3, 0.3),
        "s3": _concept(4, 0.3),
        "t3": _concept(4, 0.3),
    }
    source = [_padded("s0", 60)] + [_padded(f"s{i}", 300) for i in (1, 2, 3)]
    target = [_padded("t0", 60)] + [_padded(f"t{i}", 300) for i in (1, 2, 3)]
    embed = TaggedVectors(table)
    assert pairs(align(source, target, embed))[:2] == [((0,), (0,)), ((1,), (1,))]
    # the penalty is what keeps them apart: without it they merge on both sides
    merged = align(source, target, embed, both_sides_penalty=0.0)
    assert pairs(merged)[0] == ((0, 1), (0, 1))


def test_a_short_sentence_merged_into_its_neighbour_is_a_merge_not_a_skip():
    """Merged in, it moves neither the target's length nor its vector much; what tells it from
    a dropped sentence is its own similarity to the target (member_weight)."""
    # six segments: in a shorter document the centring (features.CENTRE_SHRINK) decides alone
    table = {f"s{k}": _concept(k + 1, 0.5) for k in range(6)}
    table |= {f"t{k}": _concept(k + 1, 0.5) for k in range(6)}
    table["t01"] = table["t1"] + 0.4 * _concept(1)
    source = [_padded("s0", 40)] + [_padded(f"s{i}", 200) for i in range(1, 6)]
    rest = [_padded(f"t{i}", 200) for i in range(2, 6)]
    embed = TaggedVectors(table)
    merged = [_padded("t01", 202)] + rest
    sentences = {"length_ratio": 1.0, "member_weight": member_weight("sentence")}
    assert pairs(align(source, merged, embed, **sentences))[0] == ((0, 1), (0,))
    without = align(
        source, merged, embed, length_ratio=1.0, member_weight=member_weight("paragraph")
    )
    assert pairs(without)[:2] == [((0,), ()), ((1,), (0,))]
    dropped = [_padded("t1", 202)] + rest
    assert pairs(align(source, dropped, embed, **sentences))[:2] == [((0,), ()), ((1,), (0,))]


def test_a_dropped_paragraph_is_no_merge_at_the_languages_length_ratio():
    table = {"s0": _concept(1, 2), "s1": _concept(2, 2), "t1": _concept(2, 2)}
    source = [_padded("s0", 300), _padded("s1", 300)]
    target = [_padded("t1", 300)]
    embed = TaggedVectors(table)
    # the documents' total ratio (1:2) makes the merge look the right length
    assert pairs(align(source, target, embed)) == [((0, 1), (0,))]
    assert pairs(align(source, target, embed, length_ratio=1.0)) == [((0,), ()), ((1,), (0,))]


def test_lengths_are_compared_at_the_ratio_of_the_one_to_one_links():
    from aligncheck.align.aligner import linked_ratio
    from aligncheck.align.features import Side

    def side(lengths):
        return Side([np.eye(len(lengths))], np.array(lengths, float), None)

    # 1-1 links of ratio 2, a dropped source paragraph, a 2-1 merge: the median of the 1-1s
    path = [(1, 1), (1, 0), (1, 1), (2, 1), (1, 1)]
    src, tgt = side([100, 400, 50, 30, 30, 10]), side([200, 100, 90, 20])
    assert linked_ratio(path, src, tgt) == 2.0
    assert linked_ratio([(1, 0), (2, 1)], side([5, 5, 5]), side([9])) is None


def _split_sentence_case(source_mark: int):
    """Source sentences a, b, c; the target splits one of a, b into two, and the piece `u`
    between them is as close to a as to b (vector and length): only the number it shares
    with source sentence `source_mark` tells which sentence it belongs to."""
    table = {"sa": _concept(1), "sb": _concept(2), "sc": _concept(3)}
    table |= {"ta": _concept(1), "tb": _concept(2), "tc": _concept(3)}
    table["u"] = (_concept(1) + _concept(2)) / np.sqrt(2)
    source = [_padded(tag, 200) for tag in ("sa", "sb", "sc")]
    source[source_mark] = source[source_mark][:-4] + " 1,500"
    target = [_padded("ta", 100), _padded("u", 100)[:-5] + " 1500", _padded("tb", 100)]
    target.append(_padded("tc", 200))
    return source, target, TaggedVectors(table)


@pytest.mark.parametrize(
    "mark, expected", [(0, [((0,), (0, 1)), ((1,), (2,))]), (1, [((0,), (0,)), ((1,), (1, 2))])]
)
def test_a_shared_number_tells_which_sentence_a_split_piece_belongs_to(mark, expected):
    source, target, embed = _split_sentence_case(mark)
    options = {"length_ratio": 1.0, "member_weight": member_weight("sentence")}
    links = align(source, target, embed, lexical_weight=lexical_weight("sentence"), **options)
    assert pairs(links)[:2] == expected
    # the embedding alone cannot tell: it links the piece the same way whatever the number
    unaided = [pairs(align(*_split_sentence_case(m)[:2], embed, **options))[:2] for m in (0, 1)]
    assert unaided[0] == unaided[1]


def test_lexical_anchors_are_numbers_and_marks_a_translation_keeps():
    from aligncheck.align.lexical import anchors

    assert anchors("It cost 1,000 euros (3.5%).") == {"d:1000", "d:35", "p:("}
    assert anchors("Это стоило 1 000 евро (3,5 %).") == {"d:1000", "d:35", "p:("}
    assert anchors('He asked: "Why?"') == anchors("Он спросил: «Почему?»") == {"p:?", 'p:"'}
    assert anchors("They said, 'don't go.'") == {'p:"'}
    assert anchors("Don't, it's the players' time.") == {'p:"'}  # a plural possessive, alas
    assert anchors("It's O'Neill's dog") == frozenset()
    assert lexical_weight("sentence") == lexical_weight("paragraph") > 0


def test_lexical_anchors_keep_long_documents_on_the_band_path():
    size = 300
    rng = np.random.default_rng(size)
    source = [f"s{i}" for i in range(size)]
    dropped = set(rng.choice(size, size // 50, replace=False).tolist())
    target = [f"t{i}" for i in range(size) if i not in dropped]
    embed = PlantedEmbedder(size)
    links = align(source, target, embed, exact_windows=False, lexical_weight=0.1)
    assert_covers(links, len(source), len(target))
    assert {link.source[0] for link in links if not link.target} == dropped


def test_sentence_links_join_up_to_five_sentences_and_two_with_two():
    """A translator's sentences need not follow the source's: one long sentence cut in four,
    two sentences whose clauses change places. Sentence links reach both (unit_options);
    paragraph links keep to three a side and pay for merging both sides."""
    sentence, paragraph = unit_options("sentence"), unit_options("paragraph")
    table = {"s0": sum(_concept(k) for k in (1, 2, 3, 4)), "s1": _concept(5)}
    table |= {f"t{k}": _concept(k) for k in (1, 2, 3, 4, 5)}
    embed = TaggedVectors(table)
    source = [_padded("s0", 400), _padded("s1", 200)]
    target = [_padded(f"t{k}", 100) for k in (1, 2, 3, 4)] + [_padded("t5", 200)]
    cut_in_four = ((0,), (0, 1, 2, 3))
    assert pairs(align(source, target, embed, length_ratio=1.0, **sentence))[0] == cut_in_four
    assert pairs(align(source, target, embed, length_ratio=1.0, **paragraph))[0] != cut_in_four

    # a clause of the first sentence moves to the second: as one 2-2 link, or two loose 1-1s
    table = {"s0": _concept(1) + 0.7 * _concept(2), "s1": _concept(3)}
    table |= {"t0": _concept(1), "t1": 0.7 * _concept(2) + _concept(3)}
    table |= {f"{side}{k}": _concept(k + 3) for k in (2, 3) for side in "st"}  # four links:
    embed = TaggedVectors(table)  # in a shorter document the centring decides alone
    source = [_padded("s0", 200), _padded("s1", 200), _padded("s2", 200), _padded("s3", 200)]
    target = [_padded("t0", 150), _padded("t1", 250), _padded("t2", 200), _padded("t3", 200)]
    crossed = ((0, 1), (0, 1))
    assert pairs(align(source, target, embed, length_ratio=1.0, **sentence))[0] == crossed
    assert pairs(align(source, target, embed, length_ratio=1.0, **paragraph))[:2] == [
        ((0,), (0,)),
        ((1,), (1,)),
    ]
