"""Word alignment inside a linked source/target pair, from the model's token vectors.

SimAlign's idea (Jalili Sabet et al. 2020): no training, only the similarity of contextual
token vectors. A word's vector is the mean of its subword tokens' vectors (`Embedder.
token_vectors`, L2-normalised again); two words are aligned when each is the other's most
similar word ("argmax": the intersection of both directions, high precision). "itermax" then
gives the words left unaligned in both texts further argmax rounds among themselves, with
the aligned ones' rows and columns damped, as SimAlign does (more recall, a little less
precision). Words are runs of letters and digits (a number keeps its inner separators:
"1,250.5" is one word, an apostrophe joins a suffix: "Berlin'de"); a hyphen separates words
("Сан-Диего" is two, as "San Diego" is); punctuation is never aligned.

A pair's matrix is words x words of one paragraph pair, so memory is small; no step looks
outside the pair. Ties go to the earlier word, so the result is deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

Span = tuple[int, int]
WordLink = tuple[Span, Span]

METHODS = ("argmax", "itermax")
ITERMAX_ROUNDS = 2  # SimAlign's max_count: the first argmax round and one more
ITERMAX_DAMPING = 0.9  # SimAlign's alpha_ratio: weight kept by a word already aligned

_WORD = re.compile(r"\d+(?:[.,\u00a0\u202f'’]\d+)*|[^\W_]+(?:['’][^\W_]+)*")


def word_spans(text: str) -> list[Span]:
    """The words of `text` as character spans, in order."""
    return [m.span() for m in _WORD.finditer(text)]


def word_vectors(text: str, tokens: tuple[np.ndarray, np.ndarray]) -> tuple[list[Span], np.ndarray]:
    """The words of `text` that some token covers, and their vectors (mean of the vectors of
    the tokens overlapping the word, L2-normalised)."""
    spans, vectors = tokens
    spans = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
    words = word_spans(text)
    if not words or not len(spans):
        return [], np.zeros((0, vectors.shape[1] if vectors.ndim == 2 else 0), np.float32)
    starts = np.array([a for a, _ in words], dtype=np.int64)
    ends = np.array([b for _, b in words], dtype=np.int64)
    # tokens are in text order: those overlapping a word form a contiguous run
    first = np.searchsorted(spans[:, 1], starts, side="right")
    last = np.searchsorted(spans[:, 0], ends, side="left")
    kept, rows = [], []
    for n, (a, b) in enumerate(zip(first.tolist(), last.tolist())):
        if a < b:
            kept.append(words[n])
            rows.append(vectors[a:b].mean(axis=0))
    if not rows:
        return [], np.zeros((0, vectors.shape[1]), np.float32)
    matrix = np.asarray(rows, dtype=np.float32)
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
    return kept, matrix


def _mutual_argmax(sim: np.ndarray) -> np.ndarray:
    """Boolean matrix: (i, j) where j is i's best column and i is j's best row."""
    m, n = sim.shape
    out = np.zeros((m, n), dtype=bool)
    forward = sim.argmax(axis=1)  # argmax takes the first of equal values: deterministic
    backward = sim.argmax(axis=0)
    rows = np.arange(m)
    mutual = backward[forward] == rows
    out[rows[mutual], forward[mutual]] = True
    return out


def _itermax(sim: np.ndarray) -> np.ndarray:
    """SimAlign's itermax: argmax, then rounds among the words still unaligned on one side."""
    aligned = _mutual_argmax(sim)
    if min(sim.shape) <= 2:
        return aligned
    for _ in range(ITERMAX_ROUNDS - 1):
        free_rows = ~aligned.any(axis=1)
        free_cols = ~aligned.any(axis=0)
        if not free_rows.any() or not free_cols.any():
            break
        # a pair with both words free keeps its whole score; with one aligned, 0.9; with both
        # aligned it cannot be chosen
        weight = np.clip(
            ITERMAX_DAMPING * free_rows[:, None] + ITERMAX_DAMPING * free_cols[None, :], 0, 1
        )
        either_free = free_rows[:, None] | free_cols[None, :]
        new = _mutual_argmax(sim * weight) & either_free
        if not (new & ~aligned).any():
            break
        aligned |= new
    return aligned


def align_words(
    source_text: str,
    target_text: str,
    source_tokens: tuple[np.ndarray, np.ndarray],
    target_tokens: tuple[np.ndarray, np.ndarray],
    method: str = "argmax",
) -> list[WordLink]:
    """Aligned (source word span, target word span) pairs, sorted by source then target.

    `source_tokens` and `target_tokens` are the texts' (spans, vectors) from
    `Embedder.token_vectors`; `method` is "argmax" (both directions agree) or "itermax"."""
    if method not in METHODS:
        raise ValueError(f"unknown word alignment method {method!r}; one of {METHODS}")
    source_words, source_matrix = word_vectors(source_text, source_tokens)
    target_words, target_matrix = word_vectors(target_text, target_tokens)
    if not source_words or not target_words:
        return []
    sim = source_matrix @ target_matrix.T
    aligned = _mutual_argmax(sim) if method == "argmax" else _itermax(sim)
    return [(source_words[i], target_words[j]) for i, j in zip(*np.nonzero(aligned))]


