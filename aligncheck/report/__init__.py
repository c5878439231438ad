"""Report stage: one module per format, each with render(result, rules) -> str.

Reporters only render what RunResult holds; they never compute findings.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from aligncheck.checks.base import Rule
from aligncheck.model import RunResult

FORMATS = ("rich", "text", "json", "sarif", "junit", "github", "markdown", "html")
EXTENSIONS = {
    "rich": "txt",
    "text": "txt",
    "json": "json",
    "sarif": "sarif",
    "junit": "xml",
    "github": "txt",
    "markdown": "md",
    "html": "html",
}
_MODULES = {"rich": "rich_report", "json": "json_report"}


def render(fmt: str, result: RunResult, rules: Sequence[type[Rule]], **options) -> str:
    module = importlib.import_module(f"aligncheck.report.{_MODULES.get(fmt, fmt)}")
    return module.render(result, rules, **options)
