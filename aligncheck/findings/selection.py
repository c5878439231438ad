"""Which findings a run reports, at what severity, and whether they fail it.

A selector is a rule code ("NU001"), a code prefix ("NU"), a category ("number") or a
group ("all"), matched case-insensitively. As in ruff, the most specific selector among
`select` and `ignore` decides (code > prefix, longer first > category > group; a tie goes
to `ignore`); `per_lang_ignore` then drops rules for one language only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from aligncheck.model import CATEGORIES, Finding, Severity

if TYPE_CHECKING:
    from aligncheck.checks.base import Rule

Rank = tuple[int, int]


class Selection(Protocol):
    """What a run's settings say about rules (app.config.Config is one)."""

    @property
    def select(self) -> Sequence[str]: ...
    @property
    def ignore(self) -> Sequence[str]: ...
    @property
    def per_lang_ignore(self) -> Mapping[str, Sequence[str]]: ...
    @property
    def severity(self) -> Mapping[str, Severity]: ...


def selector_rank(selector: str, code: str, category: str, groups: Iterable[str]) -> Rank | None:
    """How specifically `selector` names the rule, or None if it does not match it."""
    upper, lower = selector.upper(), selector.lower()
    if upper == code:
        return (4, len(code))
    if upper and code.startswith(upper):
        return (3, len(upper))
    if lower == category:
        return (2, 0)
    if lower in groups:
        return (1, 0)
    return None


def is_known_selector(selector: str, rules: Sequence[type[Rule]]) -> bool:
    if selector.lower() in CATEGORIES:
        return True
    return any(selector_rank(selector, r.code, r.category, r.groups) for r in rules)


def _best(
    selectors: Iterable[str], code: str, category: str, groups: tuple[str, ...]
) -> Rank | None:
    ranks = [r for s in selectors if (r := selector_rank(s, code, category, groups))]
    return max(ranks, default=None)


def rule_enabled(
    config: Selection,
    code: str,
    category: str,
    groups: tuple[str, ...] = ("all",),
    lang: str | None = None,
) -> bool:
    """Is the rule on, for `lang` if given (else before per-language ignores)?"""
    chosen = _best(config.select, code, category, groups)
    dropped = _best(config.ignore, code, category, groups)
    if chosen is None or (dropped is not None and dropped >= chosen):
        return False
    return (
        lang is None or _best(config.per_lang_ignore.get(lang, ()), code, category, groups) is None
    )


def rule_selected(rule: type[Rule], config: Selection) -> bool:
    """Is the rule worth running: enabled for at least one language?"""
    return rule_enabled(config, rule.code, rule.category, rule.groups)


def severity_for(
    config: Selection, code: str, category: str, groups: tuple[str, ...], default: Severity
) -> Severity:
    ranked = [
        (rank, key)
        for key in config.severity
        if (rank := selector_rank(key, code, category, groups))
    ]
    return config.severity[max(ranked)[1]] if ranked else default


def apply_selection(findings: Iterable[Finding], config: Selection) -> list[Finding]:
    """Findings of enabled rules for their language, with severity overrides applied."""
    from aligncheck.checks import all_rules

    groups = {r.code: r.groups for r in all_rules()}
    kept = []
    for f in findings:
        rule_groups = groups.get(f.rule, ("all",))
        if not rule_enabled(config, f.rule, f.category, rule_groups, f.lang):
            continue
        severity = severity_for(config, f.rule, f.category, rule_groups, f.severity)
        kept.append(f if severity == f.severity else dataclasses.replace(f, severity=severity))
    return kept


def fails(findings: Iterable[Finding], fail_on: str | Severity) -> bool:
    """Exit code 1: any finding at or above `fail_on` ("never" never fails)."""
    if fail_on == "never":
        return False
    floor = Severity(fail_on).rank
    return any(f.severity.rank >= floor for f in findings)
