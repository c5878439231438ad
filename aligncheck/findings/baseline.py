"""Baselines: record today's findings by fingerprint, then report only new ones.

The file is JSON, versioned and sorted so that it diffs well; besides each fingerprint
it keeps rule, language, path and message for the humans reviewing it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from aligncheck._runtime.safe_write import write_text
from aligncheck.errors import InputError
from aligncheck.model import Finding

VERSION = 1


def _require_fingerprints(findings: Sequence[Finding]) -> None:
    if any(not f.fingerprint for f in findings):
        raise ValueError(
            "findings need fingerprints first (aligncheck.findings.fingerprint.assign_fingerprints)"
        )


def _entry(f: Finding) -> dict[str, str]:
    location = f.target_location or f.source_location
    return {
        "fingerprint": f.fingerprint,
        "rule": f.rule,
        "lang": f.lang,
        "path": location.path if location else "",
        "message": f.message,
    }


def write_baseline(path: str | Path, findings: Sequence[Finding]) -> None:
    _require_fingerprints(findings)
    entries = sorted(
        (_entry(f) for f in findings), key=lambda e: (e["lang"], e["rule"], e["fingerprint"])
    )
    text = json.dumps(
        {"aligncheck_baseline": VERSION, "findings": entries}, ensure_ascii=False, indent=2
    )
    write_text(path, text + "\n", what="the baseline", option="--write-baseline path")


def read_baseline(path: str | Path) -> set[str]:
    """The fingerprints a baseline file records."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(
            "baseline file not found (create it with --write-baseline)", str(path)
        ) from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read baseline: {err}", str(path)) from None
    except json.JSONDecodeError as err:
        raise InputError(f"baseline is not valid JSON: {err}", str(path)) from None
    if not isinstance(data, dict) or "aligncheck_baseline" not in data:
        raise InputError("not an aligncheck baseline (no 'aligncheck_baseline' version)", str(path))
    if data["aligncheck_baseline"] != VERSION:
        raise InputError(
            f"unsupported baseline version {data['aligncheck_baseline']!r} "
            f"(this aligncheck reads {VERSION}); write it again",
            str(path),
        )
    entries = data.get("findings")
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries
    ):
        raise InputError(
            "'findings' must be a list of objects with a 'fingerprint' string", str(path)
        )
    return {e["fingerprint"] for e in entries}


def filter_baseline(findings: Iterable[Finding], path: str | Path) -> tuple[list[Finding], int]:
    """(findings not in the baseline, how many were)."""
    findings = list(findings)
    _require_fingerprints(findings)
    known = read_baseline(path)
    new = [f for f in findings if f.fingerprint not in known]
    return new, len(findings) - len(new)
