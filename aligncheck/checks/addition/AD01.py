from __future__ import annotations

from collections.abc import Iterable

from aligncheck.checks.base import PairContext, Rule
from aligncheck.checks.helpers import code_only, gap_span, quote, where
from aligncheck.model import Finding, Severity


class AD01(Rule):
    """A translated segment has no counterpart in the source (a 0-1 alignment link).

    **Anti-pattern**
    source: The bridge opened on Monday. / Traffic on the old road fell by half.
        / Buses now cross the river every ten minutes.
    target: Мост открылся в понедельник. / Движение по старой дороге сократилось вдвое.
        / Мэр назвал его лучшим мостом страны.
        / Автобусы теперь пересекают реку каждые десять минут.

    **Best practice**
    source: The bridge opened on Monday. / Traffic on the old road fell by half.
        / Buses now cross the river every ten minutes.
    target: Мост открылся в понедельник. / Движение по старой дороге сократилось вдвое.
        / Автобусы теперь пересекают реку каждые десять минут.
    """

    code = "AD01"
    name = "segment-added"
    category = "addition"
    severity = Severity.WARNING
    groups = ("all", "default", "completeness")

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        unit = ctx.target.unit
        for at, link in enumerate(ctx.links):
            if link.target and not link.source and not code_only(ctx.target, link.target):
                yield self.finding(
                    ctx,
                    link,
                    f"{ctx.lang} {where(unit, link.target)} has no counterpart in the source",
                    target_text=quote(ctx.target, link.target),
                    source_span=gap_span(ctx.source, ctx.links, at, "source"),
                )
