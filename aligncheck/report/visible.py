"""Text from the checked files, made safe to show on a terminal.

A translation (or a file name) may hold control characters: ESC and BEL sequences clear the
screen, set the window title or write the clipboard; CR overwrites what a line showed; bidi
overrides reorder it ("Trojan Source"). Terminal-facing reports show them as escapes instead
(`\\x1b`, `\\u202e`). File formats (JSON, SARIF, JUnit, HTML) keep the exact text.
"""

from __future__ import annotations

import re

_BIDI = "\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")  # all but tab and newline
_BREAKS = re.compile(r"\r\n|\r|\n")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control and bidi override character shown as an escape; tab and
    newline kept."""
    return _UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    """`visible(text)` on one line: line breaks become spaces."""
    return visible(_BREAKS.sub(" ", text))
