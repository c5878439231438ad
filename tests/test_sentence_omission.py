import numpy as np
from factories import pair

from aligncheck.align.sentences import align_sentences
from aligncheck.checks.addition.AD02 import AD02
from aligncheck.checks.base import PairContext
from aligncheck.checks.omission.OM02 import OM02
from aligncheck.model import Document, Link
from aligncheck.segment import segment_document

EN = [
    "The new bridge over the river opened on Monday after three years of construction work.",
    "It cost forty million dollars, which is twice the amount of the first estimate by the city.",
    "Traffic in the old town centre fell by half within a single week of the opening.",
    "The mayor thanked the builders and promised a second bridge further down the river.",
]
RU = [
    "Новый мост через реку открылся в понедельник после трёх лет строительных работ.",
    "Он обошёлся в сорок миллионов долларов, что вдвое больше первой оценки городских властей.",
    "Движение в центре старого города сократилось вдвое всего за неделю после открытия.",
    "Мэр поблагодарил строителей и пообещал построить второй мост ниже по течению реки.",
]
CONCEPTS = [
    ("bridge over", "мост через"),
    ("million", "миллион"),
    ("traffic", "движение"),
    ("mayor", "мэр"),
    ("programme", "программ"),
    ("smiled", "улыбнулся"),
]


class ConceptEmbedder:
    """A stand-in for a multilingual model: one dimension per concept found in the text."""

    def embed(self, texts):
        rows = []
        for text in texts:
            low = text.lower()
            v = np.array([1.0 if any(w in low for w in ws) else 0.0 for ws in CONCEPTS] + [0.1])
            rows.append(v / np.linalg.norm(v))
        return np.array(rows)


def ctx(source: list[str], target: list[str], embedder=None) -> PairContext:
    """One paragraph of `source` sentences and one of `target` sentences."""
    return pair(" ".join(source), " ".join(target), embedder=embedder)


def test_complete_translation_has_no_gaps():
    for embedder in (None, ConceptEmbedder()):
        c = ctx(EN, RU, embedder)
        assert list(OM02().check(c)) == [] and list(AD02().check(c)) == []


def test_dropped_sentence_is_found_and_highlighted():
    for embedder in (None, ConceptEmbedder()):
        c = ctx(EN, RU[:1] + RU[2:], embedder)
        [f] = list(OM02().check(c))
        text = c.source.segments[0].text
        assert text[f.source_span.start : f.source_span.end] == EN[1]
        assert list(AD02().check(c)) == []


def test_added_sentence_is_found():
    extra = (
        "Жители соседних сёл также смогут пользоваться им бесплатно до конца следующего года, "
        "а грузовикам въезд будет закрыт по выходным дням."
    )
    for embedder in (None, ConceptEmbedder()):
        c = ctx(EN[:3], RU[:2] + [extra] + RU[2:3], embedder)
        [f] = list(AD02().check(c))
        assert f.target_text == extra


def test_merged_sentences_are_not_an_omission():
    merged = RU[:1] + [RU[1].rstrip(".") + ", а " + RU[2][0].lower() + RU[2][1:]] + RU[3:]
    assert list(OM02().check(ctx(EN, merged))) == []


def test_short_drop_within_normal_length_variation_is_not_reported():
    short_en = EN + ["He smiled."]
    assert list(OM02().check(ctx(short_en, RU))) == []


def test_with_embeddings_a_short_drop_within_normal_length_variation_is_found():
    # the length alone cannot tell (see the test above); the missing sentence's best match can
    short_en = EN + ["He smiled."]
    [f] = list(OM02().check(ctx(short_en, RU, ConceptEmbedder())))
    assert f.source_text == "He smiled." and "score" in f.message
    assert list(OM02().check(ctx(short_en, RU + ["Он улыбнулся."], ConceptEmbedder()))) == []


def test_score_threshold_is_configurable():
    c = ctx(EN, RU[:1] + RU[2:], ConceptEmbedder())
    strict = PairContext(
        c.release,
        c.source,
        c.target,
        c.links,
        options={"omission_min_score": 1000.0},
        resources=c.resources,
    )
    assert list(OM02().check(strict)) == []


