from __future__ import annotations

from collections.abc import Iterable

from aligncheck.checks.base import PairContext, Rule
from aligncheck.checks.helpers import gap_span
from aligncheck.extract.code import code_lines, first_difference, html_tags
from aligncheck.model import Finding, Link, Severity, Span


class MK02(Rule):
    """A code block of the source is changed, or missing, in the target (comments may differ).

    HTML blocks of a Markdown page are compared the same way by their tags: names and
    attributes must stay (a changed image `src`, class or id), while the words between tags
    and the attributes that are text for people (alt, title, aria-label, placeholder) may be
    translated.

    Code blocks (fenced or indented Markdown code, HTML `pre`) must keep their code: they are
    compared line by line after dropping comments (`#`, `//`, `/* */`, `<!-- -->`), which a
    translation may translate, and collapsing blanks. A code block the target leaves out is an
    error too; one the target adds is a warning.

    **Anti-pattern**
    source (en.md): Install the tool: / ```sh
        pip install aligncheck==0.1  # from PyPI
        ```
    target (ru.md): Установите инструмент: / ```sh
        pip install aligncheck==1.0  # из PyPI
        ```

    **Best practice**
    source (en.md): Install the tool: / ```sh
        pip install aligncheck==0.1  # from PyPI
        ```
    target (ru.md): Установите инструмент: / ```sh
        pip install aligncheck==0.1  # из PyPI
        ```
    """

    code = "MK02"
    name = "code-block-mismatch"
    category = "markup"
    severity = Severity.ERROR
    groups = ("all", "default", "markup")

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        for link in ctx.links:  # HTML blocks: their tags, not their words
            ours = [i for i in link.source if ctx.source.segments[i].kind == "html"]
            theirs = [i for i in link.target if ctx.target.segments[i].kind == "html"]
            for i, j in zip(ours, theirs):
                yield from self._compared(ctx, link, i, j, html_tags, "HTML")
        for at, link in enumerate(ctx.links):
            ours = [i for i in link.source if ctx.source.segments[i].kind == "code"]
            theirs = [i for i in link.target if ctx.target.segments[i].kind == "code"]
            for i, j in zip(ours, theirs):
                yield from self._compared(ctx, link, i, j, code_lines, "code")
            for i in ours[len(theirs) :]:
                text = ctx.source.segments[i].text
                yield self.finding(
                    ctx,
                    link,
                    "code block of the source is missing in the target",
                    source_text=text,
                    source_span=Span(i, 0, len(text)),
                    target_span=gap_span(ctx.target, ctx.links, at, "target")
                    if not link.target
                    else None,
                )
            for j in theirs[len(ours) :]:
                text = ctx.target.segments[j].text
                yield self.finding(
                    ctx,
                    link,
                    "code block of the target is not in the source",
                    target_text=text,
                    target_span=Span(j, 0, len(text)),
                    source_span=gap_span(ctx.source, ctx.links, at, "source")
                    if not link.source
                    else None,
                    severity=Severity.WARNING,
                )

    def _compared(
        self, ctx: PairContext, link: Link, i: int, j: int, pieces, what: str
    ) -> Iterable[Finding]:
        ours, theirs = ctx.source.segments[i].text, ctx.target.segments[j].text
        differs = first_difference(pieces(ours), pieces(theirs))
        if differs is None:
            return
        before, after = differs
        part = "tag" if what == "HTML" else "code line"
        if before and after:
            message = f"{what} changed in the target: {before.key!r} became {after.key!r}"
        elif before:
            message = f"{part} {before.key!r} is missing in the target"
        else:
            message = f"{part} {after.key!r} is not in the source"
        yield self.finding(
            ctx,
            link,
            message,
            source_text=ours[before.start : before.end] if before else None,
            target_text=theirs[after.start : after.end] if after else None,
            source_span=Span(i, before.start, before.end) if before else Span(i, 0, 0),
            target_span=Span(j, after.start, after.end) if after else Span(j, 0, 0),
        )
