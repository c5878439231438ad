"""A Document's structure: the Blocks a Markdown or HTML reader finds in its text.

Other formats keep no blocks (their text is segmented by blank lines). Called wherever a
Document's text is set: reading a file, splitting a multilingual one, blanking directives.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from aligncheck.errors import InputError
from aligncheck.model import Document
from aligncheck.read.markdown import markdown_blocks
from aligncheck.read.policy import FRONT_MATTER_KEYS

HTML_FORMATS = ("html", "htm")


def with_blocks(
    document: Document, front_matter_keys: Sequence[str] = FRONT_MATTER_KEYS
) -> Document:
    """`document` with the blocks of its format; InputError when it holds no text to check."""
    if document.format == "md":
        blocks, what = markdown_blocks(document.text, front_matter_keys), "Markdown"
    elif document.format in HTML_FORMATS:
        from aligncheck.read.html import html_blocks  # lxml only for HTML files

        blocks, what = html_blocks(document.text), "HTML"
    else:
        return document
    body_start = next((b.end for b in reversed(blocks) if b.kind == "front_matter"), 0)
    if not any(b.start >= body_start for b in blocks if b.kind != "front_matter"):
        holds = "only front matter" if body_start else "no text blocks"
        raise InputError(
            f"holds {holds}, no {what} text to check; add the document's text", document.path
        )
    return dataclasses.replace(document, blocks=tuple(blocks))