def merged_link(target_paragraphs: list[str], embedder=None) -> PairContext:
    src = segment_document(Document("en.txt", "en", "The programme runs for five years."))
    tgt = segment_document(Document("ru.txt", "ru", "\n\n".join(target_paragraphs)))
    assert len(tgt.segments) == len(target_paragraphs)
    link = Link((0,), tuple(range(len(target_paragraphs))), 1.0)
    return PairContext("t", src, tgt, (link,), resources={"embedder": embedder} if embedder else {})


def test_paragraph_added_and_merged_into_a_one_to_two_link_is_an_addition():
    note = (
        "Примечание редакции: фотографии к этой статье любезно предоставлены пресс-службой "
        "областного краеведческого музея."
    )
    for embedder in (None, ConceptEmbedder()):
        c = merged_link(["Программа рассчитана на пять лет.", note], embedder)
        [f] = list(AD02().check(c))
        assert f.category == "addition" and f.target_text == note
        assert (f.target_span.segment, f.target_span.start, f.target_span.end) == (1, 0, len(note))
        assert "paragraph 2 has no source" in f.message
        assert f.target_location.line == 3
        assert list(OM02().check(c)) == []


def test_one_to_two_link_that_splits_a_sentence_is_not_an_addition():
    c = merged_link(["Программа рассчитана", "на пять лет."], ConceptEmbedder())
    assert list(AD02().check(c)) == [] and list(OM02().check(c)) == []


def test_alignment_beads_cover_every_sentence_once():
    beads = align_sentences(EN, RU[:2] + RU[3:], 1.1)
    assert [i for s, _ in beads for i in s] == [0, 1, 2, 3]
    assert [j for _, t in beads for j in t] == [0, 1, 2]


def test_ratio_falls_back_to_the_document_median_for_uncalibrated_languages():
    from aligncheck.align.sentences import expected_ratio

    src = segment_document(Document("a.txt", "xx", "one two\n\nthree four five\n\nsix"))
    tgt = segment_document(
        Document("b.txt", "yy", "one two one two\n\nthree four five three four five\n\nsix six")
    )
    links = tuple(Link((i,), (i,), 1.0) for i in range(3))
    assert abs(expected_ratio(src, tgt, links) - 2.0) < 0.2
    en = segment_document(Document("en.txt", "en", "one two"))
    ru = segment_document(Document("c.txt", "ru", "x"))
    assert 1.05 < expected_ratio(en, ru, (Link((0,), (0,), 1.0),)) < 1.15


class CountingEmbedder(ConceptEmbedder):
    def __init__(self):
        self.calls: list[list[str]] = []

    def embed(self, texts):
        self.calls.append(list(texts))
        return super().embed(texts)


def test_a_link_with_as_many_sentences_and_a_normal_length_is_not_embedded():
    embedder = CountingEmbedder()
    normal = RU[:3] + [RU[3][:-1] + ", как и обещал в прошлом году."]  # 0.3 sd from the usual ratio
    assert list(OM02().check(ctx(EN, normal, embedder))) == []
    assert embedder.calls == []
    [f] = list(OM02().check(ctx(EN, RU[:1] + RU[2:], embedder)))  # one sentence fewer: scored
    assert f.source_text == EN[1] and len(embedder.calls) == 1


def test_prepare_embeds_every_scored_sentence_of_the_release_in_one_call():
    from aligncheck.checks.base import ReleaseContext

    embedder = CountingEmbedder()
    normal = RU[:3] + [RU[3][:-1] + ", как и обещал в прошлом году."]
    pairs = (
        ctx(EN, RU[:1] + RU[2:], embedder),
        ctx(EN, RU[:3], embedder),
        ctx(EN, normal, embedder),
    )
    OM02().prepare(ReleaseContext("t", pairs[0].source, pairs, {}, {"embedder": embedder}))
    [batch] = embedder.calls
    assert sorted(set(batch)) == sorted(set(EN + RU)) and normal[3] not in batch


