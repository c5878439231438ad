from __future__ import annotations

from collections.abc import Sequence

from aligncheck.align.words import link_alignment
from aligncheck.checks.base import PairContext, VersionsRule
from aligncheck.checks.name.evidence import (
    SAID_OTHERWISE,
    closer_without,
    last_key,
    loosely_inflected,
)
from aligncheck.extract.added_names import (
    NEIGHBOURS,
    AddedName,
    Around,
    LeftOut,
    added_names,
    left_out,
    side,
)
from aligncheck.extract.name_match import evidence_for
from aligncheck.glossary.find import LinkText
from aligncheck.model import Finding, Severity


class NA03(VersionsRule):
    """A name in the target stands where the source has another: a changed name.

    A name of the target (a person, place, organisation or brand) is *added* when no word of
    the source around its place (its link and the links beside it) and no word the other
    versions write for that source text spells it, through transliteration and inflection
    (Lindqvist = Линдквистом), and CLDR names no concept of it there (Germany = Германия =
    Almanya). It is reported when it stands in place of a source name of its link that this
    version writes less often than the source while more than half of the other versions
    write it (or, a CLDR name, whose concept the target does not name): the name its words
    are aligned to (or, neither aligned, the nearest), not a looser spelling of it (Qlazqo
    for Glasgow), whose sentence comes closer to the target without it while the target
    sentence comes closer to the source without the added name (by more than a tenth of the
    move: the sentence embeddings see two different names, not Mücadelesi for Challenge).
    Nothing when the version writes the added name in other places too (its own name for
    something).

    A warning when both are CLDR names (Berlin as Париже): a changed place, on field data.
    Otherwise an info: on news text, translated names (Тұнық for Pacific, Еуроодақтан for
    Brexit) passed these tests as often as planted surnames did. A name added alone (no name
    left out) is not reported: nearly all such words were translated title words (Savunma,
    Müqəddəs) that no dictionary here tells from names.

    **Anti-pattern**
    source: The minister of culture met her colleague in Berlin on Monday to discuss the plan.
    target: Министр культуры встретилась с коллегой в Париже в понедельник, чтобы обсудить план.

    **Best practice**
    source: The minister of culture met her colleague in Berlin on Monday to discuss the plan.
    target: Министр культуры встретилась с коллегой в Берлине в понедельник, чтобы обсудить план.
    """

    code = "NA03"
    name = "name-added"
    category = "name"
    groups = ("all", "default", "names")

    def check_versions(self, pairs: Sequence[PairContext]) -> list[Finding]:
        findings = []
        for n, ctx in enumerate(pairs):
            others = [p for m, p in enumerate(pairs) if m != n]
            findings += self._version(ctx, others)
        return sorted(findings, key=lambda f: f.sort_key())

    def _version(self, ctx: PairContext, others: list[PairContext]) -> list[Finding]:
        links = ctx.links

        def remembered(seg, indices):
            key = ("NA03 side", seg.path, seg.lang, tuple(indices))
            return ctx.remember(key, lambda: side(seg, indices))

        # each other version: source segment -> the target segments linked to it
        linked = [
            (other, {s: link.target for link in other.links for s in link.source})
            for other in others
        ]

        def around(i: int) -> Around:
            near = links[max(0, i - NEIGHBOURS) : i + NEIGHBOURS + 1]
            wanted = {s for link in near for s in link.source}
            theirs = []
            for other, targets in linked:
                indices = sorted({t for s in wanted for t in targets.get(s, ())})
                if indices:
                    theirs.append(remembered(other.target, indices))
            return Around(
                remembered(ctx.source, sorted(wanted)),
                remembered(ctx.target, sorted(links[i].target)),
                tuple(theirs),
            )

        evidence = evidence_for([s.prose for s in ctx.source.segments], ctx.source.lang)
        index = {link: i for i, link in enumerate(links)}
        missing: dict[int, list[LeftOut]] = {}

        def left_out_at(i: int) -> list[LeftOut]:
            """The source names link i leaves out, asked once: no added name is sought in a
            link that leaves none out (it could stand in place of nothing)."""
            if i not in missing:
                source = LinkText(ctx.source, links[i].source)
                missing[i] = []
                if source.indices:
                    missing[i] = left_out(source, around(i), evidence)
            return missing[i]

        findings = []
        for added in added_names(ctx.target, links, around, lambda i: bool(left_out_at(i))):
            i = index[added.link]
            source = LinkText(ctx.source, added.link.source)
            instead = None if added.repeated else _in_place_of(ctx, added, source, missing[i])
            if instead:
                findings.append(self._finding(ctx, added, source, instead))
        return findings

    def _finding(
        self, ctx: PairContext, added: AddedName, source: LinkText, lost: LeftOut
    ) -> Finding:
        mention, theirs = added.mention, lost.mention
        message = (
            f"name '{mention.text}' stands where the source has '{theirs.text}'"
            + (
                f", which {lost.kept_by} of {lost.compared} other versions write"
                if lost.compared
                else ""
            )
            + (
                f"; neither the source nor the other versions name '{mention.text}' there"
                if added.compared
                else f"; the source does not name '{mention.text}' there"
            )
        )
        return self.finding(
            ctx,
            added.link,
            message,
            source_text=theirs.text,
            target_text=mention.text,
            source_span=source.span(theirs.start, theirs.end),
            target_span=added.target.span(mention.start, mention.end),
            severity=Severity.WARNING if lost.cldr and added.cldr else Severity.INFO,
        )


