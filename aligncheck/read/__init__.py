"""Read stage: files on disk -> Documents grouped into Releases."""

from aligncheck.read.discover import discover_releases
from aligncheck.read.document import read_document, read_text
from aligncheck.read.langcodes import (
    EXTENSIONS,
    check_lang,
    lang_from_filename,
    parse_langs,
)
from aligncheck.read.multilingual import paragraphs, split_multilingual, write_split
from aligncheck.read.policy import DEFAULT_MAX_INPUT_MB, Encodings, parse_encodings

__all__ = [
    "DEFAULT_MAX_INPUT_MB",
    "EXTENSIONS",
    "Encodings",
    "check_lang",
    "discover_releases",
    "lang_from_filename",
    "paragraphs",
    "parse_encodings",
    "parse_langs",
    "read_document",
    "read_text",
    "split_multilingual",
    "write_split",
]
