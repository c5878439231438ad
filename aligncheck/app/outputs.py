"""Where reports go: each --format to its --output, stdout, or reports/."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from aligncheck._runtime.safe_write import refuse_overwriting, write_text
from aligncheck._runtime.stdout import write_stdout
from aligncheck.checks import all_rules
from aligncheck.errors import InputError
from aligncheck.model import Release, RunResult
from aligncheck.report import EXTENSIONS, render
from aligncheck.report.visible import one_line

STREAM_FORMATS = ("rich", "text", "json", "github", "markdown")


def _stdout_is_terminal() -> bool:
    return sys.stdout is not None and sys.stdout.isatty()


def _default_format() -> str:
    return "rich" if _stdout_is_terminal() else "text"


def _default_path(names: Sequence[str], fmt: str, output_dir: Path) -> Path:
    stem = names[0] if len(names) == 1 else "aligncheck"
    return output_dir / f"{stem}.{EXTENSIONS[fmt]}"


def plan_outputs(
    result: RunResult, formats: list[str], outputs: list[Path], output_dir: Path
) -> list[tuple[str, Path | None]]:
    """Pair formats with paths (None = stdout); at most one format may go to stdout."""
    return _plan([r.name for r in result.releases], formats, outputs, output_dir)


def _chosen_formats(config) -> list[str]:
    return [] if config.origins.get("format", "default") == "default" else list(config.format)


def _plan(
    names: Sequence[str], formats: list[str], outputs: list[Path], output_dir: Path
) -> list[tuple[str, Path | None]]:
    formats = formats or [_default_format()]
    if len(outputs) > len(formats):
        raise InputError(
            f"{len(outputs)} --output for {len(formats)} --format; give one --format per --output"
        )
    plan: list[tuple[str, Path | None]] = []
    for i, fmt in enumerate(formats):
        path = outputs[i] if i < len(outputs) else None
        if path is not None and str(path) == "-":
            path = None
        elif path is None and (fmt not in STREAM_FORMATS or any(p is None for _, p in plan)):
            path = _default_path(names, fmt, output_dir)
        plan.append((fmt, path))
    return plan


def refuse_unsafe_outputs(
    config,
    outputs: list[Path],
    releases: Sequence[Release],
    *,
    baseline_out: Path | None,
    baseline_in: Path | None,
    annotated: Sequence[Path] = (),
) -> None:
    """Before the run: InputError when a report, the baseline or an annotated copy written would
    overwrite an input (a translation, glossary, config or baseline file) or another output, or
    stdout is closed."""
    plan = _plan(
        [r.name for r in releases], _chosen_formats(config), outputs, Path(config.output_dir)
    )
    to_stdout = [fmt for fmt, path in plan if path is None]
    if len(to_stdout) > 1:
        raise InputError(
            f"the {' and '.join(to_stdout)} reports would both go to standard output; "
            "give one of them --output FILE"
        )
    if sys.stdout is None and to_stdout:
        raise InputError("standard output is closed; give --output FILE for the report")
    written = [(f"the {fmt} report", path) for fmt, path in plan if path is not None]
    if baseline_out is not None:
        written.append(("--write-baseline", baseline_out))
    written.extend(("--annotate", path) for path in annotated)
    refuse_overwriting(
        written, [*run_inputs(config, releases), *([baseline_in] if baseline_in else [])]
    )


def run_inputs(config, releases: Sequence[Release]) -> list[str | Path]:
    """The files a run reads: every version, the glossaries and the config file."""
    return [
        *(d.path for r in releases for d in (r.source, *r.targets)),
        *config.glossaries,
        *([config.path] if config.path else []),
    ]


def write_reports(result: RunResult, config, outputs: list[Path]) -> None:
    rules = all_rules()
    for fmt, path in plan_outputs(
        result, _chosen_formats(config), outputs, Path(config.output_dir)
    ):
        options = {"fail_on": config.fail_on}
        if fmt == "rich":
            options["color"] = path is None and _stdout_is_terminal()
        text = render(fmt, result, rules, **options)
        if path is None:
            write_stdout(text)
            continue
        write_text(path, text, what=f"the {fmt} report", option="--output")
        print(f"aligncheck: wrote {fmt} report to {one_line(str(path))}", file=sys.stderr)
