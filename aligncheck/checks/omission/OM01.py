from __future__ import annotations

from collections.abc import Iterable

from aligncheck.checks.base import PairContext, Rule
from aligncheck.checks.helpers import code_only, gap_span, quote, where
from aligncheck.model import Finding, Severity


class OM01(Rule):
    """A source segment has no counterpart in the translation (a 1-0 alignment link).

    **Anti-pattern**
    source: The bridge opened on Monday. / Traffic on the old road fell by half.
        / It cost forty million dollars. / Buses now cross the river every ten minutes.
    target: Мост открылся в понедельник. / Движение по старой дороге сократилось вдвое.
        / Автобусы теперь пересекают реку каждые десять минут.

    **Best practice**
    source: The bridge opened on Monday. / Traffic on the old road fell by half.
        / It cost forty million dollars. / Buses now cross the river every ten minutes.
    target: Мост открылся в понедельник. / Движение по старой дороге сократилось вдвое.
        / Он обошёлся в сорок миллионов долларов.
        / Автобусы теперь пересекают реку каждые десять минут.
    """

    code = "OM01"
    name = "segment-omitted"
    category = "omission"
    severity = Severity.ERROR
    groups = ("all", "default", "completeness")

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        unit = ctx.source.unit
        for at, link in enumerate(ctx.links):
            if link.source and not link.target and not code_only(ctx.source, link.source):
                yield self.finding(
                    ctx,
                    link,
                    f"source {where(unit, link.source)} has no counterpart "
                    f"in the {ctx.lang} translation",
                    source_text=quote(ctx.source, link.source),
                    target_span=gap_span(ctx.target, ctx.links, at, "target"),
                )
