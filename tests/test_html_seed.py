"""The seed run's HTML report in headless Chromium: every finding visible, filters work."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_html_browser import browser, click, visible  # noqa: F401  (browser is a fixture)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_ab64be821029c731.txt"


@pytest.fixture(scope="module")
def seed_reports(tmp_path_factory):
    if not SEED.exists():
        pytest.skip("seed documents not available")
    out = tmp_path_factory.mktemp("seed")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "aligncheck",
            "check",
            str(SEED),
            "--langs",
            "en,az,kk,ru,tk",
            "--quiet",
            "--format",
            "json",
            "--output",
            str(out / "seed.json"),
            "--format",
            "html",
            "--output",
            str(out / "seed.html"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads((out / "seed.json").read_text(encoding="utf-8")), out / "seed.html"


def test_every_seed_finding_is_visible_and_filters_hide_them(browser, seed_reports):  # noqa: F811
    report, page = seed_reports
    findings = report["documents"][0]["findings"]
    assert findings
    browser.get(page.as_uri())
    assert len(visible(browser, "li.finding")) == len(findings)
    assert len(visible(browser, "tbody.row")) == report["documents"][0]["source"]["segments"] + sum(
        1 for t in report["documents"][0]["targets"] for link in t["links"] if not link["source"]
    )
    hidden_lang = sorted({f["lang"] for f in findings})[0]
    click(browser, f'input[data-filter="lang"][value="{hidden_lang}"]')
    shown = [f.get_attribute("data-lang") for f in visible(browser, "li.finding")]
    assert hidden_lang not in shown
    assert len(shown) == sum(f["lang"] != hidden_lang for f in findings)
