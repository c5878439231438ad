"""Word alignment from the default model's token vectors (align/words.py, token_vectors)."""

import numpy as np
import pytest

from aligncheck.align.words import (
    align_words,
    beside_neighbours,
    gap_between_neighbours,
    target_span_of,
    word_spans,
    word_vectors,
)
from aligncheck.embed import load_embedder, token_vectors

SOURCE = "Minister Ospanova met Karimov in Berlin on 12 May 2021."
TARGETS = {
    "ru": "Министр Оспанова встретилась с Каримовым в Берлине 12 мая 2021 года.",
    "kk": "Министр Оспанова 2021 жылғы 12 мамырда Берлинде Каримовпен кездесті.",
    "tr": "Bakan Ospanova, 12 Mayıs 2021'de Berlin'de Karimov ile görüştü.",
}
# source word -> the target word it must map to, per language
EXPECTED = {
    "ru": {"Berlin": "Берлине", "Karimov": "Каримовым", "Ospanova": "Оспанова", "2021": "2021"},
    "kk": {"Berlin": "Берлинде", "Karimov": "Каримовпен", "Ospanova": "Оспанова", "12": "12"},
    "tr": {"Berlin": "Berlin'de", "Karimov": "Karimov", "Ospanova": "Ospanova", "2021": "2021"},
}
PROTEST = (
    "In 2019 about 4,500 people marched through Almaty, and Aliya Nurlanovna spoke first.",
    "В 2019 году около 4 500 человек прошли по Алматы, и первой выступила Алия Нурлановна.",
)


@pytest.fixture(scope="module")
def embedder():
    return load_embedder(use_cache=False)


def _source_span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.mark.parametrize("lang", sorted(TARGETS))
def test_names_numbers_and_a_place_map_to_their_renderings(embedder, lang):
    target = TARGETS[lang]
    source_tokens, target_tokens = token_vectors(embedder, [SOURCE, target])
    alignment = align_words(SOURCE, target, source_tokens, target_tokens)
    for word, rendering in EXPECTED[lang].items():
        span = target_span_of(*_source_span(SOURCE, word), alignment)
        assert span is not None, word
        assert target[span[0] : span[1]] == rendering, (word, target[span[0] : span[1]])


def test_a_number_with_other_separators_and_a_two_word_name(embedder):
    source, target = PROTEST
    alignment = align_words(source, target, *token_vectors(embedder, [source, target]))
    span = target_span_of(*_source_span(source, "Almaty"), alignment)
    assert span and target[span[0] : span[1]] == "Алматы"
    span = target_span_of(*_source_span(source, "Aliya Nurlanovna"), alignment)
    assert span and target[span[0] : span[1]] == "Алия Нурлановна"
    span = target_span_of(*_source_span(source, "2019"), alignment)
    assert span and target[span[0] : span[1]] == "2019"


def test_results_are_deterministic_whatever_else_is_in_the_batch(embedder):
    target = TARGETS["ru"]
    alone = align_words(SOURCE, target, *token_vectors(embedder, [SOURCE, target]))
    fresh = load_embedder(use_cache=False)
    crowd = [PROTEST[0], SOURCE, target, PROTEST[1], TARGETS["kk"], "Short."]
    vectors = token_vectors(fresh, crowd)
    assert align_words(SOURCE, target, vectors[1], vectors[2]) == alone
    assert align_words(SOURCE, target, vectors[1], vectors[2], "itermax") == align_words(
        SOURCE, target, vectors[1], vectors[2], "itermax"
    )


@pytest.mark.parametrize(
    "text", [SOURCE, *TARGETS.values(), *PROTEST, "  Indented\n\tand  spaced.  "]
)
def test_token_spans_cover_every_word_and_rows_are_unit_vectors(embedder, text):
    [(spans, vectors)] = token_vectors(embedder, [text])
    assert spans.shape == (len(vectors), 2) and vectors.shape[1] == embedder.dim
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    assert np.all(spans[:, 0] < spans[:, 1]) and np.all(spans[1:, 0] >= spans[:-1, 1])
    covered = np.zeros(len(text), dtype=bool)
    for a, b in spans.tolist():
        covered[a:b] = True
        assert not text[a].isspace() and not text[b - 1].isspace()
    for a, b in word_spans(text):
        assert covered[a:b].all(), text[a:b]


def test_a_text_longer_than_one_window_is_covered_throughout(embedder):
    text = " ".join(f"Item {n} of the list went to Astana." for n in range(120))
    [(spans, vectors)] = token_vectors(embedder, [text])
    assert len(spans) > 510 and len(vectors) == len(spans)
    covered = np.zeros(len(text), dtype=bool)
    for a, b in spans.tolist():
        covered[a:b] = True
    assert all(covered[a:b].all() for a, b in word_spans(text))