def test_sentences_are_split_where_a_quotation_closes_from_the_paragraph_before():
    """A paragraph that opens by closing the previous paragraph's quotation still splits into
    its sentences (the splitter would read it up to the next opening quote as one quotation)."""
    from aligncheck.align.sentences import sentences

    text = (
        "Так и будет», — добавил он. Затем мэр объявил, что мост назовут «Северным». "
        "Работы начнутся весной. Город ждёт."
    )
    seg = segment_document(Document("ru.txt", "ru", text))
    assert [s.text for s in sentences(seg, (0,))] == [
        "Так и будет», — добавил он.",
        "Затем мэр объявил, что мост назовут «Северным».",
        "Работы начнутся весной.",
        "Город ждёт.",
    ]


def test_a_paragraph_closing_an_earlier_quotation_is_not_an_omission():
    source = ['So it will be," he added.', *EN]
    target = [
        "Так и будет», — добавил он.",
        *RU[:3],
        "Мэр поблагодарил «строителей» и пообещал построить второй мост ниже по течению реки.",
    ]
    for embedder in (None, ConceptEmbedder()):
        assert list(OM02().check(ctx(source, target, embedder))) == []
        assert list(AD02().check(ctx(source, target, embedder))) == []


def test_absorption_tells_a_split_sentence_from_a_foreign_one():
    """An unmatched target sentence that carries on its neighbour's translation (one source
    sentence split in two) raises the neighbour bead's cosine; a foreign sentence does not."""
    from aligncheck.align.sentences import absorption

    e = ConceptEmbedder()
    source = ["The bridge over the river cost forty million dollars."]
    beads = [((0,), (0,)), ((), (1,))]
    split = e.embed(source + ["Мост через реку открыт.", "Он стоил сорок миллионов."])
    foreign = e.embed(source + ["Мост через реку открыт.", "Мэр улыбнулся."])
    assert absorption(beads, 1, 1, 1, split, 1) > 0.05
    assert absorption(beads, 1, 1, 1, foreign, 1) == 0.0


def test_a_sentence_opening_with_a_figure_is_its_own_sentence():
    from aligncheck.align.sentences import sentences

    seg = segment_document(
        Document("kk.txt", "kk", "Көпір дүйсенбіде ашылды. 2019 жылы салына бастады.")
    )
    assert [s.text for s in sentences(seg, (0,))] == [
        "Көпір дүйсенбіде ашылды.",
        "2019 жылы салына бастады.",
    ]
    seg = segment_document(Document("en.txt", "en", "It opened on Oct. 2, 1968, in the plaza."))
    assert len(sentences(seg, (0,))) == 1


def test_figures_given_in_another_unit_count_as_present():
    from aligncheck.align.sentences import converted_figures

    en = ["The storm had winds of 70 mph and was 200 miles from the coast on 3 May."]
    ru = ["Ветер достигал 113 км/ч (70 миль в час), шторм был в 322 км от берега."]
    assert converted_figures(ru, en, ("ru", "en")) == {"113", "70", "322", "200"}
    assert converted_figures(en, ru, ("en", "ru")) == {"113", "70", "322", "200"}
    assert converted_figures(["Он прошёл 500 км."], en, ("ru", "en")) == set()


def test_markup_without_letters_is_part_of_the_sentence_before():
    """A closing `**` the splitter cuts off after the full stop is no sentence of its own: it
    would make the sides' sentence counts differ where nothing is missing."""
    from aligncheck.align.sentences import sentences

    text = "Мост открылся в понедельник. Так сообщил **мэр города.**"
    seg = segment_document(Document("ru.txt", "ru", text))
    assert [s.text for s in sentences(seg, (0,))] == [
        "Мост открылся в понедельник.",
        "Так сообщил **мэр города.**",
    ]
    seg = segment_document(Document("ru.txt", "ru", "** Мост открылся. Город ждёт."))
    assert [s.text for s in sentences(seg, (0,))] == ["** Мост открылся.", "Город ждёт."]


def test_merged_sentences_are_not_embedded_unless_a_threshold_allows_it():
    """Counts differ (two source sentences translated as one), but no sentence of either side
    could reach a strict score threshold whatever its embedding says: nothing is embedded. A
    threshold low enough makes the link worth scoring again (both configured here)."""
    merged = (
        RU[:1]
        + [RU[1].rstrip(".") + ", а " + RU[2][0].lower() + RU[2][1:]]
        + [RU[3][:-1] + ", как и обещал в прошлом году."]
    )  # of the usual length
    embedder = CountingEmbedder()
    c = ctx(EN, merged, embedder)

    def configured(threshold: float) -> PairContext:
        options = {"omission_min_score": threshold}
        return PairContext(c.release, c.source, c.target, c.links, options, c.resources)

    strict = configured(3.0)
    assert list(OM02().check(strict)) == [] and list(AD02().check(strict)) == []
    assert embedder.calls == []
    list(OM02().check(configured(-20.0)))
    assert embedder.calls and sorted(embedder.calls[0]) == sorted(EN + merged)


