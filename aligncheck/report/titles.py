"""The "terms and titles" table every rich report shows: each source title, and per version
its spellings with their counts (from ReleaseResult.titles, computed by extract/titles.py)."""

from __future__ import annotations

from aligncheck.model import ReleaseResult


def title_langs(release: ReleaseResult) -> list[str]:
    return [t.target.lang for t in release.targets]


def title_cells(release: ReleaseResult) -> list[tuple[str, int, list[str]]]:
    """(source title, places in the source, one cell per version: its spellings with counts,
    "—" for none), in source order."""
    rows = []
    for title in release.titles:
        cells = []
        for lang in title_langs(release):
            found = [r for r in title.renderings if r.lang == lang]
            cells.append(
                " · ".join(f"{r.text} ({r.count}×)" if len(found) > 1 else r.text for r in found)
                or "—"
            )
        rows.append((title.source, title.count, cells))
    return rows
