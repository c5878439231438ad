"""Placeholders a translation must keep: printf (`%s`, `%1$d`, `%(name)s`), brace (`{0}`,
`{name}`, `${name}`) and the inline codes of XLIFF and TMX (`<x id="1"/>`, `<g id="2">`,
`</g>`), which the readers keep as verbatim spans of a unit's text.

Each placeholder has a key that says when two are the same: a printf placeholder's position
(`%2$s`) is dropped, since translators reorder arguments that way; a tag is its name and id.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_PRINTF = regex.compile(  # not after a figure: "40%-i" is an Azerbaijani percent, inflected
    r"%%|(?<!\d)%(?:\d+\$|\([A-Za-z_][\w.]*\))?[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
    r"(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcsp@](?![\p{L}\p{N}_])"
)
_BRACE = regex.compile(r"(?<![\w\\])\$?\{(?:[\p{L}_\d][\w.\-]*(?:[,:!][^{}\n]*)?)?\}")
_POSITION = regex.compile(r"(?<=%)\d+\$")
_TAG = regex.compile(r"<(/?)([\w.-]+:)?([\w.-]+)((?:\s+[\w.:-]+\s*=\s*\"[^\"]*\")*)\s*(/?)>")
_ID = regex.compile(r"\b(?:id|i|x|startRef|rid)\s*=\s*\"([^\"]*)\"")


@dataclass(frozen=True)
class Placeholder:
    text: str  # as written
    key: str  # what must match across versions
    start: int
    end: int


def _tag_key(text: str) -> str | None:
    """`<x id="1"/>`, `<g id="2">`, `</g>`; None if `text` does not open with a tag."""
    tag = _TAG.match(text)
    if tag is None:
        return None
    ident = _ID.search(tag[4])
    slash, name, empty = tag[1], tag[3], tag[5]
    return f"<{slash}{name}{f' {ident[1]}' if ident else ''}{empty}>"


def find_placeholders(text: str, verbatim: tuple[tuple[int, int], ...] = ()) -> list[Placeholder]:
    """The placeholders of `text`, in order: tags among the `verbatim` spans, printf and brace
    placeholders elsewhere."""
    found, covered = [], []
    for start, end in verbatim:
        key = _tag_key(text[start:end])
        if key is not None:
            found.append(Placeholder(text[start:end], key, start, end))
            covered.append((start, end))
    if "%" in text or "{" in text:
        for pattern in (_PRINTF, _BRACE):
            for m in pattern.finditer(text):
                if m.group() == "%%" or any(a <= m.start() < b for a, b in covered):
                    continue
                key = _POSITION.sub("", m.group())
                found.append(Placeholder(m.group(), key, m.start(), m.end()))
    return sorted(found, key=lambda p: p.start)


def placeholder_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where `text`'s printf and brace placeholders are: the verbatim spans a reader marks."""
    return tuple((p.start, p.end) for p in find_placeholders(text))
