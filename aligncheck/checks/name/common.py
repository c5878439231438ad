"""Shared body of NA01/NA02: names of some kinds that the aligned target must render.

Whether a missing name is reported, and how loudly, follows the evidence:

- the other target versions of the release (when there are any), the first signal: a name
  most of them leave out too is a translation choice (an expanded acronym, a translated show
  title), an info; one they render (more of them than leave it out; as many, for people) is
  a warning, whatever its kind, unless word alignment shows this version translating or
  respelling it, or this version writes a word like their rendering (Уэйдті where ru writes
  Уэйд); a single word counts as rendered by them only when written as a name, with a
  capital (Republicans as республиканцы is a translation, no evidence);
- CLDR (countries, languages, currencies, cities, via Babel): a CLDR name is rendered by
  the target language's CLDR names (Germany = Германии = Almaniýada), and one left out is
  a warning even with no other version to compare with;
- word alignment (the model's token vectors, align/words.py): where the name's words are
  aligned to capitalised words that do not render it, the finding says what the target
  wrote instead ("rendered as 'Линдквистом'"); words in lower case there (Ocean as мұхиты), a
  looser transliteration there (Ohio as Огайо) or one word of a capitalised run aligned to
  a target word (West of West Virginia as Батыс) are the version's way of writing it;
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

    the other versions agree to leave it out (half of them, for other than people) ... choice
    this version never writes it .......................................... choice
    an acronym spelled out beside it (no emptied or refilled bracket) ..... choice
    an acronym whose capitalised expansion the target writes once more .... choice
    an acronym rendered fewer times that the document spells out .......... choice
    a name rendered fewer times, spelled otherwise as often as named ...... choice
    a name spelled otherwise (looser transliteration) ..................... choice
    an acronym rendered by its expansion's words .......................... choice
    one word of a capitalised run whose other words this version renders ... choice
    a word like the other versions' rendering of it is there .............. choice
    another version writes what this one writes where it is aligned ....... choice
    the words most like it (a looser transliteration) are aligned to it ... choice
    one word of a capitalised run (a translated name), aligned to a target word ... choice
    a looser transliteration of it is where its words are aligned ......... choice
    its words are aligned to words in lower case: translated .............. choice
    the other versions render it (more than leave it out; as many, for people) ... rule
    a CLDR name (country, language, currency, city) ......................... rule
    a person, brand, code or acronym, or rendered elsewhere in the version ... rule
    anything else ......................................................... unsure

choice: an info when the rule reports unsure names (NA01; NA02 for 3+ letters), else nothing;
rule: the rule's severity (warning); unsure: the rule's severity for unsure names (NA01: info,
or warning with name_untitled_as_warning; NA02: info for 3+ letters), else nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, partial
from itertools import pairwise

import regex
from rapidfuzz.distance import Indel

from aligncheck.align.words import link_alignment, target_span_of
from aligncheck.checks.base import PairContext, ReleaseContext, Rule
from aligncheck.extract.name_match import (
    NAME_MATCH_CONFIG,
    VARIANT_THRESHOLD,
    NameMatch,
    bracket_replaced,
    capitalised_keys,
    cldr_concepts,
    closest,
    evidence_for,
    same_onset,
    spelling_variant,
    surname_count,
)
from aligncheck.extract.name_renderings import (
    NameOutcome,
    expansion_instead,
    in_words,
    version_outcomes,
)
from aligncheck.extract.names import NameEvidence, document_spells, name_like, spelled_out
from aligncheck.lang.cldr_names import calendar_words
from aligncheck.lang.morph import words
from aligncheck.lang.translit import key, token_score
from aligncheck.model import Finding, Severity

# Kinds reported as warnings whenever missing (unless the other versions leave them out too).
ALWAYS = ("person", "brand", "code", "acronym")
# Kinds (single capitalised words: places, organisations, often translated) reported only on
# evidence: the other versions render them, or CLDR names them.
EVIDENCE_ONLY = ("proper",)


@dataclass(frozen=True)
class _Case:
    """What the severity of one missing name depends on."""

    ctx: PairContext
    o: NameOutcome
    elsewhere: bool  # this version renders the name in most other places
    systematic: bool  # this version never writes it (lost in two places or more)
    kept: int  # other versions that render it at this place
    dropped: int  # other versions that leave it out there too
    in_run: bool = False  # beside a name this version renders, in one capitalised run
    spelled: tuple[tuple[str, str], ...] = ()  # (text, lang) of the other versions' renderings
    taken: tuple[tuple[int, int], ...] = ()  # target spans rendering other names of the link
    # per other version: where -> (what it writes where the name's words are aligned, its
    # language) when it does not render the name there either
    others_instead: tuple = ()

    def agrees_with_others(self) -> bool:
        """What this version writes where the name's words are aligned, another version that
        does not spell the name out writes too (Ким Чен Ыном, Ким Чен Ынмен): a conventional
        rendering the versions share, learnt from the release, not a changed name. One word
        of three letters or more in common is enough (either may carry an ending)."""
        mine = self.instead()
        if not mine:
            return False
        lang = self.o.target.lang
        own = [w.text for w in words(mine) if len(key(w.text, lang)) >= 3]
        for ask in self.others_instead:
            theirs = ask(self.o.where)
            if not theirs:
                continue
            text, other_lang = theirs
            for a in own:
                for b in (w.text for w in words(text) if len(key(w.text, other_lang)) >= 3):
                    if _alike(a, lang, b, other_lang):
                        return True
        return False

    def spelled_as_others(self) -> bool:
        """The target writes, in this link, a word like the other versions' rendering of the
        name (Уэйдті where ru writes Уэйд and az Ueyd): the version renders it as they do, in
        a spelling the source name alone does not reach."""
        tokens = [
            t
            for t in self.o.target.tokens
            if t.text[:1].isupper() and not any(a < t.end and t.start < b for a, b in self.taken)
        ]
        target_lang = self.o.target.lang
        for text, lang in self.spelled:
            parts = [key(w.text, lang) for w in words(text)]
            last = next((k for k in reversed(parts) if len(k) >= 2), "")
            if not last:
                continue
            for token in tokens:
                if (
                    same_onset(last, key(token.text, target_lang) or "?")
                    and token_score(last, lang, token.text, target_lang) >= OTHERS_SPELLING
                ):
                    return True
        return False

    @property
    def acronym(self) -> bool:
        return self.o.mention.kind == "acronym"

    @property
    def lang(self) -> str:
        return self.ctx.source.lang

    @property
    def personal(self) -> bool:
        """A person, or a name of two words or more (people, mostly)."""
        return self.o.mention.kind in ("person", "name")

    @property
    def cldr(self) -> bool:
        text = self.o.mention.text
        return any((a, b) == (0, len(text)) for a, b, _ in cldr_concepts(text, self.lang))

    def document_spells(self) -> bool:
        texts = tuple(s.text for s in self.ctx.source.segments)
        return document_spells(texts, self.o.mention.text)

    @cached_property
    def aligned(self) -> str | None:
        """The target words the name's words are aligned to ("" when none is; None when there
        is no word alignment)."""
        o = self.o
        alignment = link_alignment(self.ctx, o.source.text, o.target.text)
        if alignment is None:
            return None
        span = target_span_of(o.mention.start, o.mention.end, alignment)
        return "" if span is None else o.target.text[span[0] : span[1]]

    @cached_property
    def closest(self) -> str | None:
        return closest(self.o.mention, self.lang, self.o.target)

    def aligned_closest(self) -> bool:
        """The capitalised words most like the name (a looser transliteration: Qlazqo, Don
        Qoyo, Селли Оук) are where the name's words are aligned: the name is spelled otherwise
        there, not left out or changed."""
        near, aligned = self.closest, self.aligned
        return bool(near and aligned) and (near in aligned or aligned in near)

    def instead(self) -> str | None:
        """The other name the target writes where this one's words are aligned: capitalised
        words, one name long (Assad rendered as 'Линдквистом'); None when there is none."""
        text = (self.aligned or "").strip()
        if not text or not text[:1].isupper() or _CLAUSE.search(text):
            return None
        return text if len(text) <= 2 * len(self.o.mention.text) + 12 else None

    @property
    def piece(self) -> bool:
        """A single word of a longer capitalised run (Regional of Regional Water Office)."""
        if self.o.mention.kind not in EVIDENCE_ONLY:
            return False
        text, m = self.o.source.text, self.o.mention
        before = regex.search(r"(\p{L}+)[ \-]$", text[: m.start])
        after = regex.match(r"[ \-](\p{L})", text[m.end :])
        return bool(before and before.group(1)[0].isupper() or after and after.group(1).isupper())

    def aligned_variant(self) -> bool:
        """Where the name's words are aligned, the target writes a looser transliteration of
        it (Ohio as Огайо, Puig as Пуч): starting with the same sound and sharing at least
        half its letters (LOOSE_ALIGNED), which another name put in its place rarely does."""
        instead = self.instead()
        if not instead:
            return False
        target_lang = self.o.target.lang
        own = [key(w.text, self.lang) for w in words(self.o.mention.text)]
        other = [key(w.text, target_lang) for w in words(instead)]
        own, other = [k for k in own if k], [k for k in other if k]
        if not own or not other:
            return False
        a, b = own[-1], other[-1]
        return same_onset(a, b) and Indel.normalized_similarity(a, b) >= LOOSE_ALIGNED

    def translated(self) -> bool:
        """The name's words are aligned to target words written in lower case (Ocean ->
        мұхиты), or to a looser spelling of it: the version translates or spells it, it does
        not leave it out."""
        text = self.aligned
        if not text:
            return False
        first = next((c for c in text if c.isalpha()), "")
        return bool(first) and first.islower() and first.upper() != first

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
        lambda c: c.dropped and (c.dropped > c.kept or c.dropped == c.kept and not c.personal),
        CHOICE,
        "the other versions agree to leave it out (half of them, for other than people)",
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
        "the words most like it (a looser transliteration) are aligned to it",
    ),
    (
        lambda c: c.piece and c.aligned,
        CHOICE,
        "one word of a capitalised run (a translated name), aligned to a target word",
    ),
    (
        lambda c: c.aligned_variant(),
        CHOICE,
        "a looser transliteration of it is where its words are aligned",
    ),
    (
        lambda c: c.o.mention.kind not in ALWAYS and c.translated(),
        CHOICE,
        "its words are aligned to words in lower case: translated",
    ),
    (
        lambda c: c.kept > 0,
        RULE,
        "the other versions render it (more than leave it out; as many, for people)",
    ),
    (lambda c: c.cldr, RULE, "a CLDR name (country, language, currency, city)"),
    (
        lambda c: (
            c.o.mention.kind in ALWAYS or (c.elsewhere and c.o.mention.kind not in EVIDENCE_ONLY)
        ),
        RULE,
        "a person, brand, code or acronym, or rendered elsewhere in the version",
    ),
    (lambda c: True, UNSURE, "anything else"),
)


def _whole_name(o: NameOutcome, evidence: NameEvidence) -> bool:
    """A single capitalised word worth checking on its own: two letters or more, no month or
    weekday (the date rules check those), and name-like: not a word the source document
    writes in lower case too (Programme when it says "the programme"), nor a title."""
    text = o.mention.text
    return (
        sum(c.isalpha() for c in text) >= 2
        and text.lower() not in calendar_words(o.source.lang)
        and name_like(text, evidence)
    )


def _alike(a: str, a_lang: str, b: str, b_lang: str) -> bool:
    """Two target words that spell one name: the same onset, and keys alike either way."""
    ka, kb = key(a, a_lang), key(b, b_lang)
    return same_onset(ka, kb) and (
        max(token_score(ka, a_lang, b, b_lang), token_score(kb, b_lang, a, a_lang))
        >= OTHERS_SPELLING
    )


def _as_name(o: NameOutcome) -> bool:
    """Rendered, and as a name: its rendering starts with a capital (in a script with
    capitals). Republicans as республиканцы is a translation, not a rendering the other
    versions can lend as evidence."""
    if not o.rendered:
        return False
    if o.match.start < 0 or o.mention.kind not in EVIDENCE_ONLY:
        return True
    first = next((c for c in o.target.text[o.match.start : o.match.end] if c.isalpha()), "")
    return not first or first.isupper() or first.upper() == first


def _run_rendered(found: list[NameOutcome]) -> set[tuple]:
    """(link source, mention start) of the single-word names next to a rendered name in one
    capitalised run (West of West Virginia when Virginia is rendered, Ocean of Pacific Ocean):
    the version translates the run's other words, it does not leave the name out."""
    by_link: dict[tuple, list[NameOutcome]] = {}
    for o in found:
        by_link.setdefault(o.link.source, []).append(o)
    out = set()
    for group in by_link.values():
        group.sort(key=lambda o: o.mention.start)
        text = group[0].source.text
        for a, b in pairwise(group):
            if _GLUE.fullmatch(text[a.mention.end : b.mention.start]) and a.rendered != b.rendered:
                lost = b if a.rendered else a
                out.add((lost.link.source, lost.mention.start))
    return out


