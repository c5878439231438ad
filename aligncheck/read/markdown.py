"""Markdown (CommonMark, tables, YAML front matter) -> the Blocks of a Document.

markdown-it-py finds the blocks; each leaf block's inline content is mapped back to the
lines it came from, so every Block is an exact slice of the file. Paragraphs, headings,
table rows and the translatable values of the front matter are prose; code blocks, HTML
blocks and the rest of the front matter are not. Inside prose, what is not text to translate
is verbatim: code spans, inline HTML, link and image targets (the URL or reference label
between the brackets, the brackets kept so that markup checks still see a link), autolink
angle brackets, the `>` and indentation that continue a quote or list item on a new line,
and a table row's `|` separators. The inline parser's own rules report where each of those
sits, so the spans are what CommonMark reads, not a guess.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import cache

import regex

from aligncheck.model import Block
from aligncheck.read.policy import FRONT_MATTER_KEYS

_RECORDED = ("backticks", "link", "image", "autolink", "html_inline")
_SPANS = "aligncheck_spans"  # the env entry the recording rules write to
_HEADING_ID = regex.compile(r"\s*\{#([\w.:-]+)\}\s*$")
_YAML_PAIR = regex.compile(r"([A-Za-z_][\w-]*)[^\S\n]*:[^\S\n]*(.*?)[^\S\n]*$")
_SLUG_DROP = regex.compile(r"[^\p{L}\p{M}\p{N}\p{Pc}\- ]")


def github_slug(text: str) -> str:
    """The anchor GitHub gives a heading: lower-case, punctuation dropped (letters of any
    script, digits, `_` and `-` kept), each space a hyphen."""
    return _SLUG_DROP.sub("", text.lower()).replace(" ", "-")


def _recording(name: str, rule):
    """`rule`, which also notes in the parse's env where the construct it parsed sits."""
    from markdown_it.helpers import parseLinkLabel

    def wrapped(state, silent: bool) -> bool:
        start, before = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        if silent:
            return True
        spans, end = state.env.setdefault(_SPANS, []), state.pos
        if name == "backticks":  # an unmatched backtick run is text, not code
            if len(state.tokens) > before and state.tokens[-1].type == "code_inline":
                spans.append((start, end))
        elif name == "html_inline":
            spans.append((start, end))
        elif name == "autolink":
            spans.extend([(start, start + 1), (end - 1, end)])
        else:  # a link or image: its target, between the brackets after the label
            label_end = parseLinkLabel(state, start + (name == "image"), False)
            if 0 <= label_end < end - 1 and state.src[label_end + 1] in "([":
                spans.append((label_end + 2, end - 1))
        return True

    return wrapped


@cache  # static: the configured parser; its recording rules keep no state of their own
def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
    for name in _RECORDED:
        rule = next(r.fn for r in md.inline.ruler.__rules__ if r.name == name)
        md.inline.ruler.at(name, _recording(name, rule))
    md.core.ruler.disable("inline")  # run per block below, to collect each block's spans
    md.normalizeLink = md.normalizeLinkText = str  # targets are kept as written, not rendered
    return md


class _Lines:
    """The file's lines: where each starts, and its text."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in regex.finditer("\n", text)]

    def line(self, index: int) -> tuple[int, str]:
        start = self.starts[index]
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return start, self.text[start:end]


class _Placed:
    """Inline content placed in the file: content offset -> file offset, line by line."""

    def __init__(self, content: str, lines: _Lines, first_line: int, column: int = -1):
        self.content = content
        self.content_starts, self.file_starts = [], []
        while first_line + 1 < len(lines.starts) and not lines.line(first_line)[1].strip():
            first_line += 1  # a line of blanks markdown-it kept (no-break spaces) is trimmed
        at = 0
        for k, piece in enumerate(content.split("\n")):
            start, line = lines.line(min(first_line + k, len(lines.starts) - 1))
            self.content_starts.append(at)
            self.file_starts.append(start + _column(line, piece, column if k == 0 else -1))
            at += len(piece) + 1

    def at(self, offset: int) -> int:
        k = bisect.bisect_right(self.content_starts, offset) - 1
        return self.file_starts[k] + offset - self.content_starts[k]

    def span(self, a: int, b: int) -> tuple[int, int]:
        return self.at(a), self.at(b - 1) + 1 if b > a else self.at(a)

    @property
    def start(self) -> int:
        return self.file_starts[0]

    @property
    def end(self) -> int:
        return self.at(len(self.content) - 1) + 1 if self.content else self.start

    def gaps(self) -> list[tuple[int, int]]:
        """The characters between one content line and the next that are not content (a
        quote's `>`, a list item's indentation), as file spans."""
        out = []
        for k in range(1, len(self.file_starts)):
            end_before = self.at(self.content_starts[k] - 1)  # the newline ending line k-1
            if self.file_starts[k] > end_before + 1:
                out.append((end_before + 1, self.file_starts[k]))
        return out


def _column(line: str, piece: str, hint: int) -> int:
    """Where `piece` (one line of inline content) sits in `line`: markdown-it keeps a line's
    end and drops what precedes it (container marks, indentation), so it is a suffix, the
    paragraph's last line less its trailing blanks; `hint` is where to look from."""
    if hint >= 0:
        found = line.find(piece, hint)
        return found if found >= 0 else hint
    if line.endswith(piece):
        return len(line) - len(piece)
    stripped, core = line.rstrip(), piece.rstrip()
    if core and stripped.endswith(core):
        return len(stripped) - len(core)
    found = line.find(piece.strip())  # a tab the parser expanded: align on the text itself
    return found - (len(piece) - len(piece.lstrip())) if found >= 0 else 0


_CONSTRUCTS = regex.compile(r"[`\[<]")  # what each recorded construct starts with


