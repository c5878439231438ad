"""A loaded model serving many callers (a Ray actor's), and the stand-in model they hold.

`SharedModel` runs every request on one thread of its own (a runner is not meant for
concurrent calls) and merges the `encode` requests waiting when it gets to them into one
call: texts of several releases go through the model together. A vector does not depend on
what it is encoded with (bert.py), so merging changes no result.

`RemoteModel` is what a caller's CachedEmbedder loads instead of the model: `encode` (and
`token_states`, if the model has them) go to the shared model; everything else, the vectors
already in the embedding cache and the word alignments kept there included, stays with the
caller, so a warm run never asks the shared model anything.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future


class SharedModel:
    """`load()` gives the model, on the first request (a warm run makes none)."""

    def __init__(self, load: Callable[[], object]):
        self._load, self._model = load, None
        self._requests: queue.SimpleQueue = queue.SimpleQueue()
        threading.Thread(target=self._serve, name="aligncheck-model", daemon=True).start()

    def call(self, method: str, texts: list[str], options: dict):
        """`model.<method>(texts, **options)`, run on the model's thread."""
        future: Future = Future()
        self._requests.put((method, texts, options, future))
        return future.result()

    def _serve(self) -> None:
        while True:
            first = self._requests.get()
            if first[0] != "encode":
                self._run([first])
                continue
            merged, others = [first], []
            while True:
                try:
                    request = self._requests.get_nowait()
                except queue.Empty:
                    break
                same = request[0] == "encode" and request[2] == first[2]
                (merged if same else others).append(request)
            self._run(merged)
            for request in others:
                self._run([request])

    def _run(self, requests: list) -> None:
        """One model call for `requests` (of one method and options); each gets its rows."""
        method, _, options, _ = requests[0]
        texts = [text for request in requests for text in request[1]]
        try:
            if self._model is None:
                self._model = self._load()
            found = getattr(self._model, method)(texts, **options)
        except BaseException as exc:  # noqa: BLE001 - raised in every waiting caller
            for request in requests:
                request[3].set_exception(exc)
            return
        start = 0
        for request in requests:
            request[3].set_result(found[start : start + len(request[1])])
            start += len(request[1])


class RemoteModel:
    """The model interface CachedEmbedder uses, over `call(method, texts, options)`."""

    def __init__(self, call: Callable, dim: int):
        self._call, self._dim = call, dim

    def get_sentence_embedding_dimension(self) -> int:
        return self._dim

    def encode(self, texts, **options):
        return self._call("encode", list(texts), options)


class RemoteTokenModel(RemoteModel):
    """A remote model that also gives token states (the default model's lean runners)."""

    def token_states(self, texts, **options):
        return self._call("token_states", list(texts), options)


def remote_model(call: Callable, dim: int, tokens: bool) -> RemoteModel:
    return (RemoteTokenModel if tokens else RemoteModel)(call, dim)
