from __future__ import annotations

from collections.abc import Iterable

import regex

from aligncheck.checks.base import PairContext, Rule
from aligncheck.extract.markup import KINDS, directional_break, markers, unbalanced
from aligncheck.model import Finding, Link, Segmentation, Severity, Span

# single quotes that are not apostrophes inside words; English ones often become double quotes
_SINGLE_QUOTES = regex.compile(r"(?<![\p{L}\p{N}])['‘’‚‹›]|['‘’‚‹›](?![\p{L}\p{N}])")


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
    return seg.prose(indices), starts


def _span(starts: list[tuple[int, int]], where: tuple[int, int] | None) -> Span | None:
    if where is None:
        return None
    offset, index = max((s for s in starts if s[0] <= where[0]), default=starts[0])
    return Span(index, where[0] - offset, where[1] - offset)


class MK01(Rule):
    """Markup (Markdown emphasis and links, quotes, brackets) unbalanced or lost in the target.

    Quotation marks of any style pair with each other (“ ” « » „ “ ” ” » « ‹ › "...), so a
    translation that restyles or mixes them is fine; quotes added or removed are not counted.
    Quotes that do not pair up are a warning when guillemets (or other mirrored marks) break,
    and info otherwise: straight and curly English-style marks are merged, dropped and moved
    by translators restructuring a quotation, and their direction cannot say which one strays.

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

    def check_link(self, ctx: PairContext, link: Link) -> Iterable[Finding]:
        if not link.source or not link.target:
            return
        counted = set(self.opt(ctx, "markup_count_kinds"))
        src_text, src_starts = _joined(ctx.source, link.source)
        tgt_text, tgt_starts = _joined(ctx.target, link.target)
        # the source link is read once per target version
        src = ctx.remember(("markup", src_text), lambda: markers(src_text))
        tgt = markers(tgt_text)
        broken = {kind: unbalanced(tgt_text, kind, tgt[kind]) for kind in KINDS}
        if broken["bold"] and broken["italic"]:  # "**title*": one slip, reported once
            broken["italic"] = None
            label = {"bold": "emphasis (** and * do not pair up)"}
        else:
            label = {}
        for kind in KINDS:
            bad = broken[kind]
            if (
                bad
                and not unbalanced(src_text, kind, src[kind])
                and not (kind == "quotes" and len(_SINGLE_QUOTES.findall(src_text)) % 2)
            ):
                minor = kind == "quotes" and not directional_break(tgt_text, tgt[kind])
                yield self.finding(
                    ctx,
                    link,
                    f"unbalanced {label.get(kind, kind)} in the target",
                    target_text=tgt_text[bad[0] : bad[1]],
                    target_span=_span(tgt_starts, bad),
                    severity=Severity.INFO if minor else None,
                )
            elif (
                kind in counted
                and len(src[kind]) != len(tgt[kind])
                and not _quoted_instead(kind, src, tgt)
                and not (kind == "italic" and label)
            ):
                yield self.finding(
                    ctx,
                    link,
                    f"{kind} markup count differs: {len(src[kind])} in the source, "
                    f"{len(tgt[kind])} in the target",
                    source_span=_span(src_starts, (src[kind] or [None])[0]),
                    target_span=_span(tgt_starts, (tgt[kind] or [None])[0]),
                )
