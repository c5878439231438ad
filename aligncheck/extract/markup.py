"""Where markup sits in a text (Markdown emphasis and links, quotes, brackets) and where
its balance breaks: what MK01 compares between a source and its translation.

Quotation marks of any style pair with each other (“ ” « » „ “ ” ” » « ‹ › "...).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

import regex

from aligncheck.extract.links import find_links

KINDS = ("bold", "italic", "link", "quotes", "parentheses", "square brackets", "braces")
_MARKERS = {
    "bold": regex.compile(r"\*\*|(?<!\w)__(?=\S)|(?<=\S)__(?!\w)"),
    "italic": regex.compile(
        r"(?<![*\s])\*(?!\*)|(?<!\*)\*(?![*\s])|(?<!\w)_(?=[^\s_])|(?<=[^\s_])_(?!\w)"
    ),
    "link": regex.compile(r"\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])"),  # [a](url), [a][ref]
    "quotes": None,  # _quote_marks(): every quotation mark of Unicode that is no apostrophe
    "parentheses": regex.compile(r"[()]"),
    "square brackets": regex.compile(r"[\[\]]"),
    "braces": regex.compile(r"[{}]"),
}
_BULLET = regex.compile(r"(?m)^[ \t]*[*_]+[ \t]")
_OPEN_CLOSE = {"parentheses": "()", "square brackets": "[]", "braces": "{}"}


@cache  # static: built once from Unicode's tables
def _quote_marks() -> regex.Pattern:
    """Unicode's Quotation_Mark characters, less those that also serve as apostrophes (' ’ ‘ ‚
    ‛ ＇); the angle ones (« » ‹ ›) stay: every language's quote style counts the same."""
    import numpy as np  # the plane as UTF-32 bytes: 50x faster than joining 63k chr() calls

    codes = np.concatenate([np.arange(0x20, 0xD800), np.arange(0xE000, 0x10000)]).astype("<u4")
    plane = codes.tobytes().decode("utf-32-le")
    marks = regex.findall(r"\p{Quotation_Mark}", plane)  # all of them are in the first plane
    keep = [
        m
        for m in marks
        if "APOSTROPHE" not in unicodedata.name(m, "")
        and ("SINGLE" not in unicodedata.name(m, "") or "ANGLE" in unicodedata.name(m, ""))
    ]
    return regex.compile("[" + regex.escape("".join(keep)) + "]")


def _can_open(mark: str) -> bool:
    return unicodedata.category(mark) != "Pe"


def _can_close(opener: str, mark: str) -> bool:
    """Initial and final quotes (Pi, Pf) and straight ones pair either way round, since styles
    differ (“ ” en, „ “ de, ” ” sv, » « da, « » fr) and translators mix them; a mirrored mark
    never closes itself (« «), and a low-9 or bracket opener (Ps) never closes."""
    if unicodedata.category(mark) == "Ps":
        return False
    return not (mark == opener and unicodedata.mirrored(mark))


