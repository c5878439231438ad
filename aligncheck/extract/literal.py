"""A name as written in a text, not inside a word, an address or a file name: the search the
name rules make for every name in every target paragraph, without compiling a pattern per
name (the `regex` module takes ~1 ms to compile one with Unicode property lookarounds, and a
run meets a few dozen names).

`find_literal(name, text, case)` returns what
`regex.search(r"(?<![\\p{L}\\p{N}@./])" + regex.escape(name) + r"(?![\\p{L}\\p{N}@]|\\.\\w)",
text, regex.IGNORECASE if case else 0)` spans, or None.
"""

from __future__ import annotations

from functools import lru_cache

import regex

_BEFORE = regex.compile(r"[\p{L}\p{N}@./]")
_AFTER = regex.compile(r"[\p{L}\p{N}@]|\.\w")


def find_literal(name: str, text: str, case: bool = True) -> tuple[int, int] | None:
    """The first occurrence of `name` (any case when `case`) with no letter, digit, @, dot
    or slash right before it and no letter, digit, @ or dot-and-word-character after it."""
    if not name:
        return (0, 0) if _bounded(text, 0, 0) else _first_empty(text)
    if not case:
        at = text.find(name)
        while at >= 0:
            if _bounded(text, at, at + len(name)):
                return at, at + len(name)
            at = text.find(name, at + 1)
        return None
    for match in _any_case(name).finditer(text, overlapped=True):
        if _bounded(text, match.start(), match.end()):
            return match.span()
    return None


def _bounded(text: str, start: int, end: int) -> bool:
    return (start == 0 or not _BEFORE.match(text, start - 1)) and not _AFTER.match(text, end)


def _first_empty(text: str) -> tuple[int, int] | None:
    return next(((i, i) for i in range(1, len(text) + 1) if _bounded(text, i, i)), None)


@lru_cache(maxsize=4096)
def _any_case(name: str) -> regex.Pattern:
    return regex.compile(regex.escape(name), regex.IGNORECASE)
