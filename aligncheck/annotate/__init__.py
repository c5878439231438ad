"""`check --annotate OUT`: a copy of every XLIFF, PO and TMX input, written under OUT, with the
run's findings as notes on the units they concern, for translators to see in their CAT tool.

The inputs are never written: a copy that would land on an input is refused before the run
(app/outputs.py), and each copy is written atomically (_runtime/safe_write.py). A copy keeps
the file's encoding; aligncheck's notes from an earlier run are replaced, so annotating an
annotated file again gives the same file. A finding goes to the file of its language, on the
unit of its target segment, or of its source segment when the target has none (an untranslated
unit); a finding on no unit at all is not written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from aligncheck.errors import InputError
from aligncheck.model import Finding, Release, RunResult, Segmentation


@dataclass(frozen=True)
class Copy:
    source: str  # the input file
    target: Path  # its annotated copy
    format: str  # "xliff", "po" or "tmx"


def plan_copies(releases: Sequence[Release], out_dir: Path) -> list[Copy]:
    """Where each translator input's copy goes; InputError when there is none, when OUT is a
    file, or when two inputs share a name."""
    formats = {d.path: d.format for r in releases if r.paired for d in (r.source, *r.targets)}
    if not formats:
        raise InputError("--annotate writes notes into XLIFF, PO and TMX files; no input is one")
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError("--annotate needs a directory for the annotated copies", str(out_dir))
    copies, names = [], {}
    for path in sorted(formats):
        name = Path(path).name
        if name in names:
            raise InputError(
                f"--annotate: {names[name]} and {path} would both be copied to {out_dir / name}; "
                "annotate them in separate runs"
            )
        names[name] = path
        copies.append(Copy(path, out_dir / name, formats[path]))
    return copies


def _note(finding: Finding, fmt: str) -> str:
    from aligncheck.report.visible import one_line

    lang = f"{finding.lang} " if fmt == "tmx" else ""
    return f"{lang}{finding.rule} {finding.severity.value}: {one_line(finding.message)}"


def notes_by_file(result: RunResult, formats: dict[str, str]) -> dict[str, dict[str, list[str]]]:
    """path -> unit key -> the notes of the findings on that unit, in the report's order."""
    notes: dict[str, dict[str, list[str]]] = {}
    for release in result.releases:
        versions: dict[str, Segmentation] = {t.target.lang: t.target for t in release.targets}
        for finding in release.findings:
            target = versions.get(finding.lang)
            side, indices = (target, finding.target_segments)
            if not indices:
                side, indices = (release.source, finding.source_segments)
            if target is None or not indices or target.path not in formats:
                continue
            key = side.segments[indices[0]].key
            text = _note(finding, formats[target.path])
            notes.setdefault(target.path, {}).setdefault(key, []).append(text)
    return notes


def write_copies(result: RunResult, copies: Sequence[Copy], max_input_mb: float | None) -> None:
    from aligncheck._runtime.safe_write import write_bytes
    from aligncheck.annotate.annotated import annotated
    from aligncheck.read.document import read_bytes
    from aligncheck.read.policy import read_policy

    policy = read_policy(max_input_mb=max_input_mb)
    notes = notes_by_file(result, {c.source: c.format for c in copies})
    for copy in copies:
        data = read_bytes(Path(copy.source), policy)
        out = annotated(data, copy.source, copy.format, notes.get(copy.source, {}))
        write_bytes(copy.target, out, what="the annotated copy", option="--annotate")
