"""Where reports go: each --format to its --output, stdout, or reports/."""

from __future__ import annotations

import sys
from pathlib import Path

from aligncheck.checks import all_rules
from aligncheck.errors import InputError
from aligncheck.model import RunResult
from aligncheck.report import EXTENSIONS, render
from aligncheck.report.visible import one_line

STREAM_FORMATS = ("rich", "text", "json", "github", "markdown")


def _default_format() -> str:
    return "rich" if sys.stdout.isatty() else "text"


def _default_path(result: RunResult, fmt: str, output_dir: Path) -> Path:
    names = [r.name for r in result.releases]
    stem = names[0] if len(names) == 1 else "aligncheck"
    return output_dir / f"{stem}.{EXTENSIONS[fmt]}"


def plan_outputs(result: RunResult, formats: list[str], outputs: list[Path], output_dir: Path) -> list[tuple[str, Path | None]]:
    """Pair formats with paths (None = stdout); at most one format may go to stdout."""
    formats = formats or [_default_format()]
    if len(outputs) > len(formats):
        raise InputError(f"{len(outputs)} --output for {len(formats)} --format; give one --format per --output")
    plan: list[tuple[str, Path | None]] = []
    for i, fmt in enumerate(formats):
        path = outputs[i] if i < len(outputs) else None
        if path is not None and str(path) == "-":
            path = None
        elif path is None and (fmt not in STREAM_FORMATS or any(p is None for _, p in plan)):
            path = _default_path(result, fmt, output_dir)
        plan.append((fmt, path))
    return plan


def write_reports(result: RunResult, config, outputs: list[Path]) -> None:
    rules = all_rules()
    chosen = [] if config.origins.get("format", "default") == "default" else list(config.format)
    for fmt, path in plan_outputs(result, chosen, outputs, Path(config.output_dir)):
        options = {"fail_on": config.fail_on}
        if fmt == "rich":
            options["color"] = path is None and sys.stdout.isatty()
        text = render(fmt, result, rules, **options)
        if path is None:
            sys.stdout.write(text)
            sys.stdout.flush()
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot write the {fmt} report: {exc.strerror}", str(path)) from None
        print(f"aligncheck: wrote {fmt} report to {one_line(str(path))}", file=sys.stderr)