def _in_place_of(
    ctx: PairContext, added: AddedName, source: LinkText, missing: list[LeftOut]
) -> LeftOut | None:
    """The left-out source name the added one stands in place of and changes (`_changed`):
    one its words are aligned to, or, where none of them is aligned, the nearest to its place
    of those with no word aligned."""
    mention = added.mention
    alignment = link_alignment(ctx, source.text, added.target.text) or []
    aligned = [s for s, t in alignment if _overlap(t, (mention.start, mention.end))]
    if aligned:
        candidates = [
            lost
            for lost in missing
            if any(_overlap(s, (lost.mention.start, lost.mention.end)) for s in aligned)
        ]
    else:
        share = mention.start / max(1, len(added.target.text))
        candidates = sorted(
            (
                lost
                for lost in missing
                if not any(
                    _overlap(s, (lost.mention.start, lost.mention.end)) for s, _ in alignment
                )
            ),
            key=lambda lost: abs(lost.mention.start / max(1, len(source.text)) - share),
        )
    return next((lost for lost in candidates if _changed(ctx, added, source, lost)), None)


def _changed(ctx: PairContext, added: AddedName, source: LinkText, lost: LeftOut) -> bool:
    """Is the added name another name, not the version's way of writing the lost one? Not when
    it spells it loosely (Puiq, Qlazqo for Glasgow), nor when either sentence without its name
    comes no closer to the other side (by more than SAID_OTHERWISE of what leaving it out
    moves it): the target says the lost name in words of its own (Mücadelesi for
    Challenge), or the source holds what the added one says. Two CLDR names of different
    concepts need no such test: CLDR says they differ, where the embeddings find Berlin and
    Paris alike."""
    lang, target = ctx.lang, added.target.text
    a, b = last_key(lost.mention.text, ctx.source.lang), last_key(added.mention.text, lang)
    if a and b and loosely_inflected(a, b):
        return False
    if lost.cldr and added.cldr:
        return True
    lacks = closer_without(ctx, source.text, ctx.source.lang, lost.mention, target, lang)
    if lacks is None or lacks <= SAID_OTHERWISE:
        return lacks is None
    foreign = closer_without(ctx, target, lang, added.mention, source.text, ctx.source.lang)
    return foreign is not None and foreign > SAID_OTHERWISE


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
