"""Shared body of NA01/NA02: names of some kinds that the aligned target must render."""

from __future__ import annotations

from collections.abc import Iterable

from aligncheck.checks.base import PairContext, Rule
from aligncheck.checks.name.matching import (
    DEFAULT_THRESHOLD,
    closest,
    evidence_for,
    match_name,
    name_key,
    name_mentions,
)
from aligncheck.glossary.find import LinkText
from aligncheck.model import Finding, Severity

# Kinds reported whenever missing; the others only when the target renders them in most other
# places (translators often expand acronyms and translate place names consistently).
ALWAYS = ("person", "brand", "code")


class MissingNameRule(Rule):
    kinds: tuple[str, ...] = ()
    what = "name"
    category = "name"
    groups = ("all", "default", "names")
    config_keys = {"name_match_threshold": (
        DEFAULT_THRESHOLD, "similarity (0-1) of transliteration keys at which two names match")}

    def hint_when_unsure(self, mention) -> bool:
        """Report (as info) a missing name of a checked-only-with-evidence kind anyway?"""
        return False

    def unsure_severity(self, ctx: PairContext) -> Severity:
        return Severity.INFO

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        threshold = float(self.opt(ctx, "name_match_threshold"))
        glossaries = ctx.resources.get("glossaries") or []
        evidence = evidence_for([s.text for s in ctx.source.segments], ctx.source.lang)
        rendered: dict[str, int] = {}
        lost: dict[str, int] = {}
        missing = []
        aliases: dict[str, set[str]] = {}
        todo = []
        for link in ctx.links:
            if not link.source or not link.target:
                continue
            source, target = LinkText(ctx.source, link.source), LinkText(ctx.target, link.target)
            for mention in name_mentions(source, evidence):
                if mention.kind in self.kinds:
                    todo.append((link, source, target, mention))
        for link, source, target, mention in todo:  # learn spellings first
            match_name(mention, ctx.source.lang, target, glossaries, threshold, aliases)
        for link, source, target, mention in todo:
            match = match_name(mention, ctx.source.lang, target, glossaries, threshold, aliases)
            name = name_key(mention.text, source.lang)
            if match.status == "found":
                rendered[name] = rendered.get(name, 0) + 1
            elif match.status == "missing":
                lost[name] = lost.get(name, 0) + 1
                missing.append((link, source, target, mention))
        findings = []
        for link, source, target, mention in missing:
            name = name_key(mention.text, source.lang)
            elsewhere = rendered.get(name, 0) > lost[name]
            severity = None
            if mention.kind not in ALWAYS and not elsewhere:
                if not self.hint_when_unsure(mention):
                    continue
                severity = self.unsure_severity(ctx)
            near = closest(mention, ctx.source.lang, target)
            message = f"{self.what} '{mention.text}' is not in the target" + (
                f" (closest: '{near}')" if near else "") + (
                "; this version renders it elsewhere" if elsewhere else "")
            findings.append(self.finding(
                ctx, link, message, source_text=mention.text, target_text=near,
                source_span=source.span(mention.start, mention.end), severity=severity))
        return sorted(findings, key=lambda f: f.sort_key())
