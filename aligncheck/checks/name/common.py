"""Shared body of NA01/NA02: names of some kinds that the aligned target must render.

Whether a missing name is reported, and how loudly, follows the evidence:

- the other target versions of the release (when there are any), the first signal: a name
  most of them leave out too is a translation choice (an expanded acronym, a translated show
  title), an info; one they render (more of them than leave it out; as many, for people) is
  a warning, whatever its kind, and so is a person's name (or an untitled full name) that
  any one of them renders, unless word alignment shows this version translating or
  respelling it, or this version writes a word like their rendering (Уэйдті where ru writes
  Уэйд); a single word counts as rendered by them only when written as a name, with a
  capital (Republicans as республиканцы is a translation, no evidence); a person's name
  is not left out by agreement where this version writes another name in its place
  (beside its aligned words or, none aligned, between the words its neighbours are aligned
  to: 'агенттіктің өкілі Трамп' for 'agency spokesman Sutopo Purwo Nugroho'); as many
  versions rendering it as leaving it out is a doubtful tie, an agreement to leave it out
  unless it is a person, or a name (no acronym) whose source sentence comes closer to the
  target without it (by half of what that moves the source sentence: the target lacks it);
- the other versions again, for which words are names: a single word the source document
  capitalises only at the start of a sentence is a name where most versions (two or more)
  write it as a capitalised transliteration that no other source word of the link spells as
  well (`evidence_across`: Europe, Trump in a document that writes them nowhere else);
- CLDR (countries, languages, currencies, cities, via Babel): a CLDR name is rendered by
  the target language's CLDR names (Germany = Германии = Almaniýada), and one left out is
  a warning even with no other version to compare with;
- word alignment (the model's token vectors, align/words.py): where the name's words are
  aligned to capitalised words that do not render it, the finding says what the target
  wrote instead ("rendered as 'Линдквистом'"); words in lower case there (Ocean as мұхиты;
  not words scattered over a clause, longer than twice the name;
  unless a capitalised word that spells nothing of the source stands beside them, for other
  than CLDR names, whose adjectives are lower case: индонезийского), a
  looser transliteration there (Ohio as Огайо) or one word of a capitalised run aligned to
  a target word (West of West Virginia as Батыс) are the version's way of writing it, unless
  two or more other versions, most of them, render that word and the target writes a
  capitalised word there (Tlatelolco of Tlatelolco Plaza as 'площади Кальзадилья');
- the versions in the same non-Latin script (ru and kk): a single place or group word
  (not a CLDR name, no other name beside its aligned words) that they all leave out too is
  their choice, however the Latin-script versions copy it (Silicon Valley as Кремниевая
  долина and Кремний алқабы, kept as Silicon in tk and tr);
- the sentence embeddings: where no word is aligned to a place or group word the other
  versions render, its source sentence without it is compared with the most similar target
  sentence; if leaving it out brings the two no closer (by at most a tenth of what it moves
  the source sentence), the target says it in words of its own (Robot Mücadelesi, Кубок
  шотландской лиги), a doubt: an info, not a warning;
- CLDR's time zones: a city (Madrid) the target names by its country, more often than the
  source link names it (Испании), is the capital standing for the state: a choice;
- the version itself: a name it never writes (lost in two places or more; a single place
  word: lost in more places than written, Caspian as Xəzər) is a choice, an info; so is one
  word of a capitalised run whose other words it renders (Pacific Ocean as Тынық мұхит);
- single capitalised words (places, organisations: kind `proper`) are checked on that
  evidence alone, and only when name-like: two letters or more, no month or weekday (CLDR's,
  left to the date rules), not a word the source document also writes in lower case;
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

    others leave it out (most; people, rare: all; doubtful tie, no CLDR); no name in place .. choice
    this version never writes it .......................................... choice
    a place or group word the others in its script leave out (rare: all others) .. choice
    an acronym spelled out beside it (no emptied or refilled bracket) ..... choice
    an acronym whose capitalised expansion the target writes once more .... choice
    an acronym rendered fewer times that the document spells out .......... choice
    a name rendered fewer times, spelled otherwise as often as named ...... choice
    a name spelled otherwise (looser transliteration) ..................... choice
    an acronym rendered by its expansion's words .......................... choice
    one word of a capitalised run whose other words this version renders ... choice
    a word like the other versions' rendering of it is there .............. choice
    another version writes what this one writes where it is aligned ....... choice
    the words most like it (a looser transliteration, no other name) are aligned to it ... choice
    a run's word aligned to a target word, no other name most (2+) versions contradict ... choice
    a looser transliteration of it is where its words are aligned ......... choice
    its words are aligned to words in lower case (none unlisted), no name beside .. choice
    a city named by its country (a metonym) ............................... choice
    its sentence without it is no closer to the target (said otherwise; not rare) .. doubt
    another version renders it (and the first row does not hold) .......... rule
    a CLDR name (country, language, currency, city, region) ................. rule
    a person, brand, code or acronym, or rendered elsewhere in the version ... rule
    anything else ......................................................... unsure

choice: an info when the rule reports unsure names (NA01; NA02 for 3+ letters), else nothing
(nothing for a single place or group word, checked on evidence only); doubt: the same,
single words included (the evidence says it is missing, its sentence says otherwise); rule:
the rule's severity (warning); unsure: the rule's severity for unsure names (NA01: info, or
warning with name_untitled_as_warning; NA02: info for 3+ letters), else nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from aligncheck.checks.base import PairContext, VersionsRule
from aligncheck.checks.name.evidence import (
    ALWAYS,
    EVIDENCE_ONLY,
    Case,
    as_name,
    run_rendered,
    whole_name,
)
from aligncheck.extract.name_match import (
    NAME_MATCH_CONFIG,
    NameMatch,
    bracket_replaced,
    evidence_across,
    spelling_variant,
)
from aligncheck.extract.name_renderings import (
    NameOutcome,
    expansion_instead,
    in_words,
    version_outcomes,
)
from aligncheck.extract.names import NameEvidence, document_spells, spelled_out
from aligncheck.lang.profiles import script
from aligncheck.model import Finding, Severity

CHOICE, DOUBT, RULE, UNSURE = "choice", "doubt", "rule", "unsure"  # told in the module docstring

# (condition, outcome, reason), read in order: the first row that holds decides. The module
# docstring prints it (tests/test_names.py checks that it does).
SEVERITY_TABLE = (
    (
        lambda c: (
            c.dropped
            and (
                c.dropped > c.kept
                and not (c.kept and c.spelled_not_translated)
                or c.dropped == c.kept
                and not (c.personal or c.cldr)
                and not (not c.acronym and c.lacks())
            )
            and not (c.personal and (c.instead() or c.stranger(in_gap=True)))
        ),
        CHOICE,
        "others leave it out (most; people, rare: all; doubtful tie, no CLDR); no name in place",
    ),
    (lambda c: c.systematic, CHOICE, "this version never writes it"),
    (
        lambda c: (
            c.kin_leave
            and c.o.mention.kind in EVIDENCE_ONLY
            and not c.cldr
            and not c.stranger()
            and not (c.kept and c.spelled_not_translated)
        ),
        CHOICE,
        "a place or group word the others in its script leave out (rare: all others)",
    ),
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
            not c.acronym
            and not c.o.counts
            and spelling_variant(c.o.mention, c.lang, c.o.target, c.taken)
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
        lambda c: c.o.mention.kind not in ALWAYS and c.in_run,
        CHOICE,
        "one word of a capitalised run whose other words this version renders",
    ),
    (
        lambda c: c.spelled_as_others(),
        CHOICE,
        "a word like the other versions' rendering of it is there",
    ),
    (
        lambda c: c.agrees_with_others(),
        CHOICE,
        "another version writes what this one writes where it is aligned",
    ),
    (
        lambda c: c.aligned_closest(),
        CHOICE,
        "the words most like it (a looser transliteration, no other name) are aligned to it",
    ),
    (
        lambda c: (
            c.piece and c.aligned and not (c.kept >= 2 and c.kept > c.dropped and c.instead())
        ),
        CHOICE,
        "a run's word aligned to a target word, no other name most (2+) versions contradict",
    ),
    (
        lambda c: c.aligned_variant(),
        CHOICE,
        "a looser transliteration of it is where its words are aligned",
    ),
    (
        lambda c: (
            c.o.mention.kind not in ALWAYS
            and c.translated()
            and (c.cldr or not c.stranger())
            and not c.unlisted
        ),
        CHOICE,
        "its words are aligned to words in lower case (none unlisted), no name beside",
    ),
    (lambda c: c.city_as_country(), CHOICE, "a city named by its country (a metonym)"),
    (
        lambda c: (
            c.o.mention.kind not in ("person", "name")
            and c.aligned == ""
            and not c.stranger(in_gap=True)
            and not c.rare
            and c.said_otherwise()
        ),
        DOUBT,
        "its sentence without it is no closer to the target (said otherwise; not rare)",
    ),
    (
        lambda c: c.kept > 0,
        RULE,
        "another version renders it (and the first row does not hold)",
    ),
    (lambda c: c.cldr, RULE, "a CLDR name (country, language, currency, city, region)"),
    (
        lambda c: (
            c.o.mention.kind in ALWAYS or (c.elsewhere and c.o.mention.kind not in EVIDENCE_ONLY)
        ),
        RULE,
        "a person, brand, code or acronym, or rendered elsewhere in the version",
    ),
    (lambda c: True, UNSURE, "anything else"),
)


class MissingNameRule(VersionsRule):
    kinds: tuple[str, ...] = ()
    what = "name"
    category = "name"
    groups = ("all", "default", "names")
    config_keys = NAME_MATCH_CONFIG

    def hint_when_unsure(self, mention) -> bool:
        """Report (as info) a missing name of a checked-only-with-evidence kind anyway?"""
        return False

    def unsure_severity(self, ctx: PairContext) -> Severity:
        return Severity.INFO

    def _outcomes(self, ctx: PairContext, evidence: NameEvidence) -> list[NameOutcome]:
        glossaries = ctx.resources.get("glossaries") or []
        threshold = float(self.opt(ctx, "name_match_threshold"))
        found = version_outcomes(
            ctx.source, ctx.target, ctx.links, self.kinds, glossaries, threshold, evidence
        )
        kept = [o for o in found if o.mention.kind not in EVIDENCE_ONLY or whole_name(o, evidence)]
        for o in kept:
            if o.match.how == "transliteration" and not as_name(o):
                o.match = NameMatch(o.mention, "missing")  # Turkey is not türk (Turkish)
        return kept

    def check_versions(self, pairs: Sequence[PairContext]) -> list[Finding]:
        threshold = float(self.opt(pairs[0], "name_match_threshold"))
        evidence = evidence_across(pairs, threshold)
        outcomes = [self._outcomes(ctx, evidence) for ctx in pairs]
        by_place = []
        spellings: list[dict[tuple, list[tuple[str, str]]]] = []
        for found in outcomes:
            places: dict[tuple, bool] = {}
            spelled: dict[tuple, list[tuple[str, str]]] = {}
            for o in found:
                places[o.where] = places.get(o.where, False) or as_name(o)
                if o.rendered and o.match.start >= 0:
                    text = o.target.text[o.match.start : o.match.end]
                    spelled.setdefault(o.where[:2], []).append((text, o.target.lang))
            by_place.append(places)
            spellings.append(spelled)
        unrendered = [
            {o.where: o for o in reversed(found) if not places[o.where]}
            for found, places in zip(outcomes, by_place)
        ]
        written: dict[tuple, tuple[str, str] | None] = {}

        def instead(m: int, where: tuple) -> tuple[str, str] | None:
            """What version m writes where the name's words are aligned, if it does not
            render the name there."""
            if (m, where) not in written:
                o = unrendered[m].get(where)
                text = Case(pairs[m], o, False, False, 0, 0).instead() if o else None
                written[m, where] = (text, o.target.lang) if text else None
            return written[m, where]

        scripts = [script(ctx.target.lang) or "Latn" for ctx in pairs]
        findings = []
        for n, (ctx, found) in enumerate(zip(pairs, outcomes)):
            others = by_place[:n] + by_place[n + 1 :]
            theirs = spellings[:n] + spellings[n + 1 :]
            asks = tuple(partial(instead, m) for m in range(len(pairs)) if m != n)
            kin = [
                by_place[m]
                for m in range(len(pairs))
                if m != n and scripts[m] == scripts[n] != "Latn"
            ]
            findings += self._report(ctx, found, by_place[n], others, theirs, asks, kin)
        return sorted(findings, key=lambda f: f.sort_key())

    def _report(
        self,
        ctx: PairContext,
        found: list[NameOutcome],
        places: dict[tuple, bool],
        others: list[dict[tuple, bool]],
        theirs: list[dict[tuple, list[tuple[str, str]]]],
        asks: tuple = (),
        kin: list[dict[tuple, bool]] | None = None,
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
        in_runs = run_rendered(found)
        rendered_spans: dict = {}  # per link: the target spans rendering its names
        for x in found:
            if x.rendered and x.match.start >= 0:
                rendered_spans[x.link] = (
                    *rendered_spans.get(x.link, ()),
                    (x.match.start, x.match.end),
                )
        for o in found:
            if o.rendered or places[o.where] or o.where in done:
                continue
            done.add(o.where)
            mention, source = o.mention, o.source
            name = o.where[1]
            elsewhere = rendered.get(name, 0) > lost[name] - 1
            # lost in two places or more, and (an acronym) in more places than it is kept
            systematic = lost[name] > 1 and (
                rendered.get(name, 0) == 0
                # a place or group name mostly written otherwise: a translated name (Caspian
                # as Xəzər), kept where it is part of another name
                or (mention.kind in EVIDENCE_ONLY and lost[name] > rendered[name])
                or (
                    mention.kind == "acronym"
                    and not o.counts
                    and lost[name] > rendered[name]
                    and document_spells(tuple(s.prose for s in ctx.source.segments), mention.text)
                )
            )
            verdicts = [version.get(o.where, version.get(o.where[:2])) for version in others]
            verdicts = [v for v in verdicts if v is not None]
            kept, dropped = sum(verdicts), len(verdicts) - sum(verdicts)
            kin_verdicts = [
                v
                for version in kin or ()
                if (v := version.get(o.where, version.get(o.where[:2]))) is not None
            ]
            kin_leave = bool(kin_verdicts) and not any(kin_verdicts)
            in_run = (o.link.source, o.mention.start) in in_runs
            spelled = tuple(t for version in theirs for t in version.get(o.where[:2], ()))
            taken = rendered_spans.get(o.link, ())
            case = Case(
                ctx,
                o,
                elsewhere,
                systematic,
                kept,
                dropped,
                in_run,
                spelled,
                taken,
                asks,
                kin_leave,
            )
            severity = self._severity(case)
            if severity is None:
                continue
            near = case.closest
            instead = None
            if severity != Severity.INFO:
                if not case.aligned_to_other():  # not another mention's rendering
                    instead = case.instead() or (case.stranger() if case.translated() else None)
                    changed = instead and case.closest_changed
                    if changed and instead in changed:
                        instead = changed  # 'Dennis Lee', not only the kept 'Dennis'
            run = case.run
            message = (
                f"{self.what} '{mention.text}'"
                + (f" (of '{run}')" if run else "")
                + " is not in the target"
                + (f": it is rendered as '{instead}'" if instead else "")
                + (f" (closest: '{near}')" if near and not instead else "")
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
                    target_text=instead or near,
                    source_span=source.span(mention.start, mention.end),
                    severity=severity,
                )
            )
        return findings

    def _severity(self, case: Case) -> Severity | None:
        """The first row of SEVERITY_TABLE whose condition holds decides; None: no finding."""
        ctx, o = case.ctx, case.o
        unsure = self.unsure_severity(ctx) if self.hint_when_unsure(o.mention) else None
        for condition, outcome, _ in SEVERITY_TABLE:
            if condition(case):
                if o.mention.kind in EVIDENCE_ONLY and outcome not in (RULE, DOUBT):
                    return None
                if outcome in (CHOICE, DOUBT):
                    return unsure and Severity.INFO
                return self.severity if outcome == RULE else unsure
        raise AssertionError("the last row of SEVERITY_TABLE always holds")
