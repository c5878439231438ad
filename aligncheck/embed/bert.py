"""A lean runner for the built default model: BERT + mean pooling + L2 norm in plain torch.

It reads the same sentence-transformers directory but skips importing
transformers and sentence-transformers (seconds of start-up on a small machine).
`LeanBert.encode` matches SentenceTransformer.encode on that directory.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np


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
        self.tokenizer.enable_truncation(self.max_length)
        self.tokenizer.enable_padding(pad_id=config["pad_token_id"])
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

    def encode(self, texts: list[str], prompt: str = "", **_ignored) -> np.ndarray:
        import torch
        import torch.nn.functional as F

        encodings = self.tokenizer.encode_batch([prompt + t for t in texts])
        ids = torch.tensor([e.ids for e in encodings])
        keep = torch.tensor([e.attention_mask for e in encodings], dtype=torch.bool)
        w, length = self.w, ids.shape[1]
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:length]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = F.layer_norm(x, (self.dim,), w["embeddings.LayerNorm.weight"],
                         w["embeddings.LayerNorm.bias"], self.eps)
        mask = keep[:, None, None, :]
        with torch.inference_mode():
            for i in range(self.layers):
                x = self._layer(x, mask, i)
        weights = keep.unsqueeze(-1).to(x.dtype)
        pooled = (x * weights).sum(1) / weights.sum(1).clamp(min=1)
        return F.normalize(pooled, dim=-1).numpy()
