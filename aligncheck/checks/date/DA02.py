from __future__ import annotations

from collections import Counter

import regex

from aligncheck.checks.base import PairContext, VersionsRule
from aligncheck.extract.calendar import CalendarWord, calendar_words, loosely_named
from aligncheck.extract.names import sentence_initial
from aligncheck.glossary.find import LinkText
from aligncheck.lang.morph import Word
from aligncheck.lang.translit import key, token_score
from aligncheck.model import Finding, Link, Severity

KINDS = ("weekday", "month")
NAME_SPELLING = 0.8  # key similarity at which a target word spells a source name


def _named(pair: PairContext, wanted: set) -> dict[tuple, Counter]:
    """Per link (by source segments) of those `wanted`: the (kind, value) calendar words its
    target names."""
    out = {}
    for link in pair.links:
        if link.source in wanted and link.target:
            target = LinkText(pair.target, link.target)
            words = calendar_words(target.text, target.lang)
            out[link.source] = Counter((w.kind, w.value) for w in words)
    return out


def _a_name(word: CalendarWord, target: LinkText, source: LinkText) -> bool:
    """A capitalised word inside a target sentence that spells a capitalised source word
    which is no calendar word: a name (az Martin for St. Martin's, not mart, March)."""
    if not word.text[:1].isupper():
        return False
    if sentence_initial(target.text, Word(word.text, word.start, word.end)):
        return False
    dates = {c.start for c in calendar_words(source.text, source.lang)}
    for token in source.tokens:
        if token.text[:1].isupper() and token.start not in dates:
            own = key(token.text, source.lang)
            if token_score(own, source.lang, word.text, target.lang) >= NAME_SPELLING:
                return True
    return False


def _kept_as_written(word: CalendarWord, mine: list[CalendarWord], target: LinkText) -> bool:
    """The target carries the source word over untranslated ("Saturday Night Live" in a
    Turkish sentence) as often as the source names that day: part of a name there, not a day.
    "On Saturday ... Saturday Night Live" carried over once still needs its Saturday."""
    carried = len(regex.findall(rf"(?<!\p{{L}}){regex.escape(word.text)}(?!\p{{L}})", target.text))
    return carried >= sum(1 for w in mine if w.value == word.value)


def _most_leave_out(others: list[dict], where: tuple, kind: str, value: int) -> bool:
    verdicts = [bool(version[where][(kind, value)]) for version in others if where in version]
    return bool(verdicts) and sum(verdicts) * 2 <= len(verdicts)


class DA02(VersionsRule):
    """A weekday or a month named without a full date is changed or left out in the target.

    Weekday and month names come from CLDR (Babel) in each language, with their case forms
    (в пятницу, cumada, қарашада); months inside a full date are DA01's. Per link, a source
    weekday (or month) the target does not name while it names another one is changed (an
    error: Friday → четверг); one the target does not name at all is left out (a warning: a
    translator may have written the date instead), unless most other versions leave it out
    too (their shared choice: a newspaper's name, a date written out) or the target carries
    the source word over as written (a title left untranslated: Saturday Night Live). A name
    of six letters or more the target spells otherwise (oktaybr, воскресное from воскресенье:
    most of its letters, the same first two) is an info.

    **Anti-pattern**
    source: The talks resume on Friday and end in November.
    target: Переговоры возобновятся в четверг и завершатся в ноябре.

    **Best practice**
    source: The talks resume on Friday and end in November.
    target: Переговоры возобновятся в пятницу и завершатся в ноябре.
    """

    code = "DA02"
    name = "weekday-month-mismatch"
    category = "date"
    severity = Severity.ERROR
    groups = ("all", "default", "dates")

    def check_versions(self, pairs: list[PairContext]) -> list[Finding]:
        wanted = {
            link.source
            for pair in pairs
            for link in pair.links
            if link.source
            and calendar_words(LinkText(pair.source, link.source).text, pair.source.lang)
        }
        named = [_named(pair, wanted) for pair in pairs]  # per version: link -> values named
        findings = []
        for n, pair in enumerate(pairs):
            others = named[:n] + named[n + 1 :]
            for link in pair.links:
                findings += self._link(pair, link, others)
        return sorted(findings, key=lambda f: f.sort_key())

    def _link(self, ctx: PairContext, link: Link, others: list[dict]) -> list[Finding]:
        if not link.source or not link.target:
            return []
        source, target = LinkText(ctx.source, link.source), LinkText(ctx.target, link.target)
        ours = calendar_words(source.text, source.lang)
        if not ours:
            return []
        theirs = [
            w for w in calendar_words(target.text, target.lang) if not _a_name(w, target, source)
        ]
        findings = []
        for kind in KINDS:
            mine = [w for w in ours if w.kind == kind]
            other = [w for w in theirs if w.kind == kind]
            # by value, not count: a translator may name a repeated day once
            kept = {w.value for w in other}
            named = {w.value for w in mine}
            spare = [w for w in other if w.value not in named]
            done = set()
            for word in mine:
                if word.value in kept or word.value in done:
                    continue
                done.add(word.value)
                instead = spare.pop(0) if spare else None
                if instead is None and _most_leave_out(others, link.source, kind, word.value):
                    continue  # the versions agree: a choice (a date written instead, a title)
                if instead is None and _kept_as_written(word, mine, target):
                    continue
                loose = (
                    None if instead else loosely_named(target.text, target.lang, kind, word.value)
                )
                findings.append(self._finding(ctx, link, source, target, word, instead, loose))
        return findings

    def _finding(
        self,
        ctx: PairContext,
        link: Link,
        source: LinkText,
        target: LinkText,
        word: CalendarWord,
        instead: CalendarWord | None,
        loose: str | None = None,
    ) -> Finding:
        if instead is not None:
            message = f"{word.kind} {word.text} changed to '{instead.text}' in {ctx.lang}"
        elif loose:
            message = f"{word.kind} {word.text} is written '{loose}', not as CLDR spells it"
        else:
            message = f"{word.kind} {word.text} is not in the target"
        return self.finding(
            ctx,
            link,
            message,
            source_text=word.text,
            target_text=instead.text if instead else loose,
            source_span=source.span(word.start, word.end),
            target_span=target.span(instead.start, instead.end) if instead else None,
            severity=Severity.ERROR if instead else Severity.INFO if loose else Severity.WARNING,
        )
