"""Segment stage: documents become numbered segments (paragraphs, lines or sentences)."""

from aligncheck.segment.units import alignment_texts, segment_document, split_sentences

__all__ = ["alignment_texts", "segment_document", "split_sentences"]
