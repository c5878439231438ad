"""Plain listing of an alignment, for `aligncheck align`; control characters from the texts
and paths are shown as escapes (see `visible`)."""

from __future__ import annotations

from collections.abc import Sequence

from aligncheck.model import Link, Segmentation
from aligncheck.report.visible import one_line

WIDTH = 60


def _cell(seg: Segmentation, indices: tuple[int, ...]) -> str:
    if not indices:
        return "—"
    text = one_line(" ".join(seg.texts(indices).split()))
    return text if len(text) <= WIDTH else text[: WIDTH - 1] + "…"


def render_alignment(source: Segmentation, target: Segmentation, links: Sequence[Link]) -> str:
    lines = [
        f"# {source.path} ({source.lang}, {len(source.segments)}) -> "
        f"{target.path} ({target.lang}, {len(target.segments)}), unit {source.unit}"
    ]
    for link in links:
        src = ",".join(map(str, link.source)) or "-"
        tgt = ",".join(map(str, link.target)) or "-"
        lines.append(
            f"{src:>7} : {tgt:<7} {link.score:5.2f}  {_cell(source, link.source)}  ||  "
            f"{_cell(target, link.target)}"
        )
    return "".join(one_line(line) + "\n" for line in lines)