def target_span_of(
    source_start: int, source_end: int, alignment: Sequence[WordLink]
) -> Span | None:
    """The target character span (from its first to its last aligned word) that the source
    words overlapping [source_start, source_end) are aligned to; None when none is aligned."""
    targets = [target for (a, b), target in alignment if a < source_end and source_start < b]
    if not targets:
        return None
    return min(a for a, _ in targets), max(b for _, b in targets)


def gap_between_neighbours(
    source_start: int, source_end: int, alignment: Sequence[WordLink], widest: int
) -> Span | None:
    """Where unaligned source words [source_start, source_end) would go: the target text
    between the words aligned to their nearest aligned neighbours before and after, when
    those keep their order and lie at most `widest` characters apart; None otherwise."""
    before, after = _nearest_aligned(source_start, source_end, alignment)
    if not before or not after:
        return None
    left, right = before[1], after[1]
    if left[1] > right[0] or right[0] - left[1] > widest:
        return None
    return left[1], right[0]


def beside_neighbours(
    source_start: int, source_end: int, alignment: Sequence[WordLink], reach: int
) -> list[Span]:
    """Where `gap_between_neighbours` finds no gap: the end of the target word aligned to the
    nearest aligned source word before [source_start, source_end), and the start of the one
    aligned to the nearest after, each an empty span, for those source words at most `reach`
    characters from it."""
    before, after = _nearest_aligned(source_start, source_end, alignment)
    spans = []
    if before and source_start - before[0][1] <= reach:
        spans.append((before[1][1], before[1][1]))
    if after and after[0][0] - source_end <= reach:
        spans.append((after[1][0], after[1][0]))
    return spans


def _nearest_aligned(
    source_start: int, source_end: int, alignment: Sequence[WordLink]
) -> tuple[WordLink | None, WordLink | None]:
    """The links of the nearest aligned source words before and after [source_start,
    source_end) (the links are sorted by source word)."""
    before = [link for link in alignment if link[0][1] <= source_start]
    after = [link for link in alignment if link[0][0] >= source_end]
    return (before[-1] if before else None), (after[0] if after else None)


# What the embedding cache keeps alignments under (with the model id): bump when the words,
# the method or the layer change.
ALIGNMENT_KIND = "word-alignment-argmax-v1"
_EXACT = 1 << 24  # float32 holds every integer below this: offsets beyond are not stored


def link_alignment(ctx, source_text: str, target_text: str) -> list[WordLink] | None:
    """The argmax word alignment of one linked pair's texts, from the release's embedder
    (`ctx.resources["embedder"]`), remembered for the release and kept in the embedding cache
    (a warm run aligns without the model); None when the embedder gives no token vectors (a
    sentence-transformers `--model`, a stand-in): no word alignment then."""
    embedder = ctx.resources.get("embedder")
    if embedder is None:
        return None
    return ctx.remember(
        ("word alignment", source_text, target_text),
        lambda: _aligned(embedder, source_text, target_text),
    )


def _aligned(embedder, source_text: str, target_text: str) -> list[WordLink] | None:
    from aligncheck.embed import token_vectors
    from aligncheck.embed.cache import text_key

    stored = getattr(embedder, "stored", None)
    key = text_key(f"{source_text}\x00{target_text}")
    if stored is not None:
        found = stored(ALIGNMENT_KIND, [key]).get(key)
        if found is not None:
            decoded = _decode(found, len(source_text), len(target_text))
            if decoded is not None:
                return decoded
    vectors = token_vectors(embedder, [source_text, target_text])
    if not vectors:
        return None
    links = align_words(source_text, target_text, vectors[0], vectors[1])
    if stored is not None and max(len(source_text), len(target_text)) < _EXACT:
        embedder.store(ALIGNMENT_KIND, [(key, _encode(links))])
    return links


def _encode(links: list[WordLink]) -> np.ndarray:
    """Word links as a flat float32 array (a, b, c, d per link); [-1] for none (the cache keeps
    no empty rows)."""
    if not links:
        return np.array([-1.0], dtype=np.float32)
    return np.array([n for (a, b), (c, d) in links for n in (a, b, c, d)], dtype=np.float32)


def _decode(array: np.ndarray, source_length: int, target_length: int) -> list[WordLink] | None:
    """The links `_encode` stored, or None when the row cannot be them (it is computed again)."""
    if array.shape == (1,) and array[0] == -1:
        return []
    if array.size % 4 or not np.all(np.isfinite(array)):
        return None
    numbers = array.astype(np.int64)
    if not np.array_equal(numbers, array) or numbers.min(initial=0) < 0:
        return None
    rows = numbers.reshape(-1, 4).tolist()
    if any(not (a < b <= source_length and c < d <= target_length) for a, b, c, d in rows):
        return None
    return [((a, b), (c, d)) for a, b, c, d in rows]
