"""select / ignore / per_lang_ignore / severity overrides applied to findings, and fail_on."""

import pytest

import aligncheck.checks
from aligncheck.app.config import Config
from aligncheck.findings.selection import apply_selection, fails, rule_selected
from aligncheck.model import Finding, Severity


class NU01:
    code, category, groups = "NU01", "number", ("all",)


class NU02:
    code, category, groups = "NU02", "number", ("all",)


class DA01:
    code, category, groups = "DA01", "date", ("all",)


class XP01:
    code, category, groups = "XP01", "script", ("experimental",)


@pytest.fixture(autouse=True)
def fake_rules(monkeypatch):
    monkeypatch.setattr(aligncheck.checks, "all_rules", lambda: (DA01, NU01, NU02, XP01))


def finding(rule: str, category: str, lang: str = "ru", severity=Severity.WARNING) -> Finding:
    return Finding(rule, category, severity, lang, (0,), (0,), None, None, "m", None, None)


ALL = [
    finding("NU01", "number"),
    finding("NU02", "number"),
    finding("DA01", "date"),
    finding("XP01", "script"),
    finding("NU01", "number", "kk"),
]


def kept(config: Config) -> list[tuple[str, str]]:
    return [(f.rule, f.lang) for f in apply_selection(ALL, config)]


def test_default_selects_the_all_group_only():
    assert kept(Config()) == [("NU01", "ru"), ("NU02", "ru"), ("DA01", "ru"), ("NU01", "kk")]
    assert not rule_selected(XP01, Config())
    assert rule_selected(XP01, Config(select=("all", "experimental")))


def test_more_specific_selector_wins_and_ties_go_to_ignore():
    assert kept(Config(select=("number",), ignore=("NU02",))) == [("NU01", "ru"), ("NU01", "kk")]
    assert kept(Config(select=("nu02",), ignore=("NU",))) == [("NU02", "ru")]
    assert kept(Config(select=("NU",), ignore=("number",))) == [
        ("NU01", "ru"),
        ("NU02", "ru"),
        ("NU01", "kk"),
    ]
    assert kept(Config(select=("NU01",), ignore=("NU01",))) == []


def test_per_lang_ignore_drops_rules_for_that_language_only():
    config = Config(per_lang_ignore={"kk": ("number",), "ru": ("DA",)})
    assert kept(config) == [("NU01", "ru"), ("NU02", "ru")]
    assert rule_selected(DA01, config)


def test_severity_overrides_most_specific_first():
    config = Config(severity={"number": Severity.INFO, "NU02": Severity.ERROR})
    result = {(f.rule, f.lang): f.severity for f in apply_selection(ALL, config)}
    assert result == {
        ("NU01", "ru"): Severity.INFO,
        ("NU02", "ru"): Severity.ERROR,
        ("DA01", "ru"): Severity.WARNING,
        ("NU01", "kk"): Severity.INFO,
    }


def test_unchanged_findings_are_passed_through():
    assert apply_selection(ALL[:1], Config())[0] is ALL[0]


@pytest.mark.parametrize(
    "severities, fail_on, expected",
    [
        ([Severity.WARNING], "error", False),
        ([Severity.WARNING, Severity.ERROR], "error", True),
        ([Severity.WARNING], "warning", True),
        ([Severity.INFO], "warning", False),
        ([Severity.INFO], "info", True),
        ([Severity.ERROR], "never", False),
        ([], "info", False),
    ],
)
def test_fails_at_or_above_threshold(severities, fail_on, expected):
    assert fails([finding("NU01", "number", severity=s) for s in severities], fail_on) is expected
