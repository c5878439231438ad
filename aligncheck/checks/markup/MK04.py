from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import regex

from aligncheck.checks.base import PairContext, Rule
from aligncheck.checks.helpers import quote
from aligncheck.model import Finding, Link, Segmentation, Severity, Span


def _code_spans(seg: Segmentation, indices: tuple[int, ...]) -> list[tuple[str, Span]]:
    """(code, where) of each inline code span (`…`) of the linked prose segments, in order."""
    found = []
    for i in indices:
        segment = seg.segments[i]
        if segment.kind != "prose":
            continue
        for start, end in segment.verbatim:
            written = segment.text[start:end]
            if written.startswith("`") and written.endswith("`") and len(written) > 2:
                found.append((" ".join(written.strip("`").split()), Span(i, start, end)))
    return found


class MK04(Rule):
    """An inline code span of the source is changed, or lost, in the target.

    Inline code (`` `pip install x==1` ``, `` `Query` ``) is kept out of the prose checks and
    compared here: each code span of a Markdown paragraph must come back as a code span of the
    aligned target with the same code (blanks collapsed; order free, since word order
    changes; one target span may hold several: `include_in_schema=False`). A span the target
    writes instead is reported as the change, one it leaves out as lost; one it writes
    without backticks (POST-операций) is an info.

    **Anti-pattern**
    source (en.md): Install it with `pip install aligncheck==0.1` and run `aligncheck check`.
    target (ru.md): Установите его командой `pip install aligncheck==1.0` и запустите
        `aligncheck check`.

    **Best practice**
    source (en.md): Install it with `pip install aligncheck==0.1` and run `aligncheck check`.
    target (ru.md): Установите его командой `pip install aligncheck==0.1` и запустите
        `aligncheck check`.
    """

    code = "MK04"
    name = "inline-code-mismatch"
    category = "markup"
    severity = Severity.WARNING
    groups = ("all", "default", "markup")

    def check_link(self, ctx: PairContext, link: Link) -> Iterable[Finding]:
        if not link.source or not link.target:
            return
        source = _code_spans(ctx.source, link.source)
        target = _code_spans(ctx.target, link.target)
        left = Counter(code for code, _ in source) - Counter(code for code, _ in target)
        extra = Counter(code for code, _ in target) - Counter(code for code, _ in source)
        spare = [(code, span) for code, span in target if extra[code] > 0]
        joined = [code for code, _ in target]
        prose = ctx.target.texts(link.target)
        for code, span in source:
            if left[code] <= 0:
                continue
            left[code] -= 1
            if any(_within(code, other) for other in joined):
                continue  # `include_in_schema` of `False` as `include_in_schema=False`
            severity = None
            instead = spare.pop(0) if spare else None
            if instead is not None:
                message = f"inline code `{code}` changed to `{instead[0]}` in {ctx.lang}"
            elif _within(code, prose):
                message = f"inline code `{code}` is written in the target without backticks"
                severity = Severity.INFO
            else:
                message = f"inline code `{code}` is not in the target"
            yield self.finding(
                ctx,
                link,
                message,
                source_text=code,
                target_text=instead[0] if instead else quote(ctx.target, link.target),
                source_span=span,
                target_span=instead[1] if instead else None,
                severity=severity,
            )


def _within(code: str, text: str) -> bool:
    """`code` stands in `text` as a whole token (not inside a longer name)."""
    return regex.search(rf"(?<![\w.]){regex.escape(code)}(?![\w])", text) is not None
