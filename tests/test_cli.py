"""The command line as users meet it: exit codes, one-line errors, rules, the sample release."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpora" / "steppe-rivers"


def aligncheck(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "aligncheck", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
    )


def assert_one_line_error(proc, *needles):
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    for needle in needles:
        assert needle in lines[0]


def test_help_lists_every_command():
    proc = aligncheck("--help")
    assert proc.returncode == 0
    for command in ("check", "align", "split", "rules", "config", "glossary", "cache"):
        assert command in proc.stdout


def test_missing_path_is_one_clear_line(tmp_path):
    assert_one_line_error(aligncheck("check", tmp_path / "nope"), "nope")


def test_directory_without_language_files(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n")
    assert_one_line_error(aligncheck("check", tmp_path), str(tmp_path.name))


def test_empty_file_is_refused(tmp_path):
    (tmp_path / "en.txt").write_text("Hello there.\n")
    (tmp_path / "ru.txt").write_text("  \n")
    assert_one_line_error(aligncheck("check", tmp_path), "ru.txt")


def test_undecodable_file_names_encoding_option(tmp_path):
    (tmp_path / "en.txt").write_text("Hello there.\n")
    (tmp_path / "ru.txt").write_bytes("Привет, мир. Как дела?\n".encode("cp1251"))
    assert_one_line_error(aligncheck("check", tmp_path), "--encoding")


def test_bad_langs_for_explicit_files(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Some text here.\n")
    assert_one_line_error(
        aligncheck("check", tmp_path / "a.txt", tmp_path / "b.txt", "--langs", "en,ru,kk")
    )


def test_rules_list_and_explain():
    listing = aligncheck("rules")
    assert listing.returncode == 0
    assert "NU01" in listing.stdout and "OM01" in listing.stdout
    explained = aligncheck("rules", "nu01")
    assert explained.returncode == 0
    assert "**Anti-pattern**" in explained.stdout and "**Best practice**" in explained.stdout
    assert_one_line_error(aligncheck("rules", "ZZ99"), "ZZ99")


@pytest.fixture(scope="module")
def sample_report():
    proc = aligncheck("check", SAMPLE, "--format", "json", "--quiet")
    assert proc.returncode == 1, proc.stderr  # the sample has planted errors
    return json.loads(proc.stdout)


def test_sample_report_follows_the_json_contract(sample_report):
    report = sample_report
    assert report["schema_version"] == 1
    assert report["tool"]["name"] == "aligncheck"
    assert set(report) == {"schema_version", "tool", "model", "documents", "summary"}
    (doc,) = report["documents"]
    assert doc["source"]["lang"] == "en" and doc["source"]["segments"] == 11
    assert sorted(t["lang"] for t in doc["targets"]) == ["az", "kk", "ru", "tk"]
    for target in doc["targets"]:
        covered_src = sorted(i for link in target["links"] for i in link["source"])
        covered_tgt = sorted(i for link in target["links"] for i in link["target"])
        assert covered_src == list(range(doc["source"]["segments"]))
        assert covered_tgt == list(range(target["segments"]))
    keys = {
        "rule",
        "category",
        "severity",
        "lang",
        "source_segments",
        "target_segments",
        "source_text",
        "target_text",
        "message",
        "source_location",
        "target_location",
        "fingerprint",
    }
    for finding in doc["findings"]:
        assert set(finding) == keys
        assert finding["fingerprint"]
    summary = {
        s: sum(f["severity"] == s for f in doc["findings"]) for s in ("error", "warning", "info")
    }
    assert report["summary"] == summary


def answers():
    with open(SAMPLE / "answers.tsv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def matches(finding, row):
    if finding["lang"] != row["lang"] or finding["category"] not in row["category"].split("|"):
        return False
    if row["source_segment"] and int(row["source_segment"]) not in finding["source_segments"]:
        return False
    return not row["target_segment"] or int(row["target_segment"]) in finding["target_segments"]


@pytest.mark.parametrize("row", answers(), ids=lambda r: f"{r['lang']}-{r['category']}")
def test_sample_planted_discrepancy_is_found(sample_report, row):
    findings = sample_report["documents"][0]["findings"]
    assert any(matches(f, row) for f in findings), row["note"]


def test_sample_has_no_error_outside_the_answer_file(sample_report):
    rows = answers()
    stray = [
        f
        for f in sample_report["documents"][0]["findings"]
        if f["severity"] == "error" and not any(matches(f, r) for r in rows)
    ]
    assert stray == []


def test_same_input_same_report(sample_report):
    again = json.loads(aligncheck("check", SAMPLE, "--format", "json", "--quiet").stdout)
    assert again == sample_report


def test_fail_on_sets_the_exit_code():
    assert (
        aligncheck("check", SAMPLE, "--format", "text", "--quiet", "--fail-on", "never").returncode
        == 0
    )
    assert (
        aligncheck(
            "check", SAMPLE, "--format", "text", "--quiet", "--select", "AL01", "--fail-on", "error"
        ).returncode
        == 0
    )


def test_text_report_points_at_both_files(sample_report):
    proc = aligncheck("check", SAMPLE, "--format", "text", "--quiet", "--select", "NU01")
    assert proc.returncode == 1
    assert "ru.md:9:" in proc.stdout and "en.md:9:" in proc.stdout
    assert "[[73 процента]]" in proc.stdout


SEED = ROOT.parent / "shared" / "seeds" / "000_ab64be821029c731.txt"


def test_split_writes_one_file_per_language(tmp_path):
    if not SEED.exists():
        pytest.skip("seed documents not available")
    proc = aligncheck("split", SEED, "--langs", "en,az,kk,ru,tk", "--out", tmp_path)
    assert proc.returncode == 0, proc.stderr
    counts = {
        line.split(":")[0]: int(line.split("(")[1].split()[0]) for line in proc.stdout.splitlines()
    }
    assert counts == {"en": 31, "az": 30, "kk": 30, "ru": 29, "tk": 32}
    assert sorted(p.name.split(".")[-2] for p in tmp_path.iterdir()) == [
        "az",
        "en",
        "kk",
        "ru",
        "tk",
    ]


def test_align_json_covers_both_sides():
    proc = aligncheck("align", SAMPLE / "en.md", SAMPLE / "ru.md", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["schema_version"] == 1 and data["unit"] == "paragraph"
    assert (data["source"]["lang"], data["target"]["lang"]) == ("en", "ru")
    assert sorted(i for link in data["links"] for i in link["target"]) == list(
        range(data["target"]["segments"])
    )
    assert {"source": [7], "target": [], "score": 0.0} in data["links"]  # the dropped paragraph
