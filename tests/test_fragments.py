"""A dropped piece of a glued source sentence (a headline before its story): align/fragments.py."""

import numpy as np

from aligncheck.align.fragments import cut_points, dropped_fragments, worth_trying
from aligncheck.align.sentences import Sentence, cheapest_alignment, length_z, run_similarities

HEADLINE = "Springfield bridge opens to traffic"
STORY = HEADLINE + " Crowds gathered on Monday as the new bridge opened."
CONCEPTS = (("springfield", "спрингфилд"), ("bridge", "мост"), ("crowds", "толп"))


class Concepts:
    """One dimension per concept a text names; `calls` counts the embedding calls."""

    def __init__(self):
        self.calls = 0

    def embed(self, texts):
        self.calls += 1
        rows = []
        for text in texts:
            low = text.lower()
            v = np.array([float(any(w in low for w in ws)) for ws in CONCEPTS] + [0.1])
            rows.append(v / np.linalg.norm(v))
        return np.array(rows)


def sentence(text: str) -> list[Sentence]:
    return [Sentence(0, 0, len(text), text)]


def headline_unaligned(i: int, start: int, end: int):
    """The story's words are word-aligned, the headline's are not."""
    return (3, 0.0) if end <= len(HEADLINE) else (8, 1.0)


def test_cut_points_are_capitalised_words_after_a_lowercase_word_or_a_figure():
    text = "Volcano spews ash over the capital Ash spewing from it reached the southern suburbs."
    assert [text[p:].split()[0] for p in cut_points(text)] == ["Ash"]
    toll = "Death toll from the tsunami rises to 832 The toll rose overnight as rescuers dug."
    assert [toll[p:].split()[0] for p in cut_points(toll)] == ["The"]
    quoted = '"We lived through our best moments. I watched my parents cry with joy," he said.'
    assert [quoted[p:].split()[0] for p in cut_points(quoted)] == ["I"]
    # a name opened after "the", "by", or going on; an abbreviation's stop: no cut
    assert cut_points("The senators of the U.S. Senate met on a Monday in the capital.") == []
    assert cut_points("It is run by the United Nations Development Programme with agencies.") == []
    assert cut_points("Ash reached the capital, Mexico said on Saturday.") == []
    assert cut_points("The rally starts at seven tonight, said Trump.") == []  # near the end
    # after a capitalised word, a cut only before one of the language's function words
    rally = "Trump rallies in West Virginia The President spoke of the court at length."
    assert [rally[p:].split()[0] for p in cut_points(rally, "en")] == ["The"]
    assert cut_points(rally) == []  # no language, no word list
    programme = "It is run by the United Nations Development Programme with many agencies."
    assert cut_points(programme, "en") == []
    # English capitalises "I" mid-sentence: no headline ends before it
    speech = "Whenever I speak publicly - and it does not matter what I say - abuse follows me."
    assert cut_points(speech) == []


def test_a_headline_the_translation_leaves_out_is_found():
    target = "Толпы собрались в понедельник: мост открыт."
    found = dropped_fragments(
        sentence(STORY), sentence(target), 0.9, Concepts(), headline_unaligned
    )
    [gap] = found
    assert (
        gap.sentence.text == HEADLINE and STORY[gap.sentence.start : gap.sentence.end] == HEADLINE
    )
    assert gap.score > 2.0 and gap.z < 0


def test_a_headline_is_tried_where_its_glued_sentence_is_left_unmatched():
    """One sentence each side, the target far shorter: the sentence aligner leaves both
    unmatched (1-0 and 0-1), yet the headline piece is what the target lacks."""
    story = STORY[: -len(".")] + " to cars, bikes and buses after a decade of delays and debate."
    target = "Толпы собрались в понедельник."
    assert cheapest_alignment([story], [target], 0.9, similarities(story, target))[1] == [
        ((0,), ()),
        ((), (0,)),
    ]
    [gap] = dropped_fragments(
        sentence(story), sentence(target), 0.9, Concepts(), headline_unaligned
    )
    assert gap.sentence.text == HEADLINE


