"""Alignment stage: source and target segments -> monotonic many-to-many Links.

from aligncheck.align import align
links = align(source_texts, target_texts, embedder.embed)
per_target = align_many(source_texts, [texts_ru, texts_kk], embedder.embed)
"""

from aligncheck.align.aligner import (
    align,
    align_many,
    lexical_weight,
    member_weight,
    unit_options,
)
from aligncheck.align.dp import link_types
from aligncheck.align.paired import paired_links

__all__ = [
    "align",
    "align_many",
    "lexical_weight",
    "link_types",
    "member_weight",
    "paired_links",
    "unit_options",
]
