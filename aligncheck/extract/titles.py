"""Titles across versions without a glossary: quoted or emphasised spans, matched by place.

A *title* of the source is a quoted (“…”, «…», „…“, "…") or emphasised (*…*, **…**) span of one
to eight words that starts with a capital ("Open Rivers") and does not end as a clause does (a
quotation of speech ends with its full stop, comma or question mark inside the quotes: "We
will stay," he said). Its rendering in a
version is the quoted or emphasised span at the same place of the aligned target: the link's
only one, or, when the source and target sides of the link hold as many, the one in the same
order. Renderings are grouped into spellings with inflections merged (`variants.spellings`:
«Дала өзендері» and «Дала өзендерін» are one), so a version that writes one title in two ways
shows two spellings. `release_titles` gives the table the reports print ("terms and titles")
and rule CO03 reads; `glossary extract` proposes the same titles as glossary rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from aligncheck._runtime.memo import per_release
from aligncheck.checks.consistency.variants import spellings
from aligncheck.glossary.entries import base_lang
from aligncheck.glossary.find import LinkText
from aligncheck.lang.morph import words
from aligncheck.model import Link, Location, Segmentation, Title, TitleRendering

# each quote with its own closing mark (“…”, «…», „…“ or „…”, "…"), or emphasis; a straight quote
# opens before a word and closes after one (not the gap between two quotations: ..." HER2 "...)
_QUOTED = regex.compile(
    r"“([^“”\n]{2,80}?)”|«([^«»\n]{2,80}?)»|„([^„“”\n]{2,80}?)[“”]|(?<![\p{L}\p{N}])\"(?!\s)([^\"\n]{2,80}?)(?<!\s)\"(?![\p{L}\p{N}])"
    r"|\*\*?([^*\n]{2,80}?)\*\*?"
)
MAX_WORDS = 8
_CLAUSE_END = regex.compile(r"[.,;:!?…]$")
_LONG_WORD = regex.compile(r"\p{L}{4,}")


@dataclass(frozen=True)
class TitleSpan:
    text: str  # without quotes or emphasis marks
    start: int
    end: int


def title_spans(text: str) -> list[TitleSpan]:
    """The quoted or emphasised title spans of `text`, in order."""
    return list(_title_spans(text))


@per_release
def _title_spans(text: str) -> tuple[TitleSpan, ...]:
    """Once per text and release: the pipeline's table, CO03 and every title of a link read
    the same texts."""
    found: list[TitleSpan] = []
    # overlapped: a long quotation's opening mark must not hide a title quoted inside it
    for m in _QUOTED.finditer(text, overlapped=True):
        group = next(g for g in range(1, 6) if m.group(g) is not None)
        inner = m.group(group).strip(' *_“”"«»„')
        if (
            inner[:1].isupper()
            and 1 <= len(words(inner)) <= MAX_WORDS
            and not _CLAUSE_END.search(inner)
        ):
            start = m.start(group) + m.group(group).index(inner)
            if not any(t.start < start + len(inner) and start < t.end for t in found):
                found.append(TitleSpan(inner, start, start + len(inner)))
    return tuple(found)


def title_cased(title: str) -> bool:
    """Every word of four letters or more starts with a capital ("Open Rivers", "Blueing the
    Caspian Sea"), as names of works and initiatives are written where capitals mark them; a
    quoted phrase ("A cultural treasure") is not."""
    return all(word[0].isupper() for word in _LONG_WORD.findall(title))


def rendering_of(source: LinkText, target: LinkText, title: TitleSpan) -> TitleSpan | None:
    """The span of `target` that renders the source title `title` of `source`, if one is
    clear: the target's only title span, or the one in the same order when both sides hold
    as many."""
    theirs = title_spans(target.text)
    if len(theirs) == 1:
        return theirs[0]
    ours = title_spans(source.text)
    if len(theirs) == len(ours) and title in ours:
        return theirs[ours.index(title)]
    return None


def release_titles(
    source: Segmentation, targets: Sequence[tuple[Segmentation, Sequence[Link]]]
) -> tuple[Title, ...]:
    """Every title of the source with each version's renderings, in source order."""
    places: dict[str, list[Location]] = {}
    for segment in source.segments:
        for title in title_spans(segment.prose):
            line, column = segment.locate(title.start)
            places.setdefault(title.text, []).append(Location(source.path, line, column))
    written: dict[str, dict[str, list[tuple[str, Location]]]] = {}
    for target, links in targets:
        for link in links:
            if not link.source or not link.target:
                continue
            src, tgt = LinkText(source, link.source), LinkText(target, link.target)
            for title in title_spans(src.text):
                rendering = rendering_of(src, tgt, title)
                if rendering is not None:
                    where = _location(tgt, rendering.start)
                    by_lang = written.setdefault(title.text, {})
                    by_lang.setdefault(target.lang, []).append((rendering.text, where))
    if not targets:
        return ()
    titles = []
    for text, found in places.items():
        renderings = []
        for target, _ in targets:
            seen = written.get(text, {}).get(target.lang, [])
            first: dict[str, Location] = {}
            for spelling, where in seen:
                first.setdefault(spelling, where)
            for spelling, count in spellings([s for s, _ in seen], base_lang(target.lang)):
                renderings.append(TitleRendering(target.lang, spelling, count, first[spelling]))
        titles.append(Title(text, len(found), found[0], tuple(renderings)))
    return tuple(titles)


def _location(side: LinkText, pos: int) -> Location:
    span = side.span(pos, pos)
    segment = side.segmentation.segments[span.segment]
    line, column = segment.locate(span.start)
    return Location(side.segmentation.path, line, column)
