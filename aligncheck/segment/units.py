"""Segment stage: a Document becomes numbered Segments that remember line and column.

paragraph: blocks separated by blank (or whitespace-only) lines, stripped.
line:      every non-empty line (pre-split bitext).
sentence:  paragraphs split into sentences by sentencex (handles kk/az/tk).
A .docx document has one Word paragraph per line, so its paragraphs are its lines.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from aligncheck.model import Block, Document, Segment, Segmentation

_BLANK_SPLIT = regex.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)+")
_SENTENCEX_FALLBACK = "en"


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for gap in _BLANK_SPLIT.finditer(text):
        spans.append((start, gap.start()))
        start = gap.end()
    spans.append((start, len(text)))
    return [s for s in (_stripped(text, a, b) for a, b in spans) if s[0] < s[1]]


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append(_stripped(text, start, start + len(line)))
        start += len(line) + 1
    return [s for s in spans if s[0] < s[1]]


_QUOTES = regex.compile(r"[«»“”„]")
_OPENING_EMPHASIS = regex.compile(
    r"(?<!\S)[*_]+(?=\p{L})"
)  # "**Mr. Smith**": Mr. still abbreviates
_CLOSING_EMPHASIS = regex.compile(r"[*_]+(?=\s|$)")  # "**Stop.** Next": the ** ends the first
_DANGLING_OPENER = regex.compile(r"\s[*_]+$")
# A full stop after a lowercase word of four or more letters (no abbreviation), then a sentence
# opening with a figure: "... басталды. 2016 жылы ..." (sentencex's Kazakh rules keep these
# together; in 60 NTREX-dev documents joined into paragraphs, 10 kk boundaries, none elsewhere).
_DIGIT_START = regex.compile(r"(?<=(?<!\p{L})\p{Ll}{4,}[.!?])\s+(?=\d)")


@lru_cache(maxsize=65536)  # pure; segmenting and then OM02 split the same paragraphs
def split_sentences(text: str, lang: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the sentences of `text` (whitespace between them excluded).

    The splitter's blind spots are worked around: where the quotes do not pair up (a quotation
    closed from the paragraph before: `We are too», she said. ...`), sentencex would read all
    up to the next opening quote as one quotation, so the text is split with its quote marks
    blanked out (same offsets); Markdown emphasis opening a word is blanked too, so "**Mr. Lee**"
    is read as "Mr. Lee", and emphasis closed after a sentence's full stop stays with that
    sentence; a cut with no space after it ("O.K.") is undone; and a sentence opening with a
    figure is split off."""
    from sentencex import segment as sentencex_segment

    unpaired = text.count("«") != text.count("»") or text.count("“") != text.count("”")
    probe = _QUOTES.sub(" ", text) if unpaired else text
    if "*" in probe or "_" in probe:
        probe = _OPENING_EMPHASIS.sub(lambda m: " " * len(m.group()), probe)
    try:
        pieces = list(sentencex_segment(lang, probe))
    except Exception:  # sentencex knows most languages; anything else gets English rules
        pieces = list(sentencex_segment(_SENTENCEX_FALLBACK, probe))
    spans, pos = [], 0
    for piece in pieces:
        found = probe.find(piece, pos)
        if found < 0:  # the splitter altered the text: keep what remains as one sentence
            break
        spans.append(_stripped(text, found, found + len(piece)))
        pos = found + len(piece)
    if pos < len(text) and text[pos:].strip():
        spans.append(_stripped(text, pos, len(text)))
    spans = _unspaced_joined(text, _emphasis_to_its_sentence(text, spans))
    spans = _time_zone_joined(text, spans, lang)
    return tuple(piece for a, b in spans if a < b for piece in _digit_starts(text, a, b))


_CLOCK_END = regex.compile(r"\b[ap]\.m\.$", regex.IGNORECASE)
_FIRST_WORD = regex.compile(r"\p{L}+")


def _time_zone_joined(text: str, spans: list[tuple[int, int]], lang: str):
    """A cut after "7 p.m." before a time zone (ET, BST: CLDR's short names) is undone: "at 7
    p.m. ET tonight" is one sentence, which the splitter reads as two."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and _CLOCK_END.search(text[max(out[-1][0], out[-1][1] - 10) : out[-1][1]]):
            from aligncheck.lang.cldr_names import time_zone_abbreviations

            first = _FIRST_WORD.match(text, a)
            if first and first.group() in time_zone_abbreviations(lang):
                out[-1] = (out[-1][0], b)
                continue
        out.append((a, b))
    return out


_LONE_INITIAL = regex.compile(r"(?<!\p{L})\p{Lu}\.$")


def _unspaced_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A sentence that ends in a lone capital and its stop, with a letter right after it (no
    space): the splitter cut inside an abbreviation ("O.K." as "O." and "K.")."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if (
            out
            and a == out[-1][1]
            and text[a : a + 1].isalpha()
            and _LONE_INITIAL.search(text, out[-1][0], out[-1][1])
        ):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _emphasis_to_its_sentence(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Emphasis marks at a boundary go with the words they enclose: an opening run left at the
    end of one sentence moves to the next, a closing run that starts one moves to the previous."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out:
            opening = _DANGLING_OPENER.search(text, out[-1][0], out[-1][1])
            if opening:
                out[-1] = _stripped(text, out[-1][0], opening.start())
                a = opening.start() + len(opening.group()) - len(opening.group().lstrip())
            closing = _CLOSING_EMPHASIS.match(text, a, b)
            if closing and not opening:
                out[-1] = (out[-1][0], closing.end())
                a, b = _stripped(text, closing.end(), b)
        if a < b:
            out.append((a, b))
    return [span for span in out if span[0] < span[1]]


def _digit_starts(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The sentence (a, b) of `text` split where another sentence opens with a figure."""
    out = []
    for m in _DIGIT_START.finditer(text, a, b):
        out.append((a, m.start()))
        a = m.end()
    return out + [(a, b)]


