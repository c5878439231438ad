"""The cached embedder: cache hits from SQLite, misses encoded in length-sorted batches.

The model is loaded lazily, on the first miss, so a fully cached run never
imports torch or sentence-transformers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from aligncheck.embed.cache import EmbeddingCache, is_unit_vector, text_key

BATCH_SIZE = 32  # texts per forward pass of a sentence-transformers model
CHUNK_SIZE = 256  # texts per encode call: the unit of progress and of cache writes
Progress = Callable[[int, int], None]


def l2_normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


class CachedEmbedder:
    """`name` is the id shown in reports; `model_id` also fingerprints the weights."""

    def __init__(
        self,
        name: str,
        model_id: str,
        prompt: str,
        load: Callable[[], object],
        cache: EmbeddingCache | None,
        progress: Progress | None = None,
        dim: int | None = None,
        tokens: bool = False,
    ):
        self.name = name
        self.model_id = model_id
        self.prompt = prompt
        self.cache = cache
        self.progress = progress
        self._load = load
        self._model = None
        self._dim = dim
        self._memo: dict[bytes, np.ndarray] = {}  # this process's vectors, cache or not
        self._tokens = tokens  # whether the model gives token vectors (the lean runners do)
        self._token_memo: dict[bytes, tuple[np.ndarray, np.ndarray]] = {}

    @property
    def model(self):
        if self._model is None:
            self._model = self._load()
        return self._model

    @property
    def model_loaded(self) -> bool:
        """Whether the model (and its threads) has been loaded in this process."""
        return self._model is not None

    def forget(self) -> None:
        """Drop the vectors kept in memory (the cache keeps them): a worker that checks release
        after release stays at the size of one."""
        self._memo.clear()
        self._token_memo.clear()

    @property
    def warnings(self) -> tuple[str, ...]:
        """Problems worth telling the user that did not stop the run (e.g. cache off)."""
        return self.cache.warnings if self.cache else ()

    @property
    def dim(self) -> int:
        if self._dim is None:
            stored = self.cache.dim(self.model_id) if self.cache else None
            self._dim = stored or int(self.model.get_sentence_embedding_dimension())
        return self._dim

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dim) float32, rows L2-normalised; equal texts share one vector."""
        texts = list(texts)
        keys = [text_key(t) for t in texts]
        unique = {k: t for k, t in zip(keys, texts) if k not in self._memo}
        if self.cache and unique:
            self._memo.update(
                self.cache.get_many(
                    self.model_id, self.prompt, list(unique), dim=self.dim, unit=True
                )
            )
        missing = [(k, t) for k, t in unique.items() if k not in self._memo]
        if missing:
            self._memo.update(self._encode(missing))
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if any(len(self._memo[k]) != self.dim for k in keys):
            self._redo_other_lengths(dict(zip(keys, texts)))
        return np.stack([self._memo[k] for k in keys]).astype(np.float32, copy=False)

    def _redo_other_lengths(self, texts: dict[bytes, str]) -> None:
        """The model's vectors differ in length from the cached ones the dimension was taken
        from: the model decides, and what it did not compute is computed again."""
        self._dim = int(self.model.get_sentence_embedding_dimension())
        wrong = [(k, t) for k, t in texts.items() if len(self._memo[k]) != self._dim]
        self._memo.update(self._encode(wrong))

    def _encode(self, items: list[tuple[bytes, str]]) -> dict[bytes, np.ndarray]:
        """Encoders keep no gradients themselves (SentenceTransformer.encode, the lean runners)."""
        items = sorted(items, key=lambda item: (-len(item[1]), item[0]))
        done: dict[bytes, np.ndarray] = {}
        for start in range(0, len(items), CHUNK_SIZE):
            batch = items[start : start + CHUNK_SIZE]
            vectors = self.model.encode(
                [t for _, t in batch],
                prompt=self.prompt,
                batch_size=BATCH_SIZE,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            pairs = list(zip((k for k, _ in batch), l2_normalise(np.asarray(vectors))))
            if self.cache:  # a vector the cache would refuse is not written
                self.cache.put_many(
                    self.model_id, self.prompt, [p for p in pairs if is_unit_vector(p[1])]
                )
            done.update(pairs)
            if self.progress:
                self.progress(len(done), len(items))
        return done

    def stored(self, kind: str, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        """Arrays derived from this model's output (`kind` names what they are, with its
        version) kept in the embedding cache, by key; without loading the model."""
        if self.cache is None or not keys:
            return {}
        return self.cache.get_many(f"{self.model_id}|{kind}", "", list(keys))

    def store(self, kind: str, items: Sequence[tuple[bytes, np.ndarray]]) -> None:
        """Keep arrays derived from this model's output in the embedding cache (see stored)."""
        if self.cache is not None and items:
            self.cache.put_many(f"{self.model_id}|{kind}", "", items)

    def token_vectors(self, texts: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]] | None:
        """Per text, (spans, vectors): the (n, 2) character spans of its subword tokens and
        their contextual vectors ((n, dim) float32, L2-normalised rows) from the layer the
        runner aligns words with; None when the model gives none (a sentence-transformers
        `--model`): word alignment is then unavailable. Kept in memory for this process."""
        if not self._tokens:
            return None
        runner = self.model
        if not hasattr(runner, "token_states"):
            return None
        texts = list(texts)
        keys = [text_key(t) for t in texts]
        missing = {k: t for k, t in zip(keys, texts) if k not in self._token_memo}
        if missing:
            items = sorted(missing.items(), key=lambda item: (-len(item[1]), item[0]))
            found = runner.token_states([t for _, t in items], prompt=self.prompt)
            for (key, _), (spans, states) in zip(items, found):
                self._token_memo[key] = (spans, l2_normalise(states))
        return [self._token_memo[k] for k in keys]
