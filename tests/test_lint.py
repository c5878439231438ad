"""The tree stays as ruff is configured in pyproject.toml (line length 100, pyflakes, pycodestyle,
import sorting, ruff format): a change that breaks it fails here, in CI, not in review."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, "--no-cache", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_ruff_check_is_clean():
    result = _ruff("check", "--output-format", "concise")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_leaves_every_file_as_it_is():
    result = _ruff("format", "--check")
    assert result.returncode == 0, result.stdout + result.stderr
