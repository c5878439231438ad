"""NTREX-dev split into a tuning half and an untouched half of documents (issue 12).

The rule that goes with it: **tune on the tuning half only; report the untouched half.** Look at
findings, misses and examples of `tuning_documents()` while changing rules; run benchmarks on
`untouched_documents()` only to report a figure, and do not change code because of what one of
its documents shows (that would make it a tuning half too).

The split: the 60 NTREX-dev documents (runs of equal ids in document_ids.txt) ordered by the
SHA-256 of their id; the first half of that order is the tuning half, the second the untouched
half (30 / 30). It depends on the ids alone, not on the text, the order of the file or any seed.

Paragraphs: lines are grouped into paragraphs of 2-4 lines exactly as
benchmarks/planted_suite.py groups them (one random.Random(13) drawn over the whole file in
document order), so paragraph k of a document is the same here and there. The grouping is
written out again rather than imported, because planted_suite imports aligncheck and the
planted-names generator that uses this module must not.

    from ntrex_split import tuning_documents, untouched_documents
    for doc in untouched_documents():
        doc.id, doc.paragraphs["en"], doc.joined("ru")

Nothing is copied from the corpus: it is read from ../shared/corpora/ntrex128-dev at run time
(`available()` says whether it is there).
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from pathlib import Path

NTREX = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ntrex128-dev"
LANGS = ("en", "ru", "kk", "az", "tk", "tr")
TARGETS = LANGS[1:]
GROUPING_SEED = 13  # planted_suite.load_docs


@dataclass(frozen=True)
class NtrexDocument:
    id: str  # the document id of document_ids.txt, e.g. "bbc.381790"
    index: int  # position among the corpus's documents (planted_suite's document number)
    paragraphs: dict[str, list[list[str]]]  # lang -> paragraphs, each a list of lines

    def lines(self, lang: str) -> list[str]:
        return [line for par in self.paragraphs[lang] for line in par]

    def joined(self, lang: str) -> list[str]:
        """Paragraphs as text: a paragraph's lines joined by spaces (as planted_suite does)."""
        return [" ".join(par) for par in self.paragraphs[lang]]


def available(corpus: Path = NTREX) -> bool:
    return (
        all((corpus / f"{lang}.txt").is_file() for lang in LANGS)
        and (corpus / "document_ids.txt").is_file()
    )


def split_key(doc_id: str) -> str:
    return hashlib.sha256(doc_id.encode("utf-8")).hexdigest()


@cache
def all_documents(corpus: Path = NTREX) -> tuple[NtrexDocument, ...]:
    """Every document in file order, lines grouped into planted_suite's paragraphs."""
    lines = {
        lang: (corpus / f"{lang}.txt").read_text(encoding="utf-8").splitlines() for lang in LANGS
    }
    ids = (corpus / "document_ids.txt").read_text(encoding="utf-8").splitlines()
    if any(len(v) != len(ids) for v in lines.values()):
        raise ValueError(f"{corpus}: the language files and document_ids.txt differ in length")
    rng = random.Random(GROUPING_SEED)
    docs, start = [], 0
    for doc_id, run in groupby(ids):
        n = len(list(run))
        groups, pos = [], start
        while pos < start + n:
            size = min(rng.randint(2, 4), start + n - pos)
            groups.append(range(pos, pos + size))
            pos += size
        paragraphs = {lang: [[lines[lang][i] for i in g] for g in groups] for lang in LANGS}
        docs.append(NtrexDocument(doc_id, len(docs), paragraphs))
        start += n
    if len({d.id for d in docs}) != len(docs):
        raise ValueError(f"{corpus}: a document id occurs in two separate runs")
    return tuple(docs)


def split(corpus: Path = NTREX) -> tuple[tuple[NtrexDocument, ...], tuple[NtrexDocument, ...]]:
    """(tuning, untouched): halves by the SHA-256 order of the ids, each in file order."""
    docs = all_documents(corpus)
    order = sorted(docs, key=lambda d: split_key(d.id))
    tuning_ids = {d.id for d in order[: len(order) // 2]}
    return (
        tuple(d for d in docs if d.id in tuning_ids),
        tuple(d for d in docs if d.id not in tuning_ids),
    )


def tuning_documents(corpus: Path = NTREX) -> tuple[NtrexDocument, ...]:
    """The half to look at and tune on."""
    return split(corpus)[0]


def untouched_documents(corpus: Path = NTREX) -> tuple[NtrexDocument, ...]:
    """The half to report on; never tune on it."""
    return split(corpus)[1]


def half(name: str, corpus: Path = NTREX) -> tuple[NtrexDocument, ...]:
    if name == "tuning":
        return tuning_documents(corpus)
    if name == "untouched":
        return untouched_documents(corpus)
    raise ValueError(f"unknown half {name!r} (tuning or untouched)")


if __name__ == "__main__":
    for name in ("tuning", "untouched"):
        docs = half(name)
        pars = sum(len(d.paragraphs["en"]) for d in docs)
        lines = sum(len(d.lines("en")) for d in docs)
        print(f"{name}: {len(docs)} documents, {pars} paragraphs, {lines} lines")
