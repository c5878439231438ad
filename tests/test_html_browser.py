"""The HTML report in real headless Chromium: rows, highlights, filters and a screenshot.

Needs /usr/bin/chromium, /usr/bin/chromedriver and selenium; skips without them unless
CI or ALIGNCHECK_REQUIRE_BROWSER is set, where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from fixtures_report import RULES, build_result

from aligncheck.report import html

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
)


def _unavailable(reason: str):
    if os.environ.get("CI") or os.environ.get("ALIGNCHECK_REQUIRE_BROWSER"):
        pytest.fail(f"browser test required here: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        _unavailable("Chromium or chromedriver not installed")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _unavailable("selenium not installed")
    profile = tempfile.mkdtemp(prefix="aligncheck-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def result():
    return build_result()


@pytest.fixture()
def opened(browser, result, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(html.render(result, RULES), encoding="utf-8")
    browser.get(page.as_uri())
    return browser


def visible(driver, selector: str) -> list:
    """The elements matching `selector` that take up space on the page (one round trip)."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]))"
        ".filter(e => e.getClientRects().length > 0)",
        selector,
    )


def click(driver, selector: str) -> None:
    driver.find_element("css selector", selector).click()


def rows_with(result, keep=lambda f: True) -> int:
    """How many table rows hold at least one finding that `keep` accepts."""
    rows = set()
    for n, release in enumerate(result.releases):
        for f in filter(keep, release.findings):
            if f.source_segments:
                rows.add((n, f.source_segments[0]))
            elif f.target_segments:
                rows.add((n, f.lang, f.target_segments[0]))
    return len(rows)


def test_rows_and_highlights_are_visible(opened, result):
    assert len(visible(opened, "tbody.row")) == 34
    marks = visible(opened, "mark")
    changed = next(m for m in marks if m.text == "22")
    assert "sev-error" in changed.get_attribute("class")
    assert changed.get_attribute("title").startswith(
        "NU01 number-mismatch (error, ru): number 21 changed to 22"
    )
    assert len(visible(opened, "li.finding")) == len(result.findings())
    assert opened.find_element("id", "shown").text == str(len(result.findings()))


def test_filters_hide_rows_findings_marks_and_columns(opened, result):
    click(opened, "#only-findings")
    assert len(visible(opened, "tbody.row")) == rows_with(result)
    click(opened, 'input[data-filter="severity"][value="info"]')
    assert len(visible(opened, "tbody.row")) == rows_with(
        result, lambda f: f.severity.value != "info"
    )
    assert opened.find_element("id", "shown").text == str(
        sum(f.severity.value != "info" for f in result.findings())
    )
    info_mark = opened.find_element("css selector", 'mark[title^="MK01"]')
    assert "off" in info_mark.get_attribute("class")
    click(opened, 'input[data-filter="lang"][value="ru"]')
    assert not visible(opened, '[data-col="ru"]')
    assert visible(opened, '[data-col="kk"]')
    assert not [f for f in visible(opened, "li.finding") if f.get_attribute("data-lang") == "ru"]


def test_screenshot(opened, tmp_path):
    opened.execute_script("document.getElementById('r0-4').scrollIntoView()")
    shot = tmp_path / "report.png"
    assert opened.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) > (1000, 600)
    assert len(data) > 50_000  # a blank page compresses to a few kB


def test_rule_link_opens_its_explanation(opened):
    from selenium.webdriver.support.ui import WebDriverWait

    details = opened.find_element("id", "rule-DA01")
    assert not details.get_attribute("open")
    click(opened, 'li.finding a.rule[href="#rule-DA01"]')
    WebDriverWait(opened, 5).until(lambda d: details.get_attribute("open") == "true")
    assert "Best practice" in details.text
