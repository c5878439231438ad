"""NU01/DA01 on real professional translations (NTREX-dev), skipped when the corpus is absent."""

from pathlib import Path

import pytest
from factories import line_segments

from aligncheck.checks.base import PairContext
from aligncheck.checks.date.DA01 import DA01
from aligncheck.checks.number.NU01 import NU01
from aligncheck.extract import extract_numbers
from aligncheck.model import Link

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ntrex128-dev"
pytestmark = pytest.mark.skipif(
    not (CORPUS / "en.txt").exists(), reason="NTREX-dev corpus not available"
)


def findings(english: list[str], lines: list[str], lang: str) -> list:
    links = tuple(Link((i,), (i,), 1.0) for i in range(len(lines)))
    ctx = PairContext("ntrex", line_segments("en", *english), line_segments(lang, *lines), links)
    return [f for rule in (NU01(), DA01()) for f in rule.check(ctx)]


@pytest.mark.parametrize("lang", ["ru", "kk", "az", "tk", "tr"])
def test_clean_translations_raise_few_alarms_and_changed_figures_are_caught(lang):
    english = (CORPUS / "en.txt").read_text(encoding="utf-8").splitlines()
    lines = (CORPUS / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    assert len(findings(english, lines, lang)) <= 0.03 * len(lines)

    planted = list(lines)
    changed = []
    for i, line in enumerate(lines):
        digits = [
            m
            for m in extract_numbers(line, lang)
            if m.reportable and m.kind in ("integer", "percent")
        ]
        if digits:
            start, end = digits[0].span
            planted[i] = line[:start] + str(int(digits[0].value) + 7) + line[end:]
            changed.append(i)
    flagged = {f.target_segments[0] for f in findings(english, planted, lang)}
    assert len(flagged & set(changed)) >= 0.95 * len(changed)
