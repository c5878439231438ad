import re

from aligncheck.checks import all_rules, rule_by_code
from aligncheck.model import CATEGORIES, Severity

PREFIX = {
    "alignment": "AL",
    "omission": "OM",
    "addition": "AD",
    "number": "NU",
    "date": "DA",
    "email": "EM",
    "url": "UR",
    "name": "NA",
    "glossary": "GL",
    "untranslated": "UT",
    "consistency": "CO",
    "script": "SC",
    "markup": "MK",
}


def test_every_rule_is_documented_and_well_formed():
    rules = all_rules()
    assert rules, "no rules discovered"
    for rule in rules:
        assert re.fullmatch(r"[A-Z]{2}\d{2,3}", rule.code), rule.code
        assert rule.category in CATEGORIES, rule
        assert isinstance(rule.severity, Severity), rule
        assert rule.name and re.fullmatch(r"[a-z0-9-]+", rule.name), rule
        doc = rule.__doc__ or ""
        assert "**Anti-pattern**" in doc and "**Best practice**" in doc, rule.code
        assert rule.summary(), rule.code
        for key, spec in rule.config_keys.items():
            assert isinstance(spec, tuple) and len(spec) == 2, (rule.code, key)


def test_codes_follow_their_category_prefix():
    for rule in all_rules():
        if rule.code.startswith("AC"):  # meta rules about aligncheck itself
            continue
        assert rule.code.startswith(PREFIX[rule.category]), rule.code


def test_codes_are_unique_and_sorted():
    codes = [r.code for r in all_rules()]
    assert codes == sorted(set(codes))


def test_rule_lookup_is_case_insensitive():
    first = all_rules()[0]
    assert rule_by_code(first.code.lower()) is first
    assert rule_by_code("ZZ99") is None
