"""The sample docs release (corpora/docs-guide): Markdown with front matter, code, HTML, a table,
translated heading anchors and localised links. Every planted discrepancy of its answer file is
found, and nothing else is: no false finding at any severity."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RELEASE = ROOT / "corpora" / "docs-guide"


def aligncheck(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "aligncheck", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=600,
    )


@pytest.fixture(scope="module")
def findings():
    proc = aligncheck("check", RELEASE, "--format", "json", "--quiet", "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    return [f for doc in json.loads(proc.stdout)["documents"] for f in doc["findings"]]


def answers():
    with open(RELEASE / "answers.tsv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def matches(finding, row):
    if finding["lang"] != row["lang"] or finding["category"] not in row["category"].split("|"):
        return False
    if row["source_segment"] and int(row["source_segment"]) not in finding["source_segments"]:
        return False
    return not row["target_segment"] or int(row["target_segment"]) in finding["target_segments"]


@pytest.mark.parametrize("row", answers(), ids=lambda r: f"{r['lang']}-{r['category']}")
def test_every_planted_discrepancy_is_found(findings, row):
    assert any(matches(f, row) for f in findings), row["note"]


def test_no_finding_outside_the_answer_file(findings):
    rows = answers()
    stray = [
        (f["lang"], f["rule"], f["severity"], f["message"])
        for f in findings
        if not any(matches(f, row) for row in rows)
    ]
    assert stray == []


def test_findings_point_at_the_planted_lines(findings):
    where = {
        f["rule"]: (f["source_location"]["line"], f["target_location"]["line"]) for f in findings
    }
    assert where["NU01"] == (48, 48) and where["MK02"] == (21, 21) and where["UT01"] == (54, 54)


def test_a_markdown_file_of_front_matter_only_is_exit_2_in_one_line(tmp_path):
    (tmp_path / "en.md").write_text("---\ntitle: Only a title\n---\n", encoding="utf-8")
    (tmp_path / "ru.md").write_text("Текст.\n", encoding="utf-8")
    proc = aligncheck("check", tmp_path, "--quiet")
    assert proc.returncode == 2 and proc.stdout == ""
    (line,) = proc.stderr.strip().splitlines()
    assert "en.md: holds only front matter" in line and "Traceback" not in proc.stderr
