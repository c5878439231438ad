"""The seed's four language pairs against the hand-made paragraph gold (indices only)."""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold" / "seed_000.json"
SHARED = ROOT.parent / "shared"

pytestmark = pytest.mark.slow


def blocks():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    path = SHARED / gold["file"]
    if not path.exists():
        pytest.skip("shared seeds not available")
    from aligncheck.model import Document
    from aligncheck.segment import segment_document

    lines = path.read_text(encoding="utf-8").split("\n")
    texts = {
        lang: [
            s.text
            for s in segment_document(
                Document(str(path), lang, "\n".join(lines[a - 1 : b]))
            ).segments
        ]
        for lang, (a, b) in gold["blocks"].items()
    }
    return gold, texts


def test_seed_pairs_match_the_gold_alignment():
    gold, texts = blocks()
    from aligncheck.align import align
    from aligncheck.embed import load_embedder

    embed = load_embedder().embed
    for pair, links in gold["pairs"].items():
        target = pair.split("-")[1]
        expected = [(tuple(s), tuple(t)) for s, t in links]
        found = [(x.source, x.target) for x in align(texts["en"], texts[target], embed)]
        wrong = set(found) - set(expected)
        assert len(wrong) <= 1, (pair, sorted(wrong))
