"""A unigram tokenizer holding only the pieces its texts can use.

Loading tokenizer.json's 250,002 pieces costs 1-2 s of a cold run. Viterbi over a unigram
vocabulary only ever uses pieces that are substrings of a pre-tokenised word, so a tokenizer
built from just those pieces (plus the special tokens and the lowest-scored piece, which sets
the unknown-token penalty) gives the same ids. The pieces live in a side file written once
from tokenizer.json: their strings in id order, their scores, and a sorted 64-bit polynomial
hash per piece; the texts' substrings are hashed the same way, all at once in numpy, and a
hash collision only adds a harmless extra piece.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import numpy as np

TABLE_VERSION = 1  # bump when the side file changes: the file name changes with it


def table_path(model_dir: Path) -> Path:
    return model_dir / f"unigram-pieces-v{TABLE_VERSION}.npz"


_BASE = np.uint64(0x100000001B3)


def _codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)


def _substring_hashes(words: list[str], longest: int) -> np.ndarray:
    """The hash of every substring of at most `longest` characters of each word."""
    if not words:
        return np.zeros(0, dtype=np.uint64)
    chars = _codepoints("".join(words))
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    word_end = np.repeat(np.cumsum(lengths), lengths)
    starts = np.arange(len(chars))
    hashes, found = np.zeros(len(chars), dtype=np.uint64), []
    with np.errstate(over="ignore"):
        for size in range(1, longest + 1):
            fits = starts + size <= word_end
            if not fits.any():
                break
            ends = np.minimum(starts + size - 1, len(chars) - 1)
            hashes = hashes * _BASE + chars[ends] + np.uint64(1)
            found.append(hashes[fits])
    return np.concatenate(found)


def _whole_hashes(pieces: list[str]) -> np.ndarray:
    """The same hash as `_substring_hashes`, of each whole string."""
    table = np.array(pieces)
    chars = table.view(np.uint32).reshape(len(pieces), -1).astype(np.uint64)
    lengths = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
    hashes = np.zeros(len(pieces), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for column in range(chars.shape[1]):
            inside = column < lengths
            hashes[inside] = hashes[inside] * _BASE + chars[inside, column] + np.uint64(1)
    return hashes


def ensure_table(model_dir: Path) -> bool:
    """Write the side file if missing; False when this tokenizer does not qualify."""
    if table_path(model_dir).is_file():
        return True
    spec = json.loads((model_dir / "tokenizer.json").read_text("utf-8"))
    model = spec.get("model", {})
    if model.get("type") != "Unigram" or model.get("byte_fallback"):
        return False
    if any(t.get("normalized") for t in spec.get("added_tokens", [])):
        return False  # words are found by splitting the raw text at the added tokens
    pieces = [piece for piece, _ in model["vocab"]]
    special_ids = sorted({t["id"] for t in spec.get("added_tokens", [])} | {model["unk_id"]})
    template_ids = [
        i
        for t in (spec.get("post_processor") or {}).get("special_tokens", {}).values()
        for i in t.get("ids", [])
    ]
    leading = next((n for n in range(len(special_ids)) if special_ids[n] != n), len(special_ids))
    if any(i >= leading for i in template_ids) or model["unk_id"] >= leading:
        return False  # the template's ids must mean the same in every subset
    shell = dict(spec, added_tokens=[], model=dict(model, vocab=model["vocab"][:leading]))
    keys = _whole_hashes(pieces)
    if len(np.unique(keys)) < len(keys):
        return False  # two pieces share a hash: not worth handling
    order = np.argsort(keys, kind="stable").astype(np.int32)
    fd, tmp = tempfile.mkstemp(prefix=".pieces-", suffix=".npz", dir=model_dir)
    with os.fdopen(fd, "wb") as out:
        np.savez(
            out,
            pieces=np.array(pieces),
            scores=np.array([s for _, s in model["vocab"]]),
            keys=keys[order],
            ids=order,
            always=np.array(special_ids, dtype=np.int32),
            unk=np.array(model["unk_id"]),
            shell=np.array(json.dumps(shell)),
            added=np.array(json.dumps(spec.get("added_tokens", []))),
        )
    os.replace(tmp, table_path(model_dir))
    return True


class SubsetTokenizer:
    """`encode_ids(texts)` equals the full tokenizer's ids, at a fraction of its load time."""

    def __init__(self, model_dir: Path):
        from tokenizers import Tokenizer

        with np.load(table_path(model_dir)) as table:
            self.pieces, self.scores = table["pieces"], table["scores"]
            self.keys, self.key_ids = table["keys"], table["ids"]
            self.needed = {int(np.argmin(self.scores)), *table["always"].tolist()}
            self.unk = int(table["unk"])
            self.shell = Tokenizer.from_str(str(table["shell"]))
            self.added = json.loads(str(table["added"]))
        self.longest = self.pieces.dtype.itemsize // 4  # numpy stores str as UCS-4
        self.specials = [t["content"] for t in self.added]
        self.words: set[str] = set()
        self.tokenizer, self.ids = None, np.zeros(0, dtype=np.int64)

    def _words(self, text: str) -> list[str]:
        parts = [text]
        for special in self.specials:
            parts = [piece for part in parts for piece in part.split(special)]
        normalizer, pre_tokenizer = self.shell.normalizer, self.shell.pre_tokenizer
        return [
            w
            for part in parts
            if part
            for w, _ in pre_tokenizer.pre_tokenize_str(normalizer.normalize_str(part))
        ]

    def _add_pieces(self, words: set[str]) -> bool:
        hashes = _substring_hashes(sorted(words), self.longest)
        at = np.minimum(np.searchsorted(self.keys, hashes), len(self.keys) - 1)
        new = set(self.key_ids[at[self.keys[at] == hashes]].tolist()) - self.needed
        self.needed |= new
        return bool(new)

    def _build(self) -> None:
        from tokenizers import AddedToken, Tokenizer, models

        ids = np.array(sorted(self.needed), dtype=np.int64)
        vocab = list(zip(self.pieces[ids].tolist(), self.scores[ids].tolist()))
        shell = self.shell
        tokenizer = Tokenizer(
            models.Unigram(vocab, unk_id=int(np.searchsorted(ids, self.unk)), byte_fallback=False)
        )
        tokenizer.normalizer, tokenizer.pre_tokenizer = shell.normalizer, shell.pre_tokenizer
        tokenizer.post_processor = shell.post_processor
        tokenizer.add_special_tokens(
            [
                AddedToken(
                    t["content"],
                    single_word=t["single_word"],
                    lstrip=t["lstrip"],
                    rstrip=t["rstrip"],
                    normalized=t["normalized"],
                    special=t["special"],
                )
                for t in self.added
            ]
        )
        self.tokenizer, self.ids = tokenizer, ids

    def encode_ids(self, texts: list[str]) -> list[list[int]]:
        return [ids for ids, _ in self.encode_offsets(texts)]

    __call__ = encode_ids

    def encode_offsets(self, texts: list[str]) -> list[tuple[list[int], list[tuple[int, int]]]]:
        """Per text, its token ids and each token's character span in the text."""
        new_words = {w for text in texts for w in self._words(text)} - self.words
        self.words |= new_words
        if self._add_pieces(new_words) or self.tokenizer is None:
            self._build()
        ids = self.ids
        return [
            (ids[encoding.ids].tolist(), encoding.offsets)
            for encoding in self.tokenizer.encode_batch(texts)
        ]
