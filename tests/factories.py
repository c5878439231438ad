"""What the rules see, built from plain texts: segmentations, and pair and release contexts
whose paragraphs are linked one to one (paragraph i of the source to paragraph i of the target).

A text is a string, or a list of paragraphs joined with blank lines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from aligncheck.checks.base import PairContext, ReleaseContext
from aligncheck.model import Document, Link, Segment, Segmentation
from aligncheck.segment import segment_document

Text = str | Sequence[str]


def joined(text: Text) -> str:
    return text if isinstance(text, str) else "\n\n".join(text)


def segmented(text: Text, lang: str, path: str | None = None, fmt: str = "txt") -> Segmentation:
    """`text` cut into paragraphs, as the file `path` (default `<lang>.txt`)."""
    return segment_document(Document(path or f"{lang}.{fmt}", lang, joined(text), fmt))


def line_segments(lang: str, *texts: str) -> Segmentation:
    """One segment per text, as lines of `<lang>.txt`, without running the segmenter."""
    segments = tuple(Segment(i, t, 0, i + 1, 1) for i, t in enumerate(texts))
    return Segmentation(Document(f"{lang}.txt", lang, "\n".join(texts)), "line", segments)


def one_to_one(source: Segmentation, target: Segmentation) -> tuple[Link, ...]:
    count = min(len(source.segments), len(target.segments))
    return tuple(Link((i,), (i,), 1.0) for i in range(count))


def pair(
    source: Text | Segmentation,
    target: Text,
    lang: str = "ru",
    glossaries=(),
    *,
    embedder=None,
    links: Sequence[Link] | None = None,
    release: str = "r",
    **options: Any,
) -> PairContext:
    """An English source (or a given segmentation) and its `lang` version; keyword
    arguments other than these are rule options."""
    src = source if isinstance(source, Segmentation) else segmented(source, "en")
    tgt = segmented(target, lang)
    resources: dict[str, Any] = {"glossaries": list(glossaries)}
    if embedder is not None:
        resources["embedder"] = embedder
    links = one_to_one(src, tgt) if links is None else tuple(links)
    return PairContext(release, src, tgt, links, options, resources)


def release(
    source: Text, targets: Mapping[str, Text], *, glossaries=(), embedder=None, **options: Any
) -> ReleaseContext:
    """One English source and its versions, by language."""
    src = segmented(source, "en")
    pairs = tuple(
        pair(src, text, lang, glossaries=glossaries, embedder=embedder, **options)
        for lang, text in targets.items()
    )
    return release_of(pairs)


def release_of(pairs: Sequence[PairContext]) -> ReleaseContext:
    """The release of pairs that share one source."""
    first = pairs[0]
    return ReleaseContext(first.release, first.source, tuple(pairs), first.options, first.resources)


def counting(monkeypatch, module, name: str) -> list[int]:
    """Replace module.name by a wrapper that counts its calls; the count is `[0]` of the list
    returned (a test may reset it)."""
    calls = [0]
    original = getattr(module, name)

    def counted(*args, **kwargs):
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls
