"""The loading code, exercised offline with a tiny random BERT saved at test time."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from aligncheck.embed import load_embedder, st
from aligncheck.errors import InputError

TEXTS = ["the red house", "a house", "the river", "the red house"]


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> Path:
    import torch
    from sentence_transformers import SentenceTransformer

    try:
        from sentence_transformers.sentence_transformer.modules import (
            Normalize,
            Pooling,
            Transformer,
        )
    except ImportError:  # sentence-transformers < 6
        from sentence_transformers.models import Normalize, Pooling, Transformer
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    words = [
        "[PAD]",
        "[UNK]",
        "[CLS]",
        "[SEP]",
        "query",
        "passage",
        ":",
        "the",
        "red",
        "house",
        "a",
        "river",
    ]
    tok = Tokenizer(models.WordLevel({w: i for i, w in enumerate(words)}, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Punctuation()]
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        model_max_length=32,
    )
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=len(words),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=32,
    )
    raw = tmp_path_factory.mktemp("tiny-bert")
    BertModel(config, add_pooling_layer=False).save_pretrained(raw)
    fast.save_pretrained(raw)
    transformer = Transformer(str(raw))
    model = SentenceTransformer(
        modules=[transformer, Pooling(transformer.get_embedding_dimension(), "mean"), Normalize()],
        prompts={"query": "query: ", "passage": "passage: "},
        default_prompt_name="passage",
    )
    out = tmp_path_factory.mktemp("tiny-st")
    model.save(str(out))
    return out


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGNCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_local_directory_embeds_with_its_default_prompt(tiny_model, cache_dir):
    embedder = load_embedder(str(tiny_model))
    vectors = embedder.embed(TEXTS)
    assert embedder.name == str(tiny_model) and embedder.dim == 16
    assert vectors.shape == (4, 16) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    assert np.array_equal(vectors[0], vectors[3])
    model = st.load_sentence_transformer(str(tiny_model.resolve()), "tiny")
    with_prompt = model.encode(TEXTS[:3], prompt="passage: ", normalize_embeddings=True)
    without = model.encode(TEXTS[:3], prompt="", normalize_embeddings=True)
    assert np.allclose(vectors[:3], with_prompt, atol=1e-5)
    assert not np.allclose(vectors[:3], without, atol=1e-3)


def test_second_run_reads_the_cache_and_reports_progress_only_for_misses(tiny_model, cache_dir):
    first = load_embedder(str(tiny_model)).embed(TEXTS)
    calls = []
    again = load_embedder(str(tiny_model), progress=lambda done, total: calls.append((done, total)))
    assert np.array_equal(again.embed(TEXTS), first)
    assert calls == []
    again.embed(["the river a house"])
    assert calls == [(1, 1)]
    assert (cache_dir / "embeddings.sqlite3").exists()


def test_without_cache_nothing_is_written(tiny_model, cache_dir):
    load_embedder(str(tiny_model), use_cache=False).embed(TEXTS)
    assert not (cache_dir / "embeddings.sqlite3").exists()


def test_changed_model_files_do_not_reuse_old_vectors(tiny_model, tmp_path, cache_dir):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(tiny_model, copy)
    before = load_embedder(str(copy))
    config = json.loads((copy / "config_sentence_transformers.json").read_text())
    config["default_prompt_name"] = "query"
    (copy / "config_sentence_transformers.json").write_text(json.dumps(config))
    after = load_embedder(str(copy))
    assert (before.model_id, before.prompt) != (after.model_id, after.prompt)
    assert after.prompt == "query: "


def test_hub_name_resolves_from_the_hf_cache_offline(tiny_model, tmp_path, monkeypatch, cache_dir):
    repo = tmp_path / "hub" / "models--someone--tiny-model"
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text("abc123")
    (repo / "snapshots").mkdir()
    (repo / "snapshots" / "abc123").symlink_to(tiny_model, target_is_directory=True)
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub"))
    embedder = load_embedder("someone/tiny-model")
    assert embedder.name == "someone/tiny-model"
    assert embedder.embed(["the river"]).shape == (1, 16)


@pytest.mark.parametrize(
    "name", ["no-such-org/no-such-model", "./missing/dir", "/nonexistent/model", " "]
)
def test_unknown_model_is_an_input_error_naming_it(name, tmp_path, monkeypatch, cache_dir):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "empty-hub"))
    with pytest.raises(InputError) as info:
        load_embedder(name)
    assert name.strip() in str(info.value) and "directory" in str(info.value)


def test_directory_without_model_files_is_rejected_before_loading(tmp_path, cache_dir):
    (tmp_path / "notes.txt").write_text("not a model")
    with pytest.raises(InputError, match="no modules.json or config.json"):
        load_embedder(str(tmp_path))


def test_unloadable_directory_is_an_input_error(tmp_path, cache_dir):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "modules.json").write_text("not json")
    embedder = load_embedder(str(broken))
    with pytest.raises(InputError, match="broken.*cannot be loaded"):
        embedder.embed(["anything"])


def test_fully_cached_run_never_imports_torch(tiny_model, cache_dir):
    load_embedder(str(tiny_model)).embed(TEXTS)
    script = (
        "import sys; from aligncheck.embed import load_embedder; "
        f"v = load_embedder({str(tiny_model)!r}).embed({TEXTS!r}); "
        "print(v.shape, 'torch' in sys.modules, 'sentence_transformers' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "(4, 16) False False"


def test_repeated_texts_are_encoded_once_per_process_even_without_cache(tiny_model, cache_dir):
    calls = []
    embedder = load_embedder(
        str(tiny_model), use_cache=False, progress=lambda done, total: calls.append(total)
    )
    first = embedder.embed(["the river", "a house"])
    second = embedder.embed(["a house", "the red house"])
    assert calls == [2, 1]
    assert np.array_equal(first[1], second[0])
