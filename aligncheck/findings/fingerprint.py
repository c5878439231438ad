"""Stable finding fingerprints, for baselines and for tracking findings across runs.

A fingerprint hashes the rule, the language, the texts the finding names and the
normalised text of the segments involved; never line numbers or segment indices, so
editing other paragraphs leaves it unchanged. Findings with the same basis are told
apart by their order in the document. A segment text longer than LONG_TEXT characters
(normalised) enters the basis as its SHA-256, so that hashing stays linear in its length
however many findings it holds; shorter ones enter in full, as they always have.
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from collections.abc import Callable, Iterable, Sequence

import regex

from aligncheck.model import Finding, Segmentation

LENGTH = 16
LONG_TEXT = 100_000
_SPACE = regex.compile(r"\s+")

SegmentText = Callable[[Finding], tuple[str, str]]


def normalise(text: str) -> str:
    """NFC, case-folded, whitespace collapsed: reflowing a paragraph keeps its fingerprint."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


def _basis_part(text: str) -> str:
    normal = normalise(text)
    if len(normal) <= LONG_TEXT:
        return normal
    return "sha256:" + hashlib.sha256(normal.encode()).hexdigest()


def assign_fingerprints(
    findings: Sequence[Finding], segment_text: SegmentText | None = None
) -> list[Finding]:
    """The findings, in the same order, each with its fingerprint set."""
    parts: dict[str, str] = {}  # segment text -> its part of the basis, made once per segment

    def basis(f: Finding) -> str:
        texts = segment_text(f) if segment_text else ("", "")
        for text in texts:
            if text not in parts:
                parts[text] = _basis_part(text)
        return "\x1f".join(
            (f.rule, f.lang, f.source_text or "", f.target_text or "", *(parts[t] for t in texts))
        )

    bases = [basis(f) for f in findings]
    order = sorted(range(len(findings)), key=lambda i: (bases[i], findings[i].sort_key()))
    seen: dict[str, int] = {}
    prints = [""] * len(findings)
    for i in order:
        occurrence = seen.get(bases[i], 0)
        seen[bases[i]] = occurrence + 1
        digest = hashlib.sha256(f"{bases[i]}\x1f{occurrence}".encode()).hexdigest()
        prints[i] = digest[:LENGTH]
    return [dataclasses.replace(f, fingerprint=p) for f, p in zip(findings, prints)]


def segment_text_for(source: Segmentation, targets: Iterable[Segmentation]) -> SegmentText:
    """For one release: a finding -> (its source segments' text, its target segments' text)."""
    by_lang = {t.lang: t for t in targets}
    texts: dict[tuple, str] = {}  # one string per segment group: findings share their paragraph

    def joined(side: str, seg: Segmentation | None, indices: tuple[int, ...]) -> str:
        if seg is None:
            return ""
        if (side, indices) not in texts:
            texts[side, indices] = seg.texts(indices)
        return texts[side, indices]

    def text(f: Finding) -> tuple[str, str]:
        return joined("", source, f.source_segments), joined(
            f.lang, by_lang.get(f.lang), f.target_segments
        )

    return text
