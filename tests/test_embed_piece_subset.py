"""A tokenizer of only the pieces the texts can use gives the whole tokenizer's ids."""

import json
import random

import pytest
from tokenizers import AddedToken, Tokenizer, models, normalizers, pre_tokenizers, processors

from aligncheck.embed import piece_subset

SPECIALS = ["<s>", "<pad>", "</s>", "<unk>"]
PIECES = [
    "▁",
    "a",
    "b",
    "c",
    "д",
    "о",
    "м",
    "▁a",
    "▁ab",
    "ab",
    "bc",
    "abc",
    "▁дом",
    "до",
    "ом",
    "▁c",
    "ca",
    "cab",
    "▁b",
    "м▁",
]


def _unigram_dir(tmp_path, seed=7):
    rng = random.Random(seed)
    vocab = [(s, 0.0) for s in SPECIALS] + [(p, -rng.uniform(1, 12)) for p in PIECES]
    vocab.append(("<mask>", 0.0))
    tokenizer = Tokenizer(models.Unigram(vocab, unk_id=3, byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Lowercase()])
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tokenizer.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", special_tokens=[("<s>", 0), ("</s>", 2)]
    )
    tokenizer.add_special_tokens(
        [AddedToken(s, special=True, normalized=False) for s in SPECIALS + ["<mask>"]]
    )
    tokenizer.save(str(tmp_path / "tokenizer.json"))
    return tmp_path


def _whole(path):
    tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
    return lambda texts: [e.ids for e in tokenizer.encode_batch(texts)]


def test_random_texts_get_the_whole_tokenizers_ids(tmp_path):
    path = _unigram_dir(tmp_path)
    assert piece_subset.ensure_table(path)
    rng = random.Random(1)
    alphabet = "abcдомxZ  ①"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(300)]
    subset = piece_subset.SubsetTokenizer(path)
    assert subset.encode_ids(texts) == _whole(path)(texts)


def test_later_batches_with_new_words_and_special_strings_agree(tmp_path):
    path = _unigram_dir(tmp_path)
    assert piece_subset.ensure_table(path)
    subset, whole = piece_subset.SubsetTokenizer(path), _whole(path)
    first = ["ab ab", "дом"]
    assert subset.encode_ids(first) == whole(first)
    held = len(subset.needed)
    later = ["cab<mask>abc", "bc</s>дом", "x<unk> ab"]
    assert subset.encode_ids(later) == whole(later)
    assert len(subset.needed) > held  # the new words brought pieces the first batch lacked
    assert subset.encode_ids(first + later) == whole(first + later)


def test_only_pieces_the_texts_contain_are_loaded(tmp_path):
    path = _unigram_dir(tmp_path)
    piece_subset.ensure_table(path)
    subset = piece_subset.SubsetTokenizer(path)
    subset.encode_ids(["ab"])
    names = {str(subset.pieces[i]) for i in subset.needed}
    lowest = str(subset.pieces[subset.scores.argmin()])  # kept: it sets the unknown-token penalty
    assert {"▁ab", "▁a", "a", "b", "ab", lowest} <= names
    assert not names & ({"▁дом", "cab", "bc", "ca"} - {lowest})


def test_a_tokenizer_that_is_not_unigram_is_declined(tmp_path):
    tokenizer = Tokenizer(models.WordLevel({"[UNK]": 0, "house": 1}, unk_token="[UNK]"))
    tokenizer.save(str(tmp_path / "tokenizer.json"))
    assert piece_subset.ensure_table(tmp_path) is False
    assert not piece_subset.table_path(tmp_path).exists()


def test_special_ids_the_template_uses_must_lead_the_vocabulary(tmp_path):
    path = _unigram_dir(tmp_path)
    spec = json.loads((path / "tokenizer.json").read_text())
    spec["post_processor"]["special_tokens"]["</s>"]["ids"] = [len(spec["model"]["vocab"]) - 1]
    (path / "tokenizer.json").write_text(json.dumps(spec))
    assert piece_subset.ensure_table(path) is False


@pytest.mark.slow
def test_the_default_model_tokenizes_every_language_alike(tmp_path, monkeypatch):
    from pathlib import Path

    from aligncheck._runtime.cachefiles import cache_dir
    from aligncheck.embed import default_model_dir

    models_dir = cache_dir() / "models"
    models_dir.mkdir(parents=True, exist_ok=True)
    (tmp_path / "models").symlink_to(models_dir, target_is_directory=True)
    monkeypatch.setenv("ALIGNCHECK_CACHE_DIR", str(tmp_path))
    path = default_model_dir()
    corpus = Path(__file__).resolve().parents[1] / "corpora" / "steppe-rivers"
    texts = [p for f in sorted(corpus.glob("*.md")) for p in f.read_text("utf-8").split("\n\n")]
    texts += [
        "Ｆｕｌｌｗｉｄｔｈ ～ and  two  spaces",
        "tab\tand\u00a0nbsp\u200b",
        "emoji 🙂 中文 ①②",
        "literal <mask> and </s> inside",
        "",
    ]
    texts = ["passage: " + t for t in texts]
    assert piece_subset.ensure_table(path)
    assert piece_subset.SubsetTokenizer(path).encode_ids(texts) == _whole(path)(texts)


def test_runners_use_the_whole_tokenizer_where_the_side_file_cannot_be_written(
    tmp_path, monkeypatch
):
    from aligncheck.embed import bert

    def read_only(path):
        raise PermissionError(f"read-only: {path}")

    path = _unigram_dir(tmp_path)
    monkeypatch.setattr(piece_subset, "ensure_table", read_only)
    texts = ["cab abc", "дом ab"]
    assert bert._tokenizer(path)(texts) == _whole(path)(texts)
    assert not piece_subset.table_path(path).exists()


def test_a_damaged_side_file_is_dropped_and_the_whole_tokenizer_used(tmp_path):
    from aligncheck.embed import bert

    path = _unigram_dir(tmp_path)
    piece_subset.table_path(path).write_bytes(b"PK\x03\x04 not a table")
    texts = ["cab abc", "дом ab"]
    assert bert._tokenizer(path)(texts) == _whole(path)(texts)
    assert not piece_subset.table_path(path).exists()
    assert bert._tokenizer(path)(texts) == _whole(path)(texts)  # and the next start writes it again
    assert piece_subset.table_path(path).exists()
