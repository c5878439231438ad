"""Word alignment quality on NTREX-dev without gold word alignments: a precision-like proxy.

For every line pair (English line i, target line i) the model's token vectors align words
(aligncheck/align/words.py). Two kinds of source words have a target word that plainly renders
them, found without aligncheck's extractors:

- numbers: a source word of digits (inner "." "," allowed) whose digits are those of a word of
  the target line (4,500 ~ 4.500);
- names: a capitalised source word (3+ letters) whose lower case begins the anyascii
  transliteration of a target word (Berlin ~ Берлине "Berline"; Johnson ~ Джонсон is missed).

For each such case: aligned = the word got any target span; hit = that span contains the
rendering (digits, or the transliteration). precision = hit / aligned, recall = hit / cases.
Time: seconds per 100 line pairs with the model loaded (warm): the token vectors of both lines
(model) and the alignment itself (align).

Run: python benchmarks/word_align_quality.py [--langs ru,kk,az,tk,tr] [--layers 8,12]
     [--methods argmax,itermax] [--limit N] [--half all|first|second]
--half takes the first or second half of the documents (tune on one, report on the other).
Skips (exit 0) when ../shared/corpora/ntrex128-dev is absent.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from anyascii import anyascii  # noqa: E402

from aligncheck.align.words import align_words, target_span_of, word_spans  # noqa: E402
from aligncheck.embed import load_embedder  # noqa: E402
from aligncheck.embed.embedder import l2_normalise  # noqa: E402

NTREX = HERE.parent.parent / "shared" / "corpora" / "ntrex128-dev"
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def lines(lang: str) -> list[str]:
    return (NTREX / f"{lang}.txt").read_text(encoding="utf-8").split("\n")[:956]


def chosen_lines(half: str, limit: int | None) -> list[int]:
    docs = (NTREX / "document_ids.txt").read_text(encoding="utf-8").split("\n")[:956]
    order = list(dict.fromkeys(docs))
    first = set(order[: len(order) // 2])
    keep = [i for i, d in enumerate(docs) if half == "all" or (d in first) == (half == "first")]
    return keep[:limit] if limit else keep


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def cases(source: str, target: str) -> list[tuple[str, int, int, str]]:
    """(kind, start, end, rendering) of the source words the target plainly renders."""
    target_words = [target[a:b] for a, b in word_spans(target)]
    target_digits = {digits(w) for w in target_words if NUMBER.fullmatch(w)}
    target_latin = [anyascii(w).lower() for w in target_words]
    out = []
    for a, b in word_spans(source):
        word = source[a:b]
        if NUMBER.fullmatch(word):
            if digits(word) in target_digits:
                out.append(("number", a, b, digits(word)))
        elif word[0].isupper() and len(word) >= 3 and word.isalpha():
            low = word.lower()
            if any(w.startswith(low) for w in target_latin):
                out.append(("name", a, b, low))
    return out


def is_hit(kind: str, rendering: str, span_text: str) -> bool:
    if kind == "number":
        return rendering in digits(span_text)
    return any(
        anyascii(span_text[a:b]).lower().startswith(rendering) for a, b in word_spans(span_text)
    )


def tokens(runner, prompt: str, texts: list[str], layer: int):
    return [
        (spans, l2_normalise(states))
        for spans, states in runner.token_states(texts, prompt=prompt, layer=layer)
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--langs", default="ru,kk,az,tk,tr")
    parser.add_argument("--layers", default="8,12")
    parser.add_argument("--methods", default="argmax,itermax")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--half", default="all", choices=("all", "first", "second"))
    args = parser.parse_args()
    if not NTREX.is_dir():
        print(f"skipped: {NTREX} not found")
        return 0
    embedder = load_embedder(use_cache=False)
    runner, prompt = embedder.model, embedder.prompt
    runner.token_states(["warm up the session"], prompt=prompt)
    keep = chosen_lines(args.half, args.limit)
    english = [lines("en")[i] for i in keep]
    print(
        f"{len(keep)} line pairs ({args.half}); runner {type(runner).__name__}; "
        f"proxy: precision = hit/aligned, recall = hit/cases"
    )
    header = (
        f"{'lang':4} {'layer':>5} {'method':8} | {'num':>4} {'prec':>5} {'rec':>5} | "
        f"{'name':>4} {'prec':>5} {'rec':>5} | {'model s':>7} {'align s':>7} (per 100 pairs)"
    )
    print(header)
    print("-" * len(header))
    totals: dict = {}
    for layer in [int(x) for x in args.layers.split(",")]:
        started = time.perf_counter()
        source_tokens = tokens(runner, prompt, english, layer)
        source_time = time.perf_counter() - started
        for lang in args.langs.split(","):
            target = [lines(lang)[i] for i in keep]
            started = time.perf_counter()
            target_tokens = tokens(runner, prompt, target, layer)
            model_time = source_time + time.perf_counter() - started
            for method in args.methods.split(","):
                count = {k: np.zeros(3, dtype=int) for k in ("number", "name")}
                started = time.perf_counter()
                for s, t, st, tt in zip(english, target, source_tokens, target_tokens):
                    alignment = align_words(s, t, st, tt, method)
                    for kind, a, b, rendering in cases(s, t):
                        span = target_span_of(a, b, alignment)
                        hit = span is not None and is_hit(kind, rendering, t[span[0] : span[1]])
                        count[kind] += (1, span is not None, hit)
                align_time = time.perf_counter() - started
                cells = []
                for kind in ("number", "name"):
                    n, aligned, hit = count[kind].tolist()
                    total = totals.setdefault((layer, method, kind), np.zeros(3, dtype=int))
                    total += count[kind]
                    cells.append(f"{n:4d} {hit / max(aligned, 1):5.3f} {hit / max(n, 1):5.3f}")
                per = 100 / max(len(keep), 1)
                print(
                    f"{lang:4} {layer:5d} {method:8} | {cells[0]} | {cells[1]} | "
                    f"{model_time * per:7.2f} {align_time * per:7.3f}"
                )
    print("all languages:")
    for (layer, method, kind), (n, aligned, hit) in sorted(totals.items()):
        print(
            f"  layer {layer:2d} {method:8} {kind:6} cases {n:5d}  "
            f"precision {hit / max(aligned, 1):.3f}  recall {hit / max(n, 1):.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