def _sentence_spans(
    text: str, lang: str, paragraphs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    return [
        (start + a, start + b)
        for start, end in paragraphs
        for a, b in split_sentences(text[start:end], lang)
    ]


class _LineIndex:
    def __init__(self, text: str):
        self.starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def position(self, offset: int) -> tuple[int, int]:
        from bisect import bisect_right

        row = bisect_right(self.starts, offset) - 1
        return row + 1, offset - self.starts[row] + 1


def _pieces(text: str, block: Block, unit: str, lang: str) -> list[tuple[int, int]]:
    """Where the segments of one block lie: the block, or (prose only) its sentences, read
    with its verbatim spans blanked, or its lines."""
    if block.kind != "prose" or unit == "paragraph":
        return [(block.start, block.end)]
    part = text[block.start : block.end]
    if unit == "line":
        return [(block.start + a, block.start + b) for a, b in _line_spans(part)]
    prose = Segment(0, part, 0, 0, 0, verbatim=block.verbatim).prose
    return [(block.start + a, block.start + b) for a, b in split_sentences(prose, lang)]


def _advanced(text: str, at: tuple[int, int, int], to: int) -> tuple[int, int, int]:
    """(offset, line, column) moved from `at` to offset `to` of `text`."""
    offset, line, column = at
    breaks = text.count("\n", offset, to)
    if not breaks:
        return to, line, column + to - offset
    return to, line + breaks, to - text.rfind("\n", offset, to)


def _block_segments(document: Document, unit: str) -> Segmentation:
    """The reader's blocks as segments; with unit "sentence" (or "line"), prose blocks are
    split into sentences (lines), each keeping the verbatim spans that fall inside it."""
    text, index, segments = document.text, _LineIndex(document.text), []
    for block in document.blocks:
        at = (block.start, block.line, block.column or 1)  # a file position in the block
        for n, (start, end) in enumerate(_pieces(text, block, unit, document.lang)):
            if block.line:
                at = _advanced(text, at, start)
                line, column = at[1:]
            else:
                line, column = index.position(start)
                line += document.line_base
            verbatim = tuple(
                (max(a + block.start, start) - start, min(b + block.start, end) - start)
                for a, b in block.verbatim
                if a + block.start < end and b + block.start > start
            )
            segments.append(
                Segment(
                    len(segments), text[start:end], start, line, column,
                    block.kind, verbatim, block.key, block.anchor if n == 0 else "",
                )
            )  # fmt: skip
    return Segmentation(document, unit, tuple(segments))


_EMPTIED_LINK = regex.compile(r"!?\[([^\]\n]*)\]\(\s*\)")  # [words](target) with the target blanked


def alignment_texts(segmentation: Segmentation) -> list[str]:
    """What the aligner embeds of each segment: prose with its tags and link targets dropped
    but its inline code kept (`Query` from `fastapi` is all code and one word of prose, and
    the code is what its translation shares with it), blanks collapsed; the text of code and
    HTML blocks, which are mostly the same in every version and so anchor the alignment."""
    out = []
    for segment in segmentation.segments:
        if segment.kind != "prose" or not segment.verbatim:
            out.append(segment.text)
            continue
        pieces, at = [], 0
        for start, end in segment.verbatim:
            written = segment.text[start:end]
            pieces += [segment.text[at:start], written.strip("`") if written[:1] == "`" else " "]
            at = end
        text = _EMPTIED_LINK.sub(r"\1", "".join(pieces + [segment.text[at:]]))
        out.append(" ".join(text.split()) or segment.text)
    return out


def segment_document(document: Document, unit: str = "paragraph") -> Segmentation:
    text = document.text
    if unit not in ("paragraph", "line", "sentence"):
        raise ValueError(f"unknown unit {unit!r}")
    if document.blocks:
        return _block_segments(document, unit)
    if unit == "line" or document.format == "docx":
        spans = _line_spans(text)
    else:
        spans = _paragraph_spans(text)
    if unit == "sentence":
        spans = _sentence_spans(text, document.lang, spans)
    index = _LineIndex(text)
    segments = []
    for i, (start, end) in enumerate(spans):
        line, column = index.position(start)
        segments.append(Segment(i, text[start:end], start, line + document.line_base, column))
    return Segmentation(document, unit, tuple(segments))
