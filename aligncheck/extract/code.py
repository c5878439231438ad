"""Code blocks compared across versions: their lines less comments and spacing.

Comments may be translated (a translated `# install the tool` is a good translation), so a
line's comment is dropped before comparing: `#` or `//` at the start of a line or after a
blank, and `/* ... */` or `<!-- ... -->` within one line. Everything else (commands, options,
strings, numbers) must stay as written. A fence line (```sh, ~~~) is no code.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_COMMENT = regex.compile(r"(?:^|(?<=\s))(?:#|//).*$|/\*.*?\*/|<!--.*?-->")
_FENCE = regex.compile(r"[^\S\n]*(?:`{3,}|~{3,})[^`]*")


@dataclass(frozen=True)
class CodeLine:
    """One line of code as compared (`key`) and where it is written in its block."""

    key: str
    start: int
    end: int


def code_lines(text: str) -> list[CodeLine]:
    """The lines of a code block that hold code, comments and fences dropped."""
    out, pos = [], 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if _FENCE.fullmatch(line):
            continue
        key = " ".join(_COMMENT.sub(" ", line).split())
        if key:
            stripped = line.strip()
            first = start + line.index(stripped[0])
            out.append(CodeLine(key, first, first + len(stripped)))
    return out


def first_difference(
    source: list[CodeLine], target: list[CodeLine]
) -> tuple[CodeLine | None, CodeLine | None] | None:
    """The first line where the two blocks part (None on a side that has run out), or None
    when they hold the same code; linear in their length."""
    for ours, theirs in zip(source, target):
        if ours.key != theirs.key:
            return ours, theirs
    if len(source) == len(target):
        return None
    shorter = min(len(source), len(target))
    return (
        source[shorter] if shorter < len(source) else None,
        target[shorter] if shorter < len(target) else None,
    )


_TAG = regex.compile(r"<(/?)([A-Za-z][\w:.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = regex.compile(r"([\w:.-]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
# attributes a translation translates (they are text for people), not markup
TRANSLATED_ATTRIBUTES = frozenset("alt title aria-label placeholder label summary".split())


def html_tags(text: str) -> list[CodeLine]:
    """The tags of an HTML block as compared: name and attributes, less the attributes that
    are text for people (alt, title ...) and less the text between tags."""
    out = []
    for tag in _TAG.finditer(text):
        kept = sorted(
            f"{name.lower()}={value.strip(chr(34) + chr(39))}" if value else name.lower()
            for name, value in _ATTRIBUTE.findall(tag[3])
            if name.lower() not in TRANSLATED_ATTRIBUTES
        )
        out.append(CodeLine(" ".join([f"<{tag[1]}{tag[2].lower()}", *kept]) + ">", *tag.span()))
    return out
