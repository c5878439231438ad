"""Shared body of NA01/NA02: names of some kinds that the aligned target must render.

Whether a missing name is reported, and how loudly, follows the evidence:

- the other target versions of the release (when there are any): a name most of them leave
  out too is a translation choice (an expanded acronym, a translated show title), an info;
  one they render is a warning;
- the version itself: a name it never writes (lost in two places or more) is a choice, an
  info;
- an acronym the source paragraph spells out beside it (Global Environment Facility (GEF))
  is rendered by its expansion when the target simply has no bracket there: an info; an
  emptied or refilled bracket is a warning; so is an acronym whose capitalised expansion
  (Johnny English for JE) the target writes once more than the source;
- an acronym rendered by its expansion's words: the document spells it out (here or earlier)
  or it is a commonly translated one (CEO, LED, FBI), and the target writes a word of that
  expansion the source link does not (Parlamenti, светодиодными, Federal): an info, unless
  another acronym of the source is written in its place (WMP for MWP);
- a looser transliteration of the name (Merriweather = Мерриуэзер): an info;
- persons, brands, codes and acronyms are warnings; so is any name this version renders in
  most other places; a name the link names more often than the target renders it is
  missing once per missing rendering (acronyms counted with their capitalised expansions
  when a glossary renders them, persons by their surname);
- other capitalised word groups give an info (NA01).

The severity of a missing name is SEVERITY_TABLE, the first row that holds deciding:

    the other versions agree to leave it out ................................ choice
    this version never writes it ............................................ choice
    an acronym spelled out beside it (no emptied or refilled bracket) ....... choice
    an acronym whose capitalised expansion the target writes once more ...... choice
    an acronym rendered fewer times that the document spells out ............ choice
    a name rendered fewer times, spelled otherwise as often as named ........ choice
    a name spelled otherwise (looser transliteration) ....................... choice
    an acronym rendered by its expansion's words ............................ choice
    a person, brand, code or acronym, or rendered elsewhere in the version .... rule
    anything else ........................................................... unsure

choice: an info when the rule reports unsure names (NA01; NA02 for 3+ letters), else nothing;
rule: the rule's severity (warning); unsure: the rule's severity for unsure names (NA01: info,
or warning with name_untitled_as_warning; NA02: info for 3+ letters), else nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from aligncheck.checks.base import PairContext, ReleaseContext, Rule
from aligncheck.extract.name_match import (
    NAME_MATCH_CONFIG,
    VARIANT_THRESHOLD,
    bracket_replaced,
    capitalised_keys,
    closest,
    spelling_variant,
    surname_count,
)
from aligncheck.extract.name_renderings import (
    NameOutcome,
    expansion_instead,
    in_words,
    version_outcomes,
)
from aligncheck.extract.names import document_spells, spelled_out
from aligncheck.model import Finding, Severity

# Kinds reported as warnings whenever missing (unless the other versions leave them out too).
ALWAYS = ("person", "brand", "code", "acronym")


@dataclass(frozen=True)
class _Case:
    """What the severity of one missing name depends on."""

    ctx: PairContext
    o: NameOutcome
    elsewhere: bool  # this version renders the name in most other places
    systematic: bool  # this version never writes it (lost in two places or more)
    kept: int  # other versions that render it at this place
    dropped: int  # other versions that leave it out there too

    @property
    def acronym(self) -> bool:
        return self.o.mention.kind == "acronym"

    @property
    def lang(self) -> str:
        return self.ctx.source.lang

    def document_spells(self) -> bool:
        texts = tuple(s.text for s in self.ctx.source.segments)
        return document_spells(texts, self.o.mention.text)

    def variant_as_often(self) -> bool:
        rivals = capitalised_keys(self.o.source.text, self.lang)
        return (
            surname_count(self.o.mention.text, self.lang, self.o.target, VARIANT_THRESHOLD, rivals)
            >= self.o.counts[0]
        )


CHOICE, RULE, UNSURE = "choice", "rule", "unsure"  # outcomes, told in the module docstring

# (condition, outcome, reason), read in order: the first row that holds decides. The module
# docstring prints it (tests/test_names.py checks that it does).
SEVERITY_TABLE = (
    (
        lambda c: c.dropped and c.dropped >= c.kept,
        CHOICE,
        "the other versions agree to leave it out",
    ),
    (lambda c: c.systematic, CHOICE, "this version never writes it"),
    (
        lambda c: (
            c.acronym
            and spelled_out(c.o.source.text, c.o.mention)
            and not bracket_replaced(c.o.source.text, c.o.target.text)
        ),
        CHOICE,
        "an acronym spelled out beside it (no emptied or refilled bracket)",
    ),
    (
        lambda c: c.acronym and expansion_instead(c.ctx.source, c.o),
        CHOICE,
        "an acronym whose capitalised expansion the target writes once more",
    ),
    (
        lambda c: c.acronym and c.o.counts and c.document_spells(),
        CHOICE,
        "an acronym rendered fewer times that the document spells out",
    ),
    (
        lambda c: not c.acronym and c.o.counts and c.variant_as_often(),
        CHOICE,
        "a name rendered fewer times, spelled otherwise as often as named",
    ),
    (
        lambda c: (
            not c.acronym and not c.o.counts and spelling_variant(c.o.mention, c.lang, c.o.target)
        ),
        CHOICE,
        "a name spelled otherwise (looser transliteration)",
    ),
    (
        lambda c: c.acronym and in_words(c.ctx.source, c.o),
        CHOICE,
        "an acronym rendered by its expansion's words",
    ),
    (
        lambda c: c.o.mention.kind in ALWAYS or c.elsewhere,
        RULE,
        "a person, brand, code or acronym, or rendered elsewhere in the version",
    ),
    (lambda c: True, UNSURE, "anything else"),
)


class MissingNameRule(Rule):
    kinds: tuple[str, ...] = ()
    what = "name"
    category = "name"
    groups = ("all", "default", "names")
    scope = "release"
    config_keys = NAME_MATCH_CONFIG

    def hint_when_unsure(self, mention) -> bool:
        """Report (as info) a missing name of a checked-only-with-evidence kind anyway?"""
        return False

    def unsure_severity(self, ctx: PairContext) -> Severity:
        return Severity.INFO

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        """One target version alone: no other version to compare with."""
        return self._check([ctx])

    def check_release(self, ctx: ReleaseContext) -> Iterable[Finding]:
        return self._check(list(ctx.pairs))

    def _outcomes(self, ctx: PairContext) -> list[NameOutcome]:
        glossaries = ctx.resources.get("glossaries") or []
        threshold = float(self.opt(ctx, "name_match_threshold"))
        return version_outcomes(
            ctx.source, ctx.target, ctx.links, self.kinds, glossaries, threshold
        )

    def _check(self, pairs: Sequence[PairContext]) -> list[Finding]:
        outcomes = [self._outcomes(ctx) for ctx in pairs]
        by_place = []
        for found in outcomes:
            places: dict[tuple, bool] = {}
            for o in found:
                places[o.where] = places.get(o.where, False) or o.rendered
            by_place.append(places)
        findings = []
        for n, (ctx, found) in enumerate(zip(pairs, outcomes)):
            others = by_place[:n] + by_place[n + 1 :]
            findings += self._report(ctx, found, by_place[n], others)
        return sorted(findings, key=lambda f: f.sort_key())

    def _report(
        self,
        ctx: PairContext,
        found: list[NameOutcome],
        places: dict[tuple, bool],
        others: list[dict[tuple, bool]],
    ) -> list[Finding]:
        """One finding per name and source paragraph that no mention of it is rendered for."""
        rendered: dict[str, int] = {}
        lost: dict[str, int] = {}
        for where, ok in places.items():
            name = where[1]
            counter = rendered if ok else lost
            counter[name] = counter.get(name, 0) + 1
        findings = []
        done = set()
        for o in found:
            if places[o.where] or o.where in done:
                continue
            done.add(o.where)
            mention, source, target = o.mention, o.source, o.target
            name = o.where[1]
            elsewhere = rendered.get(name, 0) > lost[name] - 1
            # lost in two places or more, and (an acronym) in more places than it is kept
            systematic = lost[name] > 1 and (
                rendered.get(name, 0) == 0
                or (
                    mention.kind == "acronym"
                    and not o.counts
                    and lost[name] > rendered[name]
                    and document_spells(tuple(s.text for s in ctx.source.segments), mention.text)
                )
            )
            verdicts = [version.get(o.where, version.get(o.where[:2])) for version in others]
            verdicts = [v for v in verdicts if v is not None]
            kept, dropped = sum(verdicts), len(verdicts) - sum(verdicts)
            near = closest(mention, ctx.source.lang, target)
            severity = self._severity(ctx, o, elsewhere, systematic, kept, dropped)
            if severity is None:
                continue
            message = (
                f"{self.what} '{mention.text}' is not in the target"
                + (f" (closest: '{near}')" if near else "")
                + ("; this version renders it elsewhere" if elsewhere else "")
                + (
                    f"; {kept} of {kept + dropped} other versions render it"
                    if kept + dropped
                    else ""
                )
                + ("; the glossary lists its rendering" if o.match.status == "glossary" else "")
                + (
                    f" as often as the source names it "
                    f"({o.counts[0]} times, rendered {o.counts[1]})"
                    if o.counts
                    else ""
                )
            )
            findings.append(
                self.finding(
                    ctx,
                    o.link,
                    message,
                    source_text=mention.text,
                    target_text=near,
                    source_span=source.span(mention.start, mention.end),
                    severity=severity,
                )
            )
        return findings

    def _severity(
        self,
        ctx: PairContext,
        o: NameOutcome,
        elsewhere: bool,
        systematic: bool,
        kept: int,
        dropped: int,
    ) -> Severity | None:
        """The first row of SEVERITY_TABLE whose condition holds decides; None: no finding."""
        case = _Case(ctx, o, elsewhere, systematic, kept, dropped)
        unsure = self.unsure_severity(ctx) if self.hint_when_unsure(o.mention) else None
        for condition, outcome, _ in SEVERITY_TABLE:
            if condition(case):
                if outcome == CHOICE:
                    return unsure and Severity.INFO
                return self.severity if outcome == RULE else unsure
        raise AssertionError("the last row of SEVERITY_TABLE always holds")
