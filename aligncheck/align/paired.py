"""Links of versions whose units are already paired (XLIFF, PO, TMX): by `Segment.key`, with
no embedding. A unit is one link whatever its segments (several with --unit sentence); a source
unit the target lacks links to nothing (score 0), and a target unit the source lacks stands
after the link of the target unit before it."""

from __future__ import annotations

from aligncheck.model import Link, Segmentation


def _groups(seg: Segmentation) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {}
    for segment in seg.segments:
        groups.setdefault(segment.key, []).append(segment.index)
    return groups


def paired_links(source: Segmentation, target: Segmentation) -> tuple[Link, ...]:
    sources, targets = _groups(source), _groups(target)
    links = [
        Link(tuple(indices), tuple(targets.get(key, ())), 1.0 if key in targets else 0.0)
        for key, indices in sources.items()
    ]
    link_of = {i: n for n, link in enumerate(links) for i in link.target}
    after: dict[int, list[Link]] = {}
    previous = -1  # the link of the last paired target unit seen, in target order
    for key, indices in targets.items():
        if key in sources:
            previous = link_of[indices[0]]
        else:
            after.setdefault(previous, []).append(Link((), tuple(indices), 0.0))
    ordered = after.get(-1, [])
    for n, link in enumerate(links):
        ordered.append(link)
        ordered.extend(after.get(n, ()))
    return tuple(ordered)
