"""Reports of the sample release and the seed, byte for byte, in every file format.

A refactoring must not change what aligncheck reports. The sample release's reports are kept in
tests/golden/; the seed's (not part of this project) only as SHA-256 digests. After an intended
change of behaviour, regenerate them and review the diff:
    ALIGNCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_reports_golden.py
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
SEED = Path("..") / "shared" / "seeds" / "000_ab64be821029c731.txt"
UPDATE = os.environ.get("ALIGNCHECK_UPDATE_GOLDEN") == "1"
SAMPLE_FORMATS = ("json", "text", "sarif", "junit", "github", "markdown", "html")
SEED_FORMATS = ("json", "text", "sarif", "markdown", "html")


def _reports(args: list[str], formats: tuple[str, ...], out: Path) -> dict[str, bytes]:
    """Run `aligncheck check` once from the repository root, every format to its own file."""
    outputs = [arg for fmt in formats for arg in ("--format", fmt, "--output", str(out / fmt))]
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "aligncheck",
            "check",
            *args,
            *outputs,
            "--quiet",
            "--fail-on",
            "never",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    return {fmt: (out / fmt).read_bytes() for fmt in formats}


def test_the_sample_reports_are_unchanged(tmp_path):
    reports = _reports(
        ["corpora/steppe-rivers", "--glossary", "glossaries/steppe-rivers.tsv"],
        SAMPLE_FORMATS,
        tmp_path,
    )
    for fmt, data in reports.items():
        golden = GOLDEN / f"steppe-rivers.{fmt}"
        if UPDATE:
            golden.write_bytes(data)
        assert data == golden.read_bytes(), f"{fmt} report of the sample changed"


def test_the_seed_reports_are_unchanged(tmp_path):
    if not (ROOT / SEED).is_file():
        pytest.skip("the seed (../shared/seeds) is not here")
    reports = _reports([str(SEED), "--langs", "en,az,kk,ru,tk"], SEED_FORMATS, tmp_path)
    digests = {fmt: hashlib.sha256(data).hexdigest() for fmt, data in reports.items()}
    table = GOLDEN / "seed_000.sha256"
    if UPDATE:
        table.write_text("".join(f"{digests[fmt]}  {fmt}\n" for fmt in SEED_FORMATS))
    expected = dict(reversed(line.split()) for line in table.read_text().splitlines())
    assert digests == expected, "the seed's reports changed"