def test_the_piece_subset_gives_the_whole_tokenizers_spans(embedder):
    from aligncheck.embed.bert import _WholeTokenizer
    from aligncheck.embed.piece_subset import SubsetTokenizer, table_path

    path = embedder.model.path
    if not table_path(path).is_file():
        pytest.skip("no piece table beside this model")
    texts = [embedder.prompt + t for t in (SOURCE, *TARGETS.values(), *PROTEST, "ﬁ №5 — ½")]
    assert SubsetTokenizer(path).encode_offsets(texts) == _WholeTokenizer(path).encode_offsets(
        texts
    )


def test_the_torch_runner_gives_the_same_token_states(embedder):
    pytest.importorskip("torch")
    from aligncheck.embed.bert import LeanBert, OrtBert

    runner = embedder.model
    if not isinstance(runner, OrtBert):
        pytest.skip("onnxruntime runner not in use")
    torch_runner = LeanBert(runner.path)
    texts = [SOURCE, TARGETS["kk"]]
    for layer in (8, 12):
        ours = runner.token_states(texts, prompt=embedder.prompt, layer=layer)
        theirs = torch_runner.token_states(texts, prompt=embedder.prompt, layer=layer)
        for (spans, states), (their_spans, their_states) in zip(ours, theirs):
            assert np.array_equal(spans, their_spans)
            assert np.abs(states - their_states).max() < 1e-4


def test_the_graph_outputs_token_states_beside_the_sums(embedder):
    from aligncheck.embed.bert import OrtBert

    if not isinstance(embedder.model, OrtBert):
        pytest.skip("onnxruntime runner not in use")
    names = [o.name for o in embedder.model.session.get_outputs()]
    assert names[0] == "token_sums" and {"layer_8", "layer_12"} <= set(names)


def test_no_token_vectors_from_a_model_without_them():
    from aligncheck.embed.embedder import CachedEmbedder

    def load():
        raise AssertionError("the model must not be loaded to say so")

    other = CachedEmbedder("other-model", "other|x", "", load, None, dim=3)
    assert other.token_vectors(["text"]) is None
    assert token_vectors(object(), ["text"]) is None


# align/words.py on vectors made for the test (no model)


def _tokens(text: str, vectors: dict[str, list[float]]):
    """One token per word of `text`, with the vector given for that word."""
    spans = word_spans(text)
    rows = [vectors[text[a:b]] for a, b in spans]
    return np.array(spans), np.array(rows, dtype=np.float32)


def test_mutual_argmax_aligns_only_words_that_choose_each_other():
    source, target = "red big car", "auto rot"
    vectors = {
        "red": [1, 0, 0],
        "big": [0.6, 0.5, 0],
        "car": [0, 0, 1],
        "auto": [0, 0.1, 1],
        "rot": [1, 0.1, 0],
    }
    alignment = align_words(source, target, _tokens(source, vectors), _tokens(target, vectors))
    assert alignment == [((0, 3), (5, 8)), ((8, 11), (0, 4))]
    assert target_span_of(4, 7, alignment) is None  # "big" chose "rot", which chose "red"
    assert target_span_of(0, 11, alignment) == (0, 8)


def test_itermax_gives_a_second_round_to_words_left_out():
    source, target = "one two three four", "uno dos tres cuatro"
    vectors = {
        "one": [1, 0, 0, 0],
        "two": [0, 1, 0, 0],
        "three": [0, 0, 1, 0],
        "four": [0, 0.9, 0.1, 0],  # prefers "dos", which prefers "two"
        "uno": [1, 0, 0, 0],
        "dos": [0, 1, 0, 0],
        "tres": [0, 0.2, 1, 0],
        "cuatro": [0, 0, 0, 1],  # like nothing: left out in both rounds
    }
    src, tgt = _tokens(source, vectors), _tokens(target, vectors)
    argmax = align_words(source, target, src, tgt)
    itermax = align_words(source, target, src, tgt, "itermax")
    assert set(argmax) < set(itermax)
    assert ((14, 18), (4, 7)) in itermax  # "four" joins "dos" in the second round
    with pytest.raises(ValueError):
        align_words(source, target, src, tgt, "softmax")


def test_subwords_are_averaged_into_words_and_punctuation_is_never_aligned():
    text = "Karimov, 4,500!"
    spans = np.array([(0, 4), (4, 7), (7, 8), (9, 14), (14, 15)])
    vectors = np.array([[1, 0], [1, 1], [0, 1], [0, 1], [1, 0]], dtype=np.float32)
    words, matrix = word_vectors(text, (spans, vectors))
    assert words == [(0, 7), (9, 14)]
    assert np.allclose(matrix, [[2 / np.hypot(2, 1), 1 / np.hypot(2, 1)], [0, 1]])
    assert align_words("", text, (spans[:0], vectors[:0]), (spans, vectors)) == []


