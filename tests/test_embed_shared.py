"""One embedder serving concurrent releases (the Ray actor's): one thread, merged batches."""

import threading

import numpy as np

from aligncheck.embed.shared import CallerEmbedder, SharedEmbedder


class Recording:
    """A stand-in embedder: a text's vector is its length; it records calls and threads."""

    name, dim, warnings = "stand-in", 2, ("said once",)

    def __init__(self, gate: threading.Event):
        self.gate, self.calls, self.threads = gate, [], set()

    def embed(self, texts):
        self.threads.add(threading.get_ident())
        self.gate.wait(10)  # the first call holds the thread while the others queue up
        self.calls.append(list(texts))
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)

    def stored(self, kind, keys):
        self.threads.add(threading.get_ident())
        return {key: np.array([1.0]) for key in keys}


def test_waiting_requests_are_merged_into_one_batch_on_one_thread():
    gate = threading.Event()
    embedder = Recording(gate)
    shared = SharedEmbedder(embedder)
    answers = {}

    def ask(name, texts):
        answers[name] = shared.call("embed", texts)

    first = threading.Thread(target=ask, args=("first", ["a"]))
    first.start()
    while not embedder.threads:
        threading.Event().wait(0.01)
    others = [threading.Thread(target=ask, args=(n, [n * 2, n * 3])) for n in ("x", "yy")]
    for thread in others:
        thread.start()
    while shared._requests.qsize() < 2:
        threading.Event().wait(0.01)
    gate.set()
    for thread in [first, *others]:
        thread.join(10)
    assert embedder.calls[0] == ["a"] and len(embedder.calls) == 2
    assert sorted(embedder.calls[1]) == ["xx", "xxx", "yyyy", "yyyyyy"]
    assert answers["x"][:, 0].tolist() == [2, 3] and answers["yy"][:, 0].tolist() == [4, 6]
    assert shared.call("stored", "kind", [b"k"])[b"k"].tolist() == [1.0]
    assert len(embedder.threads) == 1 and shared.call("warnings") == ("said once",)


def test_a_caller_asks_only_for_the_texts_it_has_not_been_given():
    asked = []

    def call(method, texts):
        asked.append(list(texts))
        return np.array([[len(t), 0.0] for t in texts], dtype=np.float32)

    embedder = CallerEmbedder(call, "stand-in", 2)
    assert embedder.embed(["ab", "c", "ab"])[:, 0].tolist() == [2, 1, 2]
    assert embedder.embed(["c", "def"])[:, 0].tolist() == [1, 3]
    assert embedder.embed([]).shape == (0, 2)
    assert asked == [["ab", "c"], ["def"]]
