from __future__ import annotations

from collections.abc import Iterable

from aligncheck.checks.base import PairContext, Rule
from aligncheck.checks.helpers import code_only, quote
from aligncheck.model import Finding, Link, Severity


class AL01(Rule):
    """Aligned source and target segments are implausibly dissimilar (low alignment score).

    A score is measured against the rest of the document, so a short text rarely scores low:
    the example needs a dozen paragraphs to show one that translates something else.

    **Anti-pattern**
    source: The bridge opened on Monday. / Traffic fell by half. / Buses run every ten minutes.
        / Cyclists have a lane. / The toll goes next spring. / The river is cleaner.
        / A museum will open. / Lights were added in May. / Shops report more customers.
        / Engineers check the piers yearly. / The old ferry has stopped.
        / Schools held a parade. / Tourists come at weekends. / A park is planned.
    target: Мост открылся в понедельник. / Движение сократилось вдвое. / В горах выпал снег.
        / У велосипедистов есть полоса. / Плату отменят весной. / Река стала чище.
        / Откроется музей. / Подсветку добавили в мае. / Магазины сообщают о росте покупателей.
        / Инженеры ежегодно проверяют опоры. / Старый паром больше не ходит.
        / Школы провели парад. / Туристы приезжают по выходным. / Планируется парк.

    **Best practice**
    source: The bridge opened on Monday. / Traffic fell by half. / Buses run every ten minutes.
        / Cyclists have a lane. / The toll goes next spring. / The river is cleaner.
        / A museum will open. / Lights were added in May. / Shops report more customers.
        / Engineers check the piers yearly. / The old ferry has stopped.
        / Schools held a parade. / Tourists come at weekends. / A park is planned.
    target: Мост открылся в понедельник. / Движение сократилось вдвое.
        / Автобусы ходят каждые десять минут. / У велосипедистов есть полоса.
        / Плату отменят весной. / Река стала чище. / Откроется музей.
        / Подсветку добавили в мае. / Магазины сообщают о росте покупателей.
        / Инженеры ежегодно проверяют опоры. / Старый паром больше не ходит.
        / Школы провели парад. / Туристы приезжают по выходным. / Планируется парк.
    """

    code = "AL01"
    name = "alignment-low-score"
    category = "alignment"
    severity = Severity.WARNING
    groups = ("all", "default")
    config_keys = {
        # NTREX-dev + seed, e5: 0.1% of correct 1-1 links score below 0.15,
        # 86% of unrelated pairs do
        "alignment_score_floor": (
            0.15,
            "links scoring below this (0-1, centred cosine) are reported",
        ),
    }

    def check_link(self, ctx: PairContext, link: Link) -> Iterable[Finding]:
        floor = float(self.opt(ctx, "alignment_score_floor"))
        if (
            link.source
            and link.target
            and link.score < floor
            and not (code_only(ctx.source, link.source) and code_only(ctx.target, link.target))
        ):
            yield self.finding(
                ctx,
                link,
                f"alignment score {link.score:.2f} is below {floor:.2f}: "
                f"the {ctx.lang} text may not translate this source",
                source_text=quote(ctx.source, link.source),
                target_text=quote(ctx.target, link.target),
            )