def test_unmatched_neighbours_that_match_each_other_best_are_paired():
    """A source and a target sentence the DP left both unmatched, side by side, that are each
    other's best match: one condensed translation (the length prior would not pair them), so
    their scores are lowered; a neighbour that matches something else better is no pair."""
    from aligncheck.align.sentences import paired_gap

    e = ConceptEmbedder()
    source = [
        "The bridge over the river opened.",
        "The mayor said that traffic fell by half in a week.",
    ]
    beads = [((0,), (0,)), ((1,), ()), ((), (1,))]
    condensed = e.embed(source + ["Мост через реку открыт.", "Мэр: движение упало."])
    assert paired_gap(beads, 1, 0, 1, condensed, 2) and paired_gap(beads, 2, 1, 1, condensed, 2)
    foreign = e.embed(source + ["Мост через реку открыт.", "Мост через реку строили три года."])
    assert not paired_gap(beads, 1, 0, 1, foreign, 2) and not paired_gap(beads, 2, 1, 1, foreign, 2)


class TableEmbedder:
    """Fixed vectors by sentence, a text's vector the sum of those of the sentences it holds:
    what a multilingual model gives sentences of one topic."""

    def __init__(self, table: dict[str, list[float]]):
        self.table = table

    def embed(self, texts):
        rows = [sum(np.array(v) for s, v in self.table.items() if s in t) for t in texts]
        return np.array([v / np.linalg.norm(v) for v in rows])


def test_a_dropped_sentence_the_aligner_put_in_a_bead_with_its_neighbour_is_found():
    """A short sentence of the same topic as its neighbour, left out of the translation, is
    matched together with the neighbour (a 2-1 bead costs less than leaving it out); the bead's
    cosine rises without it, so it is scored and reported. Translated too, it stays silent."""
    from aligncheck.align.sentences import shed_sentences

    en = [EN[0], "The mayor was there."]
    ru = (
        "Новый мост через реку открылся в понедельник после трёх лет строительных работ "
        "в центре города."
    )
    vectors = {en[0]: [1.0, 0.0, 0.0], en[1]: [0.9, 0.1, 0.4]}
    dropped = TableEmbedder({**vectors, ru: [1.0, 0.1, 0.0]})
    [f] = list(OM02().check(ctx(en, [ru], dropped)))
    assert f.source_text == en[1]
    translated = TableEmbedder({**vectors, ru: [1.0, 0.1, 0.3]})
    assert list(OM02().check(ctx(en, [ru], translated))) == []
    beads = [((0, 1), (0,))]
    assert shed_sentences(beads, en, [ru], dropped) == [1]
    assert shed_sentences(beads, en, [ru], translated) == []
    assert shed_sentences([((0,), (0,)), ((1,), ())], en, [ru], dropped) == []


def test_only_a_sentence_the_aligner_had_matched_is_dropped_for_its_aligned_words(monkeypatch):
    """Word alignment clears a matched sentence (a clause the translator merged into its
    neighbour) but not one the aligner left unmatched."""
    from aligncheck.checks import sentence_gaps

    monkeypatch.setattr(sentence_gaps, "translated_words", lambda *args: True)
    en = [EN[0], "The mayor was there."]
    ru = (
        "Новый мост через реку открылся в понедельник после трёх лет строительных работ "
        "в центре города."
    )
    dropped = TableEmbedder({en[0]: [1.0, 0.0, 0.0], en[1]: [0.9, 0.1, 0.4], ru: [1.0, 0.1, 0.0]})
    assert list(OM02().check(ctx(en, [ru], dropped))) == []
    c = ctx(EN, RU[:1] + RU[2:], ConceptEmbedder())
    [f] = list(OM02().check(c))
    assert f.source_text == EN[1]
