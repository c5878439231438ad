"""Warnings and errors on real translated documentation, judged by reading (issue 14).

    python benchmarks/precision_docs.py [DIR] [--review FILE]
        [--verdicts benchmarks/judged/precision_fastapi_docs.tsv]

DIR (default tests/fixtures/fastapi-docs: twelve FastAPI tutorial pages in en/ru/tr, MIT) holds
one release directory per page. Everything is checked as `aligncheck check DIR` checks it (the
default configuration, the default model, the embedding cache). --review writes every warning
and error with its segments and their neighbours, --verdicts counts a TSV of verdicts per rule,
as benchmarks/precision_unseen.py does for news text (same key, same verdicts).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from precision_unseen import REPORTED, report  # noqa: E402

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "fastapi-docs"


@dataclass(frozen=True)
class Page:
    """What the review writer asks of a document: its id and each version's segments."""

    id: str
    segments: dict

    def joined(self, lang: str) -> list[str]:
        return self.segments[lang]


def check(folder: Path):
    from aligncheck.app.config import load_config
    from aligncheck.app.run import check_releases
    from aligncheck.read import discover_releases

    releases = discover_releases([folder])
    with tempfile.TemporaryDirectory() as empty:
        config = load_config(Path(empty))
    result = check_releases(releases, config, use_cache=True, quiet=True)
    found, links = [], 0
    for release in result.releases:
        versions = {release.source.lang: [s.text for s in release.source.segments]}
        versions |= {t.target.lang: [s.text for s in t.target.segments] for t in release.targets}
        page = Page(release.name, versions)
        links += sum(len(t.links) for t in release.targets)
        found += [(page, f) for f in release.findings if f.severity.value in REPORTED]
    return found, links


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=FIXTURE)
    ap.add_argument("--review", type=Path)
    ap.add_argument("--verdicts", type=Path)
    args = ap.parse_args()
    found, links = check(args.folder)
    report(str(args.folder), found, links, args.review, args.verdicts)


if __name__ == "__main__":
    main()