def similarities(*texts: str):
    return run_similarities(np.asarray(Concepts().embed(list(texts)), dtype=np.float64), 1)


def test_a_translated_headline_or_a_normal_length_is_not_a_fragment():
    translated = "Мост в Спрингфилде: толпы в понедельник."  # as short, all of it there
    assert (
        dropped_fragments(
            sentence(STORY), sentence(translated), 0.9, Concepts(), headline_unaligned
        )
        == []
    )
    target = "Толпы собрались в понедельник: мост открыт."
    assert not worth_trying(sentence(STORY), sentence(target), 0.55)
    assert worth_trying(sentence(STORY), sentence(target), 0.9)


def test_a_link_half_an_sd_short_is_tried():
    """A short headline lost from a longer paragraph leaves the link less short than the
    bead it was in: links from half an sd short are tried."""
    target = "Толпы собрались в понедельник: мост открыт."
    src, tgt = sentence(STORY), sentence(target)
    z = {r: -length_z(len(STORY), len(target), r) for r in np.arange(0.4, 0.9, 0.005)}
    assert worth_trying(src, tgt, min((r for r in z if z[r] >= 0.55), key=z.get))
    assert not worth_trying(src, tgt, max((r for r in z if z[r] <= 0.45), key=z.get))


def test_nothing_is_embedded_where_every_piece_is_word_aligned():
    embedder = Concepts()
    aligned = dropped_fragments(
        sentence(STORY), sentence("Толпы."), 0.9, embedder, lambda i, a, b: (5, 0.8)
    )
    assert aligned == [] and embedder.calls == 0


def test_om02_reports_the_piece_where_its_words_are_not_aligned(monkeypatch):
    from factories import pair

    from aligncheck.checks import sentence_gaps
    from aligncheck.checks.omission.OM02 import OM02

    def shares(ctx, link, side, own_words=False):
        return lambda s, start, end: headline_unaligned(0, start, end)

    monkeypatch.setattr(sentence_gaps, "word_shares", shares)
    short = "Толпы людей собрались в понедельник, когда новый мост был открыт."
    [f] = list(OM02().check(pair(STORY, short, embedder=Concepts())))
    assert f.source_text == HEADLINE and f.source_span.end == len(HEADLINE)
    assert "has no translation" in f.message


def test_a_piece_is_also_judged_by_the_words_the_rest_of_its_link_does_not_repeat(monkeypatch):
    """The headline's Storm and harbour are aligned to the story's translation (шторм,
    гавань): by all its words 2 of 7 are aligned; by the 4 words only it says, none."""
    from factories import pair

    from aligncheck.align import words
    from aligncheck.align.sentences import sentences
    from aligncheck.checks.sentence_gaps import word_shares

    headline = "Storm wrecks harbour cranes overnight near Dover"
    source = headline + " Engineers say the storm wrecked the harbour."
    target = "Инженеры говорят, что шторм разрушил гавань."
    ctx = pair(source, target)
    spans = [(0, 5), (13, 20)]  # Storm, harbour
    to = [
        (target.index("шторм"), target.index("шторм") + 5),
        (target.index("гавань"), len(target) - 1),
    ]
    monkeypatch.setattr(words, "link_alignment", lambda ctx, s, t: list(zip(spans, to)))
    link = ctx.links[0]
    first = sentences(ctx.source, link.source)[0]
    assert first.text.startswith(headline)
    every = word_shares(ctx, link, "source")(first, 0, len(headline))
    own = word_shares(ctx, link, "source", own_words=True)(first, 0, len(headline))
    assert every == (7, 2 / 7) and own == (7, 0.0)
    # fewer than MIN_WORDS words of its own: the share of all its words stands
    short = "Storm wrecks harbour cranes Engineers say the storm wrecked the harbour."
    ctx = pair(short, target)
    first = sentences(ctx.source, ctx.links[0].source)[0]
    assert word_shares(ctx, ctx.links[0], "source", own_words=True)(first, 0, 27) == (4, 0.5)