class _Context:
    """What link_alignment needs of a rule's context: the embedder and a release memo."""

    def __init__(self, embedder):
        self.resources = {"embedder": embedder}
        self.memo = {}

    def remember(self, key, make):
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]


def test_alignments_are_kept_in_the_embedding_cache_and_read_without_the_model(tmp_path):
    from aligncheck.align.words import link_alignment
    from aligncheck.embed.cache import EmbeddingCache
    from aligncheck.embed.embedder import CachedEmbedder

    store = tmp_path / "embeddings.sqlite3"
    first = load_embedder(use_cache=False)
    computed = link_alignment(_Context(first), SOURCE, TARGETS["ru"])
    assert computed

    def cached_embedder():
        return CachedEmbedder(
            first.name,
            first.model_id,
            first.prompt,
            loads.append,
            EmbeddingCache(store),
            tokens=True,
        )

    loads = []
    warm = cached_embedder()
    warm._model = first.model  # the first run has the model loaded
    assert link_alignment(_Context(warm), SOURCE, TARGETS["ru"]) == computed
    later = cached_embedder()  # a later run: the model is never loaded
    assert link_alignment(_Context(later), SOURCE, TARGETS["ru"]) == computed
    assert loads == [] and not later.model_loaded


def test_a_stored_alignment_that_cannot_be_one_is_not_trusted():
    from aligncheck.align.words import _decode, _encode

    assert _decode(_encode([((0, 4), (2, 9))]), 10, 10) == [((0, 4), (2, 9))]
    assert _decode(_encode([]), 10, 10) == []
    assert _decode(np.array([5.0, 2.0, 0.0, 1.0], dtype=np.float32), 10, 10) is None  # a >= b
    assert _decode(np.array([0.0, 4.0, 2.0, 99.0], dtype=np.float32), 10, 10) is None  # too long
    assert _decode(np.array([0.5, 4.0, 2.0, 3.0], dtype=np.float32), 10, 10) is None


def test_a_target_sentence_that_carries_on_its_source_is_no_addition(embedder):
    from aligncheck.align.sentences import sentences
    from aligncheck.checks.base import PairContext
    from aligncheck.checks.sentence_gaps import translated_words
    from aligncheck.model import Document, Link
    from aligncheck.segment import segment_document

    source = (
        "The minister opened the new bridge over the river in March. "
        "Tensions remain high in the region a year after the vote that the capital called illegal."
    )
    target = (
        "Министр открыл новый мост через реку в марте. Столица назвала голосование незаконным. "
        "Год спустя в регионе сохраняется напряжение. Футбольный клуб купил нового вратаря."
    )
    src = segment_document(Document("en.txt", "en", source))
    tgt = segment_document(Document("ru.txt", "ru", target))
    ctx = PairContext("r", src, tgt, (Link((0,), (0,), 0.9),), {}, {"embedder": embedder})
    split_off, foreign = sentences(tgt, (0,))[2], sentences(tgt, (0,))[3]
    assert split_off.text.startswith("Год спустя") and foreign.text.startswith("Футбольный")
    assert translated_words(ctx, ctx.links[0], split_off, "target")
    assert not translated_words(ctx, ctx.links[0], foreign, "target")


def test_the_gap_between_aligned_neighbours_is_where_unaligned_words_go():
    # "the spokesman X Y told" / "өкілі Z айтты": spokesman -> өкілі, told -> айтты
    alignment = [((4, 13), (0, 5)), ((27, 31), (15, 20))]
    assert gap_between_neighbours(14, 26, alignment, 48) == (5, 15)
    assert gap_between_neighbours(14, 26, alignment, 5) is None  # farther apart than allowed
    crossed = [((4, 13), (15, 20)), ((27, 31), (0, 5))]
    assert gap_between_neighbours(14, 26, crossed, 48) is None  # the neighbours swap places
    assert gap_between_neighbours(0, 3, alignment, 48) is None  # nothing aligned before


def test_without_a_gap_the_places_beside_each_near_neighbours_rendering_are_tried():
    # "the spokesman X Y told" / "айтты ... өкілі Z": the neighbours' renderings cross
    crossed = [((4, 13), (15, 20)), ((27, 31), (0, 5))]
    assert beside_neighbours(14, 26, crossed, 24) == [(20, 20), (0, 0)]
    assert beside_neighbours(14, 26, crossed, 0) == []  # both farther from the name
    assert beside_neighbours(0, 3, crossed, 1) == [(15, 15)]  # nothing before "spokesman"
    assert beside_neighbours(0, 3, crossed, 0) == []
