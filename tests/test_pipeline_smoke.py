"""The whole pipeline, installed as users get it: the sample release written as one
multilingual file, split into its versions, then checked. A crash anywhere (a new Babel, a new
tokenizer) fails here, in CI, before it reaches a user."""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

from aligncheck._runtime.cachefiles import cache_dir

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpora" / "steppe-rivers"
LANGS = ["en", "ru", "kk", "az", "tk"]


def run(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "aligncheck", *map(str, args)],
        cwd=cwd,
        env=fresh_cache(cwd),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )


def fresh_cache(tmp_path: Path) -> dict:
    """A new cache dir, so every language table is built again from the installed packages
    (a warm cache would hide a crash in building them); only the built model is borrowed."""
    cache = tmp_path / "cache"
    if not cache.exists():
        cache.mkdir()
        models = cache_dir() / "models"
        if models.is_dir():
            (cache / "models").symlink_to(models, target_is_directory=True)
    return {**os.environ, "ALIGNCHECK_CACHE_DIR": str(cache)}


def one_file(tmp_path: Path) -> Path:
    texts = [(SAMPLE / f"{lang}.md").read_text(encoding="utf-8").strip() for lang in LANGS]
    path = tmp_path / "release.md"
    path.write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    return path


def test_split_gives_back_each_version(tmp_path):
    path = one_file(tmp_path)
    proc = run("split", path, "--langs", ",".join(LANGS), "--out", tmp_path / "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    for lang in LANGS:
        written = (tmp_path / "out" / f"release.{lang}.md").read_text(encoding="utf-8")
        assert written.strip() == (SAMPLE / f"{lang}.md").read_text(encoding="utf-8").strip(), lang


def test_check_of_one_file_finds_every_planted_discrepancy(tmp_path):
    path = one_file(tmp_path)
    report = tmp_path / "report.json"
    proc = run(
        "check",
        path,
        "--langs",
        ",".join(LANGS),
        "--glossary",
        ROOT / "glossaries" / "steppe-rivers.tsv",
        "--format",
        "json",
        "--output",
        report,
        "--quiet",
        cwd=tmp_path,
    )
    assert proc.returncode == 1, proc.stderr  # errors found, nothing crashed
    findings = [
        f
        for doc in json.loads(report.read_text(encoding="utf-8"))["documents"]
        for f in doc["findings"]
    ]
    with (SAMPLE / "answers.tsv").open(encoding="utf-8") as rows:
        answers = list(csv.DictReader(rows, delimiter="\t"))
    missed = []
    for row in answers:
        side, index = (
            ("source", row["source_segment"])
            if row["source_segment"]
            else ("target", row["target_segment"])
        )
        if not any(
            f["lang"] == row["lang"]
            and f["category"] in row["category"].split("|")
            and int(index) in f[f"{side}_segments"]
            for f in findings
        ):
            missed.append(row)
    assert missed == []
    assert all(f["source_location"]["path"] == str(path) for f in findings if f["source_location"])
