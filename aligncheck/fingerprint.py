"""Stable finding fingerprints, for baselines and for tracking findings across runs.

A fingerprint hashes the rule, the language, the texts the finding names and the
normalised text of the segments involved; never line numbers or segment indices, so
editing other paragraphs leaves it unchanged. Findings with the same basis are told
apart by their order in the document.
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from collections.abc import Callable, Iterable, Sequence

import regex

from aligncheck.model import Finding, Segmentation

LENGTH = 16
_SPACE = regex.compile(r"\s+")

SegmentText = Callable[[Finding], tuple[str, str]]


def normalise(text: str) -> str:
    """NFC, case-folded, whitespace collapsed: reflowing a paragraph keeps its fingerprint."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


def _basis(f: Finding, segment_text: SegmentText | None) -> str:
    source, target = segment_text(f) if segment_text else ("", "")
    parts = (f.rule, f.lang, f.source_text or "", f.target_text or "", normalise(source), normalise(target))
    return "\x1f".join(parts)


def assign_fingerprints(findings: Sequence[Finding], segment_text: SegmentText | None = None) -> list[Finding]:
    """The findings, in the same order, each with its fingerprint set."""
    bases = [_basis(f, segment_text) for f in findings]
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

    def text(f: Finding) -> tuple[str, str]:
        target = by_lang.get(f.lang)
        return source.texts(f.source_segments), target.texts(f.target_segments) if target else ""
    return text
