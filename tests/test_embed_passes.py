"""How the lean runners group rows into forward passes."""

import random


def test_forward_passes_cover_every_row_once_within_budget_with_little_padding():
    from aligncheck.embed.bert import ROWS_PER_PASS, TOKENS_PER_PASS, _passes

    rng = random.Random(3)
    lengths = sorted(rng.randint(5, 200) for _ in range(300))
    passes = _passes(lengths)
    assert [i for part in passes for i in range(part.start, part.stop)] == list(range(300))
    assert all(part.stop - part.start <= ROWS_PER_PASS for part in passes)
    assert all((part.stop - part.start) * lengths[part.stop - 1] <= TOKENS_PER_PASS for part in passes)
    padded = sum((part.stop - part.start) * lengths[part.stop - 1] for part in passes)
    assert padded < 1.1 * sum(lengths)
    assert _passes([]) == [] and _passes([900]) == [slice(0, 1)]
