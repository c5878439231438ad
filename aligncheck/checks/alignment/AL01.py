from __future__ import annotations

from collections.abc import Iterable

from aligncheck.checks.base import PairContext, Rule
from aligncheck.checks.helpers import code_only, quote
from aligncheck.model import Finding, Link, Severity


class AL01(Rule):
    """Aligned source and target segments are implausibly dissimilar (low alignment score).

    A score is measured against the rest of the document, so a short text rarely scores low:
    the example needs eight paragraphs to show one that translates something else. A link
    with a side shorter than `alignment_min_chars` is not judged: a heading scores low
    however faithful.

    **Anti-pattern**
    source: The new bridge over the river opened to cars and buses early on Monday morning.
        / Traffic on the old road through the town centre fell by half in the first week.
        / Buses now cross the river every ten minutes during the day and every half hour at night.
        / Cyclists have their own lane on the bridge, separated from the cars by a low wall.
        / The toll for lorries will be dropped next spring, once the loans have been repaid.
        / Engineers say the river is cleaner since the old ferry stopped running last year.
        / A small museum about the history of the crossing will open beside the east ramp.
        / Lights were added along the whole length of the bridge in May, after complaints.
    target: Новый мост через реку открылся для машин и автобусов рано утром в понедельник.
        / Движение по старой дороге через центр города сократилось вдвое в первую же неделю.
        / В горах на севере страны ночью выпал первый снег, и дорогу через перевал закрыли до весны.
        / У велосипедистов есть своя полоса на мосту, отделённая от машин невысокой стенкой.
        / Плату для грузовиков отменят следующей весной, когда будут погашены кредиты.
        / Инженеры говорят, что река стала чище с тех пор, как в прошлом году перестал ходить паром.
        / Рядом с восточным съездом откроется небольшой музей об истории этой переправы.
        / В мае по всей длине моста после жалоб жителей установили новые фонари.

    **Best practice**
    source: The new bridge over the river opened to cars and buses early on Monday morning.
        / Traffic on the old road through the town centre fell by half in the first week.
        / Buses now cross the river every ten minutes during the day and every half hour at night.
        / Cyclists have their own lane on the bridge, separated from the cars by a low wall.
        / The toll for lorries will be dropped next spring, once the loans have been repaid.
        / Engineers say the river is cleaner since the old ferry stopped running last year.
        / A small museum about the history of the crossing will open beside the east ramp.
        / Lights were added along the whole length of the bridge in May, after complaints.
    target: Новый мост через реку открылся для машин и автобусов рано утром в понедельник.
        / Движение по старой дороге через центр города сократилось вдвое в первую же неделю.
        / Автобусы теперь пересекают реку каждые десять минут днём и каждые полчаса ночью.
        / У велосипедистов есть своя полоса на мосту, отделённая от машин невысокой стенкой.
        / Плату для грузовиков отменят следующей весной, когда будут погашены кредиты.
        / Инженеры говорят, что река стала чище с тех пор, как в прошлом году перестал ходить паром.
        / Рядом с восточным съездом откроется небольшой музей об истории этой переправы.
        / В мае по всей длине моста после жалоб жителей установили новые фонари.
    """

    code = "AL01"
    name = "alignment-low-score"
    category = "alignment"
    severity = Severity.WARNING
    groups = ("all", "default")
    config_keys = {
        # tuning half of NTREX-dev, one document at a time, a paragraph of another document
        # swapped into each: no correct 1-1 link of 80+ characters scores below 0.10 (the
        # lowest 0.12), 61% of the swapped-in paragraphs do (0.15 and 63% before documents
        # were centred less: features.CENTRE_SHRINK)
        "alignment_score_floor": (
            0.10,
            "links scoring below this (0-1, centred cosine) are reported",
        ),
        # tuning half of NTREX-dev, one document at a time: correct links under 80 characters
        # score down to 0.08, longer ones no lower than 0.19
        "alignment_min_chars": (
            80,
            "prose characters the shorter side of a link needs before its score is judged "
            "(a short heading or dateline scores low however faithful)",
        ),
    }

    def check_link(self, ctx: PairContext, link: Link) -> Iterable[Finding]:
        floor = float(self.opt(ctx, "alignment_score_floor"))
        shortest = int(self.opt(ctx, "alignment_min_chars"))
        if (
            link.source
            and link.target
            and link.score < floor
            and not (code_only(ctx.source, link.source) and code_only(ctx.target, link.target))
            and min(_chars(ctx.source, link.source), _chars(ctx.target, link.target)) >= shortest
        ):
            yield self.finding(
                ctx,
                link,
                f"alignment score {link.score:.2f} is below {floor:.2f}: "
                f"the {ctx.lang} text may not translate this source",
                source_text=quote(ctx.source, link.source),
                target_text=quote(ctx.target, link.target),
            )


def _chars(seg, indices) -> int:
    return len(" ".join(seg.prose(indices).split()))
