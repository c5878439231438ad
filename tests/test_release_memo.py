"""Extractors' per-text results live in the memo of the release being checked, not in the module."""

from aligncheck._runtime import memo as memo_module
from aligncheck._runtime.memo import per_release, release_memo
from aligncheck.extract.numbers import extract_numbers
from aligncheck.lang.morph import words


def test_a_result_is_computed_once_per_release_and_dropped_with_it():
    calls = []

    @per_release
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    with release_memo() as memo:
        assert length("abc") == length("abc") == 3
        assert calls == ["abc"] and len(memo) == 1
    with release_memo():
        length("abc")
    assert calls == ["abc", "abc"]  # a new release computes it again
    token = memo_module._MEMO.set(None)  # outside any release (tests run inside one each)
    try:
        length("abc")
        length("abc")
    finally:
        memo_module._MEMO.reset(token)
    assert len(calls) == 4  # outside a release nothing is kept


def test_a_release_memo_holds_what_the_extractors_computed():
    text = "The bridge cost 120 million dollars in 2024."
    with release_memo() as memo:
        first = words(text)
        assert all(a is b for a, b in zip(words(text), first))  # the same Word objects
        extract_numbers(text, "en")
    assert memo  # the words and the numbers of the text
    assert words(text)[0] is not first[0]  # nothing survives the release
