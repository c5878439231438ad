"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request diff.

    ::error file=ru.md,line=7,col=26,endLine=7,endColumn=28,title=NU01 number-mismatch::message

Paths are relative to the working directory (the checkout root in a workflow). Values are
escaped as GitHub's toolkit does (`%`, CR, LF; also `:` and `,` in properties), after control
and bidi characters are made visible: the commands are read from the job's log.
"""

from __future__ import annotations

from collections.abc import Sequence

from aligncheck.checks.base import Rule
from aligncheck.model import Finding, ReleaseResult, RunResult, Severity
from aligncheck.report.sarif import primary, relative_path, span_end, target_of
from aligncheck.report.visible import visible

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _message(f: Finding, release: ReleaseResult) -> str:
    lines = [f"{f.message} [{release.name}: {release.source.lang} -> {f.lang}]"]
    if f.source_text:
        lines.append(f"source: {f.source_text}")
    if f.target_text:
        lines.append(f"target: {f.target_text}")
    return "\n".join(lines)


def annotation(f: Finding, release: ReleaseResult, names: dict[str, str]) -> str:
    props: list[tuple[str, object]] = []
    where = primary(f, release)
    target = target_of(f, release)
    if where is not None:
        loc, seg, span = where
        props += [("file", relative_path(loc.path)), ("line", loc.line), ("col", loc.column)]
        end = span_end(seg, span)
        if end:
            props += [("endLine", end[0]), ("endColumn", end[1])]
    elif target is not None:
        props.append(("file", relative_path(target.path)))
    props.append(("title", f"{f.rule} {names.get(f.rule, f.category)}".strip()))
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props)
    return f"::{COMMANDS[f.severity]} {joined}::{escape_data(_message(f, release))}"


def render(result: RunResult, rules: Sequence[type[Rule]] = (), **_) -> str:
    names = {r.code: r.name for r in rules}
    lines = [
        annotation(f, release, names)
        for release in result.releases
        for f in sorted(release.findings, key=Finding.sort_key)
    ]
    return "".join(line + "\n" for line in lines)