def _inline(md, token, env: dict, always: bool = False) -> list[tuple[int, int]]:
    """Parse one inline token (filling its children); the spans its recording rules saw.
    Text that holds none of them is left unparsed unless `always`."""
    token.children = []
    if not always and not _CONSTRUCTS.search(token.content):
        return []
    env[_SPANS] = []
    md.inline.parse(token.content, md, env, token.children)
    return env.pop(_SPANS)


def _prose(placed: _Placed, spans: Sequence[tuple[int, int]], anchor: str = "") -> Block | None:
    start, end = placed.start, placed.end
    if end <= start:
        return None
    verbatim = placed.gaps() + [placed.span(*s) for s in spans]
    clipped = ((max(a, start) - start, min(b, end) - start) for a, b in verbatim)
    return Block(
        start, end, "prose", tuple(sorted(v for v in clipped if v[0] < v[1])), anchor=anchor
    )


def _heading_text(children) -> str:
    return "".join(c.content for c in children if c.type in ("text", "code_inline"))


def _heading(md, tokens, i: int, lines: _Lines, env: dict, slugs: dict[str, int]) -> Block | None:
    inline, first = tokens[i + 1], tokens[i].map[0]
    if not inline.content:
        return None
    atx = tokens[i].markup.startswith("#")
    placed = _Placed(inline.content, lines, first, lines.line(first)[1].find("#") if atx else -1)
    spans = _inline(md, inline, env, always=True)
    explicit = _HEADING_ID.search(inline.content)
    if explicit:
        spans.append(explicit.span())
        anchor = explicit[1]
    else:
        anchor = github_slug(_heading_text(inline.children))
        seen = slugs.get(anchor, 0)
        slugs[anchor] = seen + 1
        anchor = f"{anchor}-{seen}" if seen else anchor
    return _prose(placed, spans, anchor)


def _row(md, tokens, i: int, lines: _Lines, env: dict) -> tuple[Block | None, int]:
    """The table row opening at tokens[i] as one prose block (its cells, separators
    verbatim), and the index of its closing token."""
    line_index = tokens[i].map[0]
    line_start, line = lines.line(line_index)
    cells, spans, hint = [], [], 0
    while tokens[i].type != "tr_close":
        token = tokens[i]
        if token.type == "inline" and token.content:
            placed = _Placed(token.content, lines, line_index, hint)
            hint = placed.end - line_start
            cells.append((placed.start, placed.end))
            spans += [placed.span(*s) for s in _inline(md, token, env)]
        i += 1
    if not cells:
        return None, i
    start, end = cells[0][0], cells[-1][1]
    between = [(a[1], b[0]) for a, b in zip(cells, cells[1:])]
    verbatim = sorted((a - start, b - start) for a, b in between + spans if a < b)
    return Block(start, end, "prose", tuple(verbatim)), i


def _raw(lines: _Lines, first: int, last: int, kind: str) -> Block | None:
    """Lines first..last-1 as one block of `kind`, blank edges trimmed."""
    start = lines.line(first)[0]
    end_start, end_line = lines.line(max(first, last - 1))
    end = end_start + len(end_line)
    while start < end and lines.text[start].isspace():
        start += 1
    while end > start and lines.text[end - 1].isspace():
        end -= 1
    return Block(start, end, kind) if start < end else None


def _front_matter(lines: _Lines, first: int, last: int, keys: Sequence[str]) -> list[Block]:
    """The front matter's translatable values (`title: ...`) as prose blocks, the lines
    between them as front_matter blocks."""
    blocks, run = [], first
    index = first
    while index < last:
        start, line = lines.line(index)
        pair = _YAML_PAIR.fullmatch(line)
        if not (pair and pair[1] in keys and pair[2]):
            index += 1
            continue
        if run < index:
            blocks.append(_raw(lines, run, index, "front_matter"))
        value_start, value = start + pair.start(2), pair[2]
        if value in (">", "|", ">-", "|-"):  # a block scalar: the indented lines below
            end = index + 1
            while end < last and lines.line(end)[1][:1] in (" ", "\t"):
                end += 1
            block = _raw(lines, index + 1, end, "prose")
            blocks.append(block)
            index = end
        else:
            quoted = len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'"
            a, b = (1, len(value) - 1) if quoted else (0, len(value))
            if a < b:
                blocks.append(Block(value_start + a, value_start + b, "prose"))
            index += 1
        run = index
    if run < last:
        blocks.append(_raw(lines, run, last, "front_matter"))
    return [b for b in blocks if b is not None]


def markdown_blocks(text: str, front_matter_keys: Sequence[str] = FRONT_MATTER_KEYS) -> list[Block]:
    """The blocks of a Markdown text, in order."""
    md, env, lines = _parser(), {}, _Lines(text)
    tokens = md.parse(text, env)
    blocks: list[Block | None] = []
    slugs: dict[str, int] = {}
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "front_matter":
            blocks += _front_matter(lines, token.map[0], token.map[1], front_matter_keys)
        elif token.type == "heading_open":
            blocks.append(_heading(md, tokens, i, lines, env, slugs))
            i += 2
        elif token.type == "paragraph_open":
            inline = tokens[i + 1]
            placed = _Placed(inline.content, lines, token.map[0])
            blocks.append(_prose(placed, _inline(md, inline, env)) if inline.content else None)
            i += 2
        elif token.type == "tr_open":
            block, i = _row(md, tokens, i, lines, env)
            blocks.append(block)
        elif token.type in ("fence", "code_block"):
            blocks.append(_raw(lines, *token.map, "code"))
        elif token.type == "html_block":
            blocks.append(_raw(lines, *token.map, "html"))
        i += 1
    return [b for b in blocks if b is not None]
