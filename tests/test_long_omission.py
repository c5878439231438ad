"""OM02/AD02 on a paragraph of thousands of sentences (issue 10 item 4): the work grows linearly
with the sentence count, and a dropped sentence is still found where it was dropped."""

import random
import re
import statistics
import zlib

import numpy as np
from factories import counting

import aligncheck.align.sentences as om02
from aligncheck.align.sentences import align_sentences, medians_without_each
from aligncheck.checks.addition.AD02 import AD02
from aligncheck.checks.base import PairContext
from aligncheck.checks.omission.OM02 import OM02
from aligncheck.model import Document, Link
from aligncheck.segment import segment_document

TEMPLATES = [
    (
        "Gauge {k} on the northern channel showed {v} centimetres of water at dawn.",
        "Датчик {k} на северном протоке показал {v} сантиметров воды на рассвете.",
    ),
    (
        "The ferry crossed the lake {v} times in week {k} despite the wind.",
        "Паром пересёк озеро {v} раз за неделю {k}, несмотря на ветер.",
    ),
    (
        "Field team {k} counted {v} herons nesting in the reeds near the dam.",
        "Полевая группа {k} насчитала {v} цапель, гнездящихся в камышах у плотины.",
    ),
]


class FigureEmbedder:
    """A stand-in model: a text's vector sums hashed directions of its figures, so a sentence
    and its translation (which carry the same figures) match and other sentences do not."""

    def embed(self, texts):
        out = np.zeros((len(texts), 256))
        for row, text in enumerate(texts):
            out[row, 0] = 0.5
            for figure in re.findall(r"\d+", text):
                out[row, 1 + zlib.crc32(figure.encode()) % 255] += 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def sentence_pairs(count: int, seed: int = 5) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    en, ru = [], []
    for k in range(count):
        source, target = rng.choice(TEMPLATES)
        v = rng.randint(10, 9999)
        en.append(source.format(k=k + 1, v=v))
        ru.append(target.format(k=k + 1, v=v))
    return en, ru


def test_a_sentence_dropped_from_a_paragraph_of_2000_is_found_where_it_was_dropped():
    en, ru = sentence_pairs(2000)
    dropped = 1234
    del ru[dropped]
    source = segment_document(Document("en.txt", "en", " ".join(en)))
    target = segment_document(Document("ru.txt", "ru", " ".join(ru)))
    assert len(source.segments) == len(target.segments) == 1
    ctx = PairContext(
        "t", source, target, (Link((0,), (0,), 1.0),), resources={"embedder": FigureEmbedder()}
    )
    found = list(OM02().check(ctx))
    start = source.segments[0].text.index(en[dropped])
    spans = [(f.source_span.start, f.source_span.end) for f in found]
    assert (start, start + len(en[dropped])) in spans
    assert len(found) <= 3  # the drop, not a run of misaligned sentences after it
    assert list(AD02().check(ctx)) == []


def test_alignment_work_grows_linearly_with_the_sentence_count(monkeypatch):
    """The DP evaluates a bounded band of cells per sentence in a long link (before: a band
    of (n + m) / 8 cells, so four times the sentences cost sixteen times the work)."""
    calls = counting(monkeypatch, om02, "length_z")
    work = []
    for count in (400, 1600):
        en, ru = sentence_pairs(count)
        calls[0] = 0
        beads = align_sentences(en, ru[: count // 2] + ru[count // 2 + 1 :], 1.101)
        assert ((count // 2,), ()) in beads
        work.append(calls[0])
    assert work[1] < 5 * work[0]


def test_medians_without_each_equal_the_median_of_the_rest():
    rng = random.Random(3)
    for size in (2, 3, 4, 7, 10):
        values = [
            rng.choice([0.1, 0.25, 0.5, 0.75]) + rng.random() * (size % 3) for _ in range(size)
        ]
        assert medians_without_each(values) == [
            statistics.median(values[:i] + values[i + 1 :]) for i in range(size)
        ]


def test_in_a_long_link_unmatched_neighbours_that_match_each_other_best_are_paired():
    """paired_gap compares a sentence only with those near it in a long link; a condensed
    translation next to its source is still a pair, a foreign sentence is not."""
    from aligncheck.align.sentences import paired_gap

    e = FigureEmbedder()
    source = [f"Gauge {k} read {k + 500} centimetres." for k in range(80)]
    target = [f"Датчик {k}: {k + 500} см." for k in range(80)]
    beads = (
        [((k,), (k,)) for k in range(40)]
        + [((40,), ()), ((), (40,))]
        + [((k,), (k,)) for k in range(41, 80)]
    )
    condensed = e.embed(source + target)
    assert paired_gap(beads, 40, 0, 40, condensed, 80) and paired_gap(
        beads, 41, 1, 40, condensed, 80
    )
    foreign = e.embed(source + target[:40] + ["Паром ходил 7 раз."] + target[41:])
    assert not paired_gap(beads, 40, 0, 40, foreign, 80) and not paired_gap(
        beads, 41, 1, 40, foreign, 80
    )