OTHERS_SPELLING = 0.7  # key similarity to another version's rendering that counts as one
LOOSE_ALIGNED = 0.45  # letters (Indel similarity of keys) an aligned looser spelling shares
_GLUE = regex.compile(r"[ \-]")
_CLAUSE = regex.compile(r"[.!?;:,«»\"“”()]")


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
        found = version_outcomes(
            ctx.source, ctx.target, ctx.links, self.kinds, glossaries, threshold
        )
        evidence = evidence_for([s.text for s in ctx.source.segments], ctx.source.lang)
        kept = [o for o in found if o.mention.kind not in EVIDENCE_ONLY or _whole_name(o, evidence)]
        for o in kept:
            if o.match.how == "transliteration" and not _as_name(o):
                o.match = NameMatch(o.mention, "missing")  # Turkey is not türk (Turkish)
        return kept

    def _check(self, pairs: Sequence[PairContext]) -> list[Finding]:
        outcomes = [self._outcomes(ctx) for ctx in pairs]
        by_place = []
        spellings: list[dict[tuple, list[tuple[str, str]]]] = []
        for found in outcomes:
            places: dict[tuple, bool] = {}
            spelled: dict[tuple, list[tuple[str, str]]] = {}
            for o in found:
                places[o.where] = places.get(o.where, False) or _as_name(o)
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
                text = _Case(pairs[m], o, False, False, 0, 0).instead() if o else None
                written[m, where] = (text, o.target.lang) if text else None
            return written[m, where]

        findings = []
        for n, (ctx, found) in enumerate(zip(pairs, outcomes)):
            others = by_place[:n] + by_place[n + 1 :]
            theirs = spellings[:n] + spellings[n + 1 :]
            asks = tuple(partial(instead, m) for m in range(len(pairs)) if m != n)
            findings += self._report(ctx, found, by_place[n], others, theirs, asks)
        return sorted(findings, key=lambda f: f.sort_key())

    def _report(
        self,
        ctx: PairContext,
        found: list[NameOutcome],
        places: dict[tuple, bool],
        others: list[dict[tuple, bool]],
        theirs: list[dict[tuple, list[tuple[str, str]]]],
        asks: tuple = (),
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
        in_runs = _run_rendered(found)
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
                    and document_spells(tuple(s.text for s in ctx.source.segments), mention.text)
                )
            )
            verdicts = [version.get(o.where, version.get(o.where[:2])) for version in others]
            verdicts = [v for v in verdicts if v is not None]
            kept, dropped = sum(verdicts), len(verdicts) - sum(verdicts)
            in_run = (o.link.source, o.mention.start) in in_runs
            spelled = tuple(t for version in theirs for t in version.get(o.where[:2], ()))
            taken = rendered_spans.get(o.link, ())
            case = _Case(ctx, o, elsewhere, systematic, kept, dropped, in_run, spelled, taken, asks)
            severity = self._severity(case)
            if severity is None:
                continue
            near = case.closest
            instead = case.instead() if severity != Severity.INFO else None
            message = (
                f"{self.what} '{mention.text}' is not in the target"
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

    def _severity(self, case: _Case) -> Severity | None:
        """The first row of SEVERITY_TABLE whose condition holds decides; None: no finding."""
        ctx, o = case.ctx, case.o
        unsure = self.unsure_severity(ctx) if self.hint_when_unsure(o.mention) else None
        for condition, outcome, _ in SEVERITY_TABLE:
            if condition(case):
                if o.mention.kind in EVIDENCE_ONLY and outcome != RULE:
                    return None
                if outcome == CHOICE:
                    return unsure and Severity.INFO
                return self.severity if outcome == RULE else unsure
        raise AssertionError("the last row of SEVERITY_TABLE always holds")
