from __future__ import annotations

from collections.abc import Iterable

import regex

from aligncheck.checks.base import PairContext, Rule
from aligncheck.extract.links import find_links
from aligncheck.model import Finding, Link, Segmentation, Span

KINDS = ("bold", "italic", "link", "quotes", "parentheses", "square brackets", "braces")
_MARKERS = {
    "bold": regex.compile(r"\*\*|(?<!\w)__(?=\S)|(?<=\S)__(?!\w)"),
    "italic": regex.compile(r"(?<![*\s])\*(?!\*)|(?<!\*)\*(?![*\s])|(?<!\w)_(?=[^\s_])|(?<=[^\s_])_(?!\w)"),
    "link": regex.compile(r"\[[^\]\n]*\]\([^)\n]*\)"),
    "quotes": regex.compile(r"[\"“”«»„‟]"),
    "parentheses": regex.compile(r"[()]"),
    "square brackets": regex.compile(r"[\[\]]"),
    "braces": regex.compile(r"[{}]"),
}
# single quotes that are not apostrophes inside words; English ones often become double quotes
_SINGLE_QUOTES = regex.compile(r"(?<![\p{L}\p{N}])['‘’‚‹›]|['‘’‚‹›](?![\p{L}\p{N}])")
_BULLET = regex.compile(r"(?m)^[ \t]*[*_]+[ \t]")
_OPEN_CLOSE = {"parentheses": "()", "square brackets": "[]", "braces": "{}"}


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def markers(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each kind of markup character sits, URLs, emails and list bullets ignored."""
    text = _blank(text, [(v.start, v.end) for v in find_links(text)])
    text = _blank(text, [m.span() for m in _BULLET.finditer(text)])
    out = {}
    for kind in KINDS:
        spans = [m.span() for m in _MARKERS[kind].finditer(text)]
        out[kind] = spans
        if kind == "bold":
            text = _blank(text, spans)
    return out


def unbalanced(text: str, kind: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first character that breaks the balance of `kind`, or None when it is balanced."""
    if kind in _OPEN_CLOSE:
        opener, closer = _OPEN_CLOSE[kind]
        stack = []
        for span in spans:
            if text[span[0]] == opener:
                stack.append(span)
            elif not stack:
                return span
            else:
                stack.pop()
        return stack[-1] if stack else None
    if kind == "quotes":
        chars = [text[a] for a, _ in spans]
        if chars.count("«") != chars.count("»") or len(chars) % 2:
            return spans[-1]
        return None
    return spans[-1] if len(spans) % 2 else None


def _quoted_instead(kind: str, src: dict, tgt: dict) -> bool:
    """Italics of the source rendered as quotes in the target (« » for titles is common usage)."""
    lost = len(src[kind]) - len(tgt[kind])
    return kind == "italic" and lost > 0 and len(tgt["quotes"]) - len(src["quotes"]) >= lost


def _joined(seg: Segmentation, indices: tuple[int, ...]) -> tuple[str, list[tuple[int, int]]]:
    """The link's text and where each segment starts in it."""
    starts, pos = [], 0
    for i in indices:
        starts.append((pos, i))
        pos += len(seg.segments[i].text) + 1
    return seg.texts(indices), starts


def _span(starts: list[tuple[int, int]], where: tuple[int, int] | None) -> Span | None:
    if where is None:
        return None
    offset, index = max((s for s in starts if s[0] <= where[0]), default=starts[0])
    return Span(index, where[0] - offset, where[1] - offset)


class MK01(Rule):
    """Markup (Markdown emphasis and links, quotes, brackets) unbalanced or lost in the target.

    **Anti-pattern**
    source: The **new** plan (2026) was “approved”.
    target: **Новый план (2026) был «утверждён».

    **Best practice**
    source: The **new** plan (2026) was “approved”.
    target: **Новый** план (2026) был «утверждён».
    """

    code = "MK01"
    name = "markup-mismatch"
    category = "markup"
    groups = ("all", "default", "markup")
    config_keys = {
        "markup_count_kinds": (
            ("bold", "italic", "link"),
            "markup kinds whose count must be the same in source and target (quotes and "
            "brackets are only checked for balance by default: translators add them legitimately)",
        ),
    }

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        counted = set(self.opt(ctx, "markup_count_kinds"))
        for link in ctx.links:
            if link.source and link.target:
                yield from self._check_link(ctx, link, counted)

    def _check_link(self, ctx: PairContext, link: Link, counted: set[str]) -> Iterable[Finding]:
        src_text, src_starts = _joined(ctx.source, link.source)
        tgt_text, tgt_starts = _joined(ctx.target, link.target)
        src, tgt = markers(src_text), markers(tgt_text)
        broken = {kind: unbalanced(tgt_text, kind, tgt[kind]) for kind in KINDS}
        if broken["bold"] and broken["italic"]:  # "**title*": one slip, reported once
            broken["italic"] = None
            label = {"bold": "emphasis (** and * do not pair up)"}
        else:
            label = {}
        for kind in KINDS:
            bad = broken[kind]
            if bad and not unbalanced(src_text, kind, src[kind]) and not (
                    kind == "quotes" and len(_SINGLE_QUOTES.findall(src_text)) % 2):
                yield self.finding(ctx, link, f"unbalanced {label.get(kind, kind)} in the target",
                                   target_text=tgt_text[bad[0]:bad[1]], target_span=_span(tgt_starts, bad))
            elif (kind in counted and len(src[kind]) != len(tgt[kind]) and not _quoted_instead(kind, src, tgt)
                  and not (kind == "italic" and label)):
                yield self.finding(
                    ctx, link,
                    f"{kind} markup count differs: {len(src[kind])} in the source, {len(tgt[kind])} in the target",
                    source_span=_span(src_starts, (src[kind] or [None])[0]),
                    target_span=_span(tgt_starts, (tgt[kind] or [None])[0]),
                )
