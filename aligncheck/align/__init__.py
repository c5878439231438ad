"""Alignment stage: source and target segments -> monotonic many-to-many Links.

    from aligncheck.align import align
    links = align(source_texts, target_texts, embedder.embed)
"""

from aligncheck.align.aligner import align
from aligncheck.align.dp import link_types

__all__ = ["align", "link_types"]
