"""Segment stage: documents become numbered segments (paragraphs, lines or sentences)."""

from aligncheck.segment.units import segment_document, split_sentences

__all__ = ["segment_document", "split_sentences"]
