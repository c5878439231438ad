from __future__ import annotations

from collections.abc import Iterable

from aligncheck.checks.base import PairContext, Rule
from aligncheck.checks.helpers import gap_span, quote, where
from aligncheck.model import Finding, Severity


class OM01(Rule):
    """A source segment has no counterpart in the translation (a 1-0 alignment link).

    **Anti-pattern**
    source: The bridge opened on Monday. / It cost forty million dollars. / Traffic fell by half.
    target: Мост открылся в понедельник. / Движение сократилось вдвое.

    **Best practice**
    source: The bridge opened on Monday. / It cost forty million dollars. / Traffic fell by half.
    target: Мост открылся в понедельник. / Он обошёлся в сорок миллионов долларов. / Движение сократилось вдвое.
    """

    code = "OM01"
    name = "segment-omitted"
    category = "omission"
    severity = Severity.ERROR
    groups = ("all", "default", "completeness")

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        unit = ctx.source.unit
        for at, link in enumerate(ctx.links):
            if link.source and not link.target:
                yield self.finding(
                    ctx,
                    link,
                    f"source {where(unit, link.source)} has no counterpart in the {ctx.lang} translation",
                    source_text=quote(ctx.source, link.source),
                    target_span=gap_span(ctx.target, ctx.links, at, "target"),
                )
