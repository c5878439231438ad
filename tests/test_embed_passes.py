"""How the lean runners group rows into forward passes."""

import random


def test_forward_passes_cover_every_row_once_within_budget_with_little_padding():
    from aligncheck.embed.bert import ROWS_PER_PASS, TOKENS_PER_PASS, _passes

    rng = random.Random(3)
    lengths = sorted(rng.randint(5, 200) for _ in range(300))
    passes = _passes(lengths)
    assert [i for part in passes for i in range(part.start, part.stop)] == list(range(300))
    assert all(part.stop - part.start <= ROWS_PER_PASS for part in passes)
    assert all(
        (part.stop - part.start) * lengths[part.stop - 1] <= TOKENS_PER_PASS for part in passes
    )
    padded = sum((part.stop - part.start) * lengths[part.stop - 1] for part in passes)
    assert padded < 1.1 * sum(lengths)
    assert _passes([]) == [] and _passes([900]) == [slice(0, 1)]


def _runner(max_length=8):
    from aligncheck.embed.bert import _Runner

    runner = object.__new__(_Runner)
    runner.max_length = max_length
    return runner


def test_a_text_that_fits_its_windows_is_cut_whole_in_order():
    content = list(range(10, 30))
    windows = _runner()._windows([1, *content, 2])
    assert all(w[0] == 1 and w[-1] == 2 and len(w) <= 8 for w in windows)
    assert [t for w in windows for t in w[1:-1]] == content


def test_a_very_long_text_is_represented_by_windows_spread_from_its_start_to_its_end():
    from aligncheck.embed.bert import MAX_WINDOWS

    content = list(range(10, 10 + 6 * MAX_WINDOWS * 10))  # ten times more windows than the cap
    windows = _runner()._windows([1, *content, 2])
    assert len(windows) == MAX_WINDOWS
    assert windows[0][1:-1] == content[:6] and windows[-1][1:-1] == content[-6:]
    firsts = [w[1] for w in windows]
    assert firsts == sorted(set(firsts))  # distinct, in text order
    gaps = [b - a for a, b in zip(firsts, firsts[1:])]
    assert max(gaps) - min(gaps) <= 6  # evenly spread, not bunched at one end
