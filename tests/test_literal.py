"""find_literal gives what one compiled pattern per name gave (lookarounds keep a name out of
words, addresses and file names), through Unicode case folding too."""

import random

import regex

from aligncheck.extract.literal import find_literal


def _pattern_search(name, text, case):
    pattern = regex.compile(
        r"(?<![\p{L}\p{N}@./])" + regex.escape(name) + r"(?![\p{L}\p{N}@]|\.\w)",
        regex.IGNORECASE if case else 0,
    )
    found = pattern.search(text)
    return found.span() if found else None


def test_names_found_as_whole_words_only():
    text = "said Mr. karimov, and Karimov."
    assert find_literal("Karimov", text) == (text.index("karimov"), text.index("karimov") + 7)
    assert find_literal("Karimov", text, case=False) == (
        text.index("Karimov"),
        text.index("Karimov") + 7,
    )
    assert find_literal("UN", "UNEP and the UN") == (13, 15)
    assert find_literal("UN", "mail un@un.org or www.un.org/en") is None
    assert find_literal("NATO", "NATO.int is not NATO") == (16, 20)
    assert find_literal("NATO", "НАТО-ның and NATO'ya", case=False) == (13, 17)


def test_same_spans_as_a_pattern_per_name():
    rng = random.Random(4)
    alphabet = list("aAbBiIİıəƏ1 .@/-'’_") + ["ЕС", "ес", "US", "us", "ß", "SS", "ǅ"]
    for _ in range(4000):
        name = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        if rng.random() < 0.5:
            at = rng.randint(0, len(text))
            text = text[:at] + (name if rng.random() < 0.5 else name.swapcase()) + text[at:]
        for case in (True, False):
            assert find_literal(name, text, case) == _pattern_search(name, text, case), (
                name,
                text,
                case,
            )
