"""One embedder serving many callers (the releases a Ray actor embeds for), and the embedder
those callers hold.

`SharedEmbedder` runs every request on one thread of its own (the embedder, its memory and
its SQLite connection are not thread-safe), and merges the `embed` requests that are waiting
when it gets to them into one call: texts of several releases go through the model together.
A vector does not depend on what it is embedded with (bert.py), so merging changes no result.
`CallerEmbedder` is what a release's rules see: the embedder interface, with the vectors it
was given kept for the release, so the rules' repeated calls (OM02 embeds its sentences once,
then asks again per pair) cost no round trip.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future

import numpy as np

from aligncheck.embed.cache import text_key


class SharedEmbedder:
    def __init__(self, embedder):
        self.embedder = embedder
        self._requests: queue.SimpleQueue = queue.SimpleQueue()
        threading.Thread(target=self._serve, name="aligncheck-embedder", daemon=True).start()

    def call(self, method: str, *args):
        """`embedder.<method>(*args)` (or the attribute `method`), run on the embedder's thread."""
        future: Future = Future()
        self._requests.put((method, args, future))
        return future.result()

    def _serve(self) -> None:
        while True:
            request = self._requests.get()
            if request[0] != "embed":
                _answer(request[2], lambda: self._one(request[0], request[1]))
                continue
            merged = [request]
            while True:
                try:
                    other = self._requests.get_nowait()
                except queue.Empty:
                    break
                if other[0] == "embed":
                    merged.append(other)
                else:
                    _answer(other[2], lambda: self._one(other[0], other[1]))
            self._embed(merged)

    def _one(self, method: str, args: tuple):
        value = getattr(self.embedder, method)
        return value(*args) if callable(value) else value

    def _embed(self, requests: list) -> None:
        texts = [text for _, (some,), _ in requests for text in some]
        try:
            vectors = self.embedder.embed(texts)
        except BaseException as exc:  # noqa: BLE001 - every waiting caller hears of it
            for _, _, future in requests:
                future.set_exception(exc)
            return
        start = 0
        for _, (some,), future in requests:
            future.set_result(vectors[start : start + len(some)])
            start += len(some)


def _answer(future: Future, compute: Callable) -> None:
    try:
        future.set_result(compute())
    except BaseException as exc:  # noqa: BLE001 - raised in the caller
        future.set_exception(exc)


class CallerEmbedder:
    """The embedder interface over `call(method, *args)` (a SharedEmbedder's, maybe remote)."""

    model_loaded = True  # the model lives elsewhere: never fork around it (pipeline._may_fork)

    def __init__(self, call: Callable, name: str, dim: int):
        self.name, self.dim, self._call = name, dim, call
        self._vectors: dict[bytes, np.ndarray] = {}
        self._tokens: dict[bytes, tuple[np.ndarray, np.ndarray] | None] = {}

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(self._call("warnings"))

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        keys = [text_key(t) for t in texts]
        missing = {k: t for k, t in zip(keys, texts) if k not in self._vectors}
        if missing:
            found = self._call("embed", list(missing.values()))
            self._vectors.update(zip(missing, found))
        if not keys:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vectors[k] for k in keys]).astype(np.float32, copy=False)

    def token_vectors(self, texts: Sequence[str]):
        keys = [text_key(t) for t in texts]
        missing = {k: t for k, t in zip(keys, texts) if k not in self._tokens}
        if missing:
            found = self._call("token_vectors", list(missing.values()))
            if found is None:
                return None
            self._tokens.update(zip(missing, found))
        return [self._tokens[k] for k in keys]

    def stored(self, kind: str, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        return self._call("stored", kind, list(keys)) if keys else {}

    def store(self, kind: str, items: Sequence[tuple[bytes, np.ndarray]]) -> None:
        if items:
            self._call("store", kind, list(items))