def _quote_break(text: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first quotation mark that cannot be paired, or None when they all pair up. Tries
    each mark as a closer of the innermost open quote first, as an opener otherwise; when that
    fails, searches the other readings (a handful of marks per paragraph) before giving up."""
    marks = [text[a] for a, _ in spans]
    if len(marks) % 2 == 0 and _pairs_up(tuple(marks)):
        return None
    stack = []
    for span, mark in zip(spans, marks):
        if stack and _can_close(text[stack[-1][0]], mark):
            stack.pop()
        elif _can_open(mark):
            stack.append(span)
        else:
            return span
    return stack[-1] if stack else spans[-1]


_SEARCH_STATES, _SEARCH_STATES_PER_MARK = 50_000, 20


@lru_cache(maxsize=4096)  # the same few quote sequences recur in most paragraphs
def _pairs_up(marks: tuple[str, ...]) -> bool:
    """Can every mark be paired, well nested, each closing the innermost open one? A search
    over (position, open marks) states, iterative so that thousands of marks cannot overflow
    the call stack, after a linear test that the counts alone allow it. The search tries the
    reading 'close' before 'open', then the other way round, each within a budget linear in
    the marks; only thousands of ambiguous marks can exhaust both (then: False)."""
    if not _depths_allow(marks):
        return False
    return any(_search(marks, close_first) for close_first in (True, False))


def _depths_allow(marks: tuple[str, ...]) -> bool:
    """Could the counts of open quotes return to zero, ignoring which mark closes which?"""
    low = high = 0
    for mark in marks:
        opens, closes = _can_open(mark), unicodedata.category(mark) != "Ps"
        high += 1 if opens else -1
        low += -1 if closes else 1
        if high < 0:
            return False
        if low < 0:
            low += 2
    return low == 0


def _search(marks: tuple[str, ...], close_first: bool) -> bool:
    stacks: dict[tuple[str, int], int] = {}  # (top mark, id of the stack below) -> id
    tops: list[tuple[str, int, int]] = [("", 0, 0)]  # id -> (top mark, id below, depth); 0 is empty

    def push(below: int, mark: str) -> int:
        key = (mark, below)
        if key not in stacks:
            stacks[key] = len(tops)
            tops.append((mark, below, tops[below][2] + 1))
        return stacks[key]

    todo, seen = [(0, 0)], {(0, 0)}
    budget = _SEARCH_STATES + _SEARCH_STATES_PER_MARK * len(marks)
    while todo and len(seen) < budget:
        pos, stack = todo.pop()
        top, below, depth = tops[stack]
        if depth > len(marks) - pos:
            continue
        if pos == len(marks):
            if depth == 0:
                return True
            continue
        mark = marks[pos]
        following = []
        if depth and _can_close(top, mark):
            following.append((pos + 1, below))
        if _can_open(mark):
            following.append((pos + 1, push(stack, mark)))
        for state in reversed(following) if close_first else following:
            if state not in seen:
                seen.add(state)
                todo.append(state)
    return False


def directional_break(text: str, spans: list[tuple[int, int]]) -> bool:
    """Do the mirrored marks (« » ‹ › 「 」...) alone fail to pair up? Their direction is
    certain, so a break among them is a broken pair, not a restyled or restructured quotation."""
    marks = tuple(text[a] for a, _ in spans if unicodedata.mirrored(text[a]))
    return len(marks) % 2 == 1 or not _pairs_up(marks)


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


# Characters a kind's pattern needs (at least one): a text without any has no span of it.
_NEEDS = {
    "bold": "*_",
    "italic": "*_",
    "link": "[",
    "parentheses": "()",
    "square brackets": "[]",
    "braces": "{}",
}


def markers(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each kind of markup character sits, URLs, emails and list bullets ignored."""
    text = _blank(text, [(v.start, v.end) for v in find_links(text)])
    if "*" in text or "_" in text:
        text = _blank(text, [m.span() for m in _BULLET.finditer(text)])
    out = {}
    for kind in KINDS:
        needs = _NEEDS.get(kind)
        if needs is not None and not any(char in text for char in needs):
            out[kind] = []
            continue
        spans = [m.span() for m in (_MARKERS[kind] or _quote_marks()).finditer(text)]
        out[kind] = spans
        if kind == "bold":
            text = _blank(text, spans)
    return out


def unbalanced(text: str, kind: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first character that breaks the balance of `kind`, or None when it is balanced."""
    if kind in _OPEN_CLOSE:
        opener, closer = _OPEN_CLOSE[kind]
        stack = []
        for span in spans:
            if text[span[0]] == opener:
                stack.append(span)
            elif not stack:
                return span
            else:
                stack.pop()
        return stack[-1] if stack else None
    if kind == "quotes":
        return _quote_break(text, spans) if spans else None
    if kind == "link":  # each match is a whole link: links are counted, never unbalanced
        return None
    return spans[-1] if len(spans) % 2 else None
