"""One model serving concurrent releases (a Ray actor's): one thread, merged batches, and
callers that keep the embedding cache on their side."""

import threading

import numpy as np

from aligncheck.embed.cache import EmbeddingCache
from aligncheck.embed.embedder import CachedEmbedder
from aligncheck.embed.shared import RemoteModel, SharedModel, remote_model


class Recording:
    """A stand-in model: a text's vector is (its length, 1), normalised by the embedder."""

    def __init__(self, gate: threading.Event | None = None):
        self.gate, self.calls, self.threads = gate, [], set()

    def get_sentence_embedding_dimension(self):
        return 2

    def encode(self, texts, prompt="", **_):
        self.threads.add(threading.get_ident())
        if self.gate is not None:
            self.gate.wait(10)  # the first call holds the thread while the others queue up
        self.calls.append(list(texts))
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)

    def token_states(self, texts, prompt=""):
        self.threads.add(threading.get_ident())
        return [(np.zeros((0, 2), dtype=np.int64), np.zeros((0, 2))) for _ in texts]


def _wait_until(condition):
    for _ in range(1000):
        if condition():
            return
        threading.Event().wait(0.01)
    raise AssertionError("timed out")


def test_waiting_encode_requests_are_merged_into_one_call_on_one_thread():
    model = Recording(threading.Event())
    shared = SharedModel(lambda: model)
    answers = {}

    def ask(name, texts):
        answers[name] = shared.call("encode", texts, {"prompt": "p: "})

    first = threading.Thread(target=ask, args=("first", ["a"]))
    first.start()
    _wait_until(lambda: model.threads)
    others = [threading.Thread(target=ask, args=(n, [n * 2, n * 3])) for n in ("x", "yy")]
    for thread in others:
        thread.start()
    _wait_until(lambda: shared._requests.qsize() == 2)
    model.gate.set()
    for thread in [first, *others]:
        thread.join(10)
    assert model.calls[0] == ["a"] and len(model.calls) == 2
    assert sorted(model.calls[1]) == ["xx", "xxx", "yyyy", "yyyyyy"]
    assert answers["x"][:, 0].tolist() == [2, 3] and answers["yy"][:, 0].tolist() == [4, 6]
    assert len(shared.call("token_states", ["ab"], {})) == 1
    assert len(model.threads) == 1


def test_the_model_loads_on_the_first_request_only():
    loads = []
    shared = SharedModel(lambda: loads.append(1) or Recording())
    assert loads == []
    shared.call("encode", ["a"], {})
    shared.call("encode", ["b"], {})
    assert loads == [1]


def test_a_caller_embeds_through_the_shared_model_and_keeps_the_cache_on_its_side(tmp_path):
    model = Recording()
    shared = SharedModel(lambda: model)
    store = tmp_path / "embeddings.sqlite3"

    def caller() -> CachedEmbedder:
        remote = remote_model(shared.call, 2, tokens=True)
        return CachedEmbedder("m", "m|1", "p: ", lambda: remote, EmbeddingCache(store), tokens=True)

    cold = caller().embed(["ab", "c", "ab"])
    assert model.calls == [["ab", "c"]]  # longest first, each text once
    warm = caller().embed(["c", "ab"])
    assert model.calls == [["ab", "c"]]  # from the cache, no call
    assert warm.tobytes() == cold[[1, 0]].tobytes()
    assert caller().token_vectors(["ab"]) is not None
    assert not hasattr(remote_model(shared.call, 2, tokens=False), "token_states")
    assert isinstance(remote_model(shared.call, 2, tokens=False), RemoteModel)
